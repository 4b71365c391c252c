package org.reetrace.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;

/**
 * The extraction tally the quota rule reads, driven the way the ledger writer drives it: a list of uncommitted
 * entries per batch that grows, is cut back when a submission is rolled back, and is handed over on commit.
 */
class ExtractionTallyTest {

    private static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");
    private static final FacilityId MINE = FacilityId.of("MINE-A");
    private static final FacilityId OTHER = FacilityId.of("MINE-B");
    private static final Instant MARCH_2026 = Instant.parse("2026-03-01T00:00:00Z");

    /** Committed extractions the store knows, by event id, and how often it was asked. */
    private final Map<EventId, ExtractionTally.Count> stored = new HashMap<>();
    private int storeLookups;
    private final ExtractionTally tally = new ExtractionTally(KL, id -> {
        storeLookups++;
        return Optional.ofNullable(stored.get(id));
    });
    private long sequence;

    private Entry entry(LedgerEvent event) {
        sequence++;
        return new Entry(sequence, "h" + sequence, "h" + (sequence - 1), "d" + sequence, event, List.of(),
                Entry.Lineage.NONE, Set.of(), List.of(), Balance.EMPTY);
    }

    private static Extract extract(String id, FacilityId mine, Instant at, long tonnes) {
        return new Extract(EventId.of(id), at, mine, LotId.of("lot-" + id), MaterialForm.ORE, Mass.ofTonnes(tonnes),
                Composition.of(Element.La, 1_000), null);
    }

    private static Reverse reverse(String id, String original) {
        return new Reverse(EventId.of(id), MARCH_2026.plusSeconds(3600), MINE, EventId.of(original), "booked in error");
    }

    private long tonnes(List<Entry> batch) {
        return tally.extractedInYear(MINE, 2026, batch).mg() / Mass.ofTonnes(1).mg();
    }

    @Test
    void counts_committed_and_uncommitted_extractions_of_the_mine_in_the_quota_year() {
        tally.addCommitted(MINE, 2026, Mass.ofTonnes(100).mg());
        tally.addCommitted(MINE, 2025, Mass.ofTonnes(7).mg());
        List<Entry> batch = new ArrayList<>();
        batch.add(entry(extract("e1", MINE, MARCH_2026, 10)));
        batch.add(entry(extract("e2", OTHER, MARCH_2026, 20)));
        // 1 January 2026, 02:00 in Kuala Lumpur: the 2026 quota year there, although still 2025 in UTC
        batch.add(entry(extract("e3", MINE, Instant.parse("2025-12-31T18:00:00Z"), 5)));
        batch.add(entry(new Ship(EventId.of("s1"), MARCH_2026, MINE, LotId.of("lot-e1"), OTHER)));

        assertThat(tonnes(batch)).isEqualTo(115);
        assertThat(tally.extractedInYear(OTHER, 2026, batch)).isEqualTo(Mass.ofTonnes(20));
        assertThat(tally.extractedInYear(MINE, 2025, batch)).isEqualTo(Mass.ofTonnes(7));
        assertThat(tally.extractedInYear(MINE, 2027, batch)).isEqualTo(Mass.ZERO);
    }

    @Test
    void the_entries_of_a_rolled_back_submission_no_longer_count_and_those_booked_after_it_do() {
        List<Entry> batch = new ArrayList<>();
        batch.add(entry(extract("e1", MINE, MARCH_2026, 10)));
        assertThat(tonnes(batch)).isEqualTo(10);
        batch.add(entry(extract("e2", MINE, MARCH_2026, 20)));
        batch.add(entry(extract("e3", MINE, MARCH_2026, 30)));
        assertThat(tonnes(batch)).isEqualTo(60);

        batch.subList(1, batch.size()).clear(); // the writer rolls back the submission of e2 and e3
        assertThat(tonnes(batch)).isEqualTo(10);
        batch.add(entry(extract("e2", MINE, MARCH_2026, 20))); // booked again, alone: a new entry of the same event
        batch.add(entry(extract("e4", MINE, MARCH_2026, 4)));
        assertThat(tonnes(batch)).isEqualTo(34);

        batch.subList(1, batch.size()).clear();
        batch.add(entry(extract("e5", MINE, MARCH_2026, 1)));
        batch.add(entry(extract("e6", MINE, MARCH_2026, 2)));
        batch.add(entry(extract("e7", MINE, MARCH_2026, 3)));
        assertThat(tonnes(batch)).as("as long a list as before, other entries").isEqualTo(16);
    }

    @Test
    void a_batch_whose_transaction_failed_no_longer_counts_and_a_committed_one_counts_once() {
        List<Entry> failed = new ArrayList<>();
        failed.add(entry(extract("e1", MINE, MARCH_2026, 10)));
        assertThat(tonnes(failed)).isEqualTo(10);

        // the writer drops the batch without committing and starts the next with a new list
        List<Entry> next = new ArrayList<>();
        assertThat(tonnes(next)).isZero();
        next.add(entry(extract("e2", MINE, MARCH_2026, 20)));
        assertThat(tonnes(next)).isEqualTo(20);
        next.add(entry(extract("e3", MINE, MARCH_2026, 5)));
        tally.committed(next);

        List<Entry> after = new ArrayList<>();
        assertThat(tonnes(after)).isEqualTo(25);
        after.add(entry(extract("e4", MINE, MARCH_2026, 1)));
        assertThat(tonnes(after)).isEqualTo(26);
        after.clear(); // rolled back: the committed figure stays
        assertThat(tonnes(after)).isEqualTo(25);
    }

    @Test
    void a_reversal_takes_back_the_extraction_it_reverses_from_the_batch_or_the_store_until_it_is_rolled_back() {
        tally.addCommitted(MINE, 2026, Mass.ofTonnes(100).mg());
        stored.put(EventId.of("old"), new ExtractionTally.Count(MINE, 2026, Mass.ofTonnes(40).mg()));
        List<Entry> batch = new ArrayList<>();
        batch.add(entry(extract("e1", MINE, MARCH_2026, 10)));
        batch.add(entry(reverse("r1", "e1")));
        assertThat(tonnes(batch)).isEqualTo(100);

        batch.add(entry(reverse("r2", "old")));
        batch.add(entry(reverse("r3", "a-shipment"))); // not an extraction: nothing to take back
        assertThat(tonnes(batch)).isEqualTo(60);

        batch.subList(2, batch.size()).clear();
        assertThat(tonnes(batch)).isEqualTo(100);
        batch.subList(1, batch.size()).clear();
        assertThat(tonnes(batch)).isEqualTo(110);

        batch.add(entry(reverse("r2", "old")));
        tally.committed(batch);
        assertThat(tonnes(List.of())).isEqualTo(70);
    }

    @Test
    void the_store_is_asked_once_per_reversal_counted_not_once_per_question() {
        tally.addCommitted(MINE, 2026, Mass.ofTonnes(40).mg());
        stored.put(EventId.of("old"), new ExtractionTally.Count(MINE, 2026, Mass.ofTonnes(40).mg()));
        List<Entry> batch = new ArrayList<>();
        batch.add(entry(reverse("r1", "old")));
        for (int i = 0; i < 5; i++) {
            batch.add(entry(extract("e" + i, MINE, MARCH_2026, 1)));
            assertThat(tonnes(batch)).isEqualTo(i + 1);
        }
        tally.committed(batch);
        assertThat(tonnes(List.of())).isEqualTo(5);
        assertThat(storeLookups).isEqualTo(1);
    }
}
