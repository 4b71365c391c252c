package org.reetrace.app.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.registry.FacilityId;

/**
 * What each mine extracted per quota year as the books stand before the event being judged, for the quota rule
 * (asked on every extraction in a lease): the committed extractions less those reversed, plus the entries of the
 * writer's batch not yet committed. Both are running sums, so a question costs the entries added since the last
 * one, not the whole batch.
 *
 * <p>The writer only appends to its list of uncommitted entries, or cuts it back when it rolls back a submission,
 * and starts a new list for each batch; every entry the ledger makes is a new object. So the entries counted so far
 * stand up to the last one still found at its place in the list; those after it were rolled back and are taken
 * back out of the sum before the new ones are counted. Used only from the writer's thread.
 */
final class ExtractionTally {

    /** What one entry counts against its mine's quota year: an extraction, or a reversal of one (negative). */
    record Count(FacilityId mine, int year, long mg) {
        Count negated() {
            return new Count(mine, year, -mg);
        }
    }

    private record MineYear(FacilityId mine, int year) {
    }

    private final ZoneId zone;
    private final Function<EventId, Optional<Count>> storedExtraction;
    private final Map<MineYear, Long> committed = new HashMap<>();
    /** The uncommitted entries counted, in the writer's order, what each counts (null: nothing), and their sum. */
    private final List<Entry> counted = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();
    private final Map<MineYear, Long> uncommitted = new HashMap<>();

    /**
     * @param zone             the zone quota years are read in
     * @param storedExtraction a committed extraction's count, by event id; empty if the event is no extraction
     */
    ExtractionTally(ZoneId zone, Function<EventId, Optional<Count>> storedExtraction) {
        this.zone = zone;
        this.storedExtraction = storedExtraction;
    }

    /** Adds committed extractions, e.g. the totals of the stored events at start. */
    void addCommitted(FacilityId mine, int year, long mg) {
        add(committed, new Count(mine, year, mg));
    }

    /** What the mine extracted in the year: committed, and in {@code batch}, the writer's uncommitted entries. */
    Mass extractedInYear(FacilityId mine, int year, List<Entry> batch) {
        catchUp(batch);
        MineYear key = new MineYear(mine, year);
        return Mass.ofMilligrams(committed.getOrDefault(key, 0L) + uncommitted.getOrDefault(key, 0L));
    }

    /** After commit: the batch's entries are committed ones from now on. */
    void committed(List<Entry> batch) {
        catchUp(batch);
        for (Count c : counts) {
            if (c != null) {
                add(committed, c);
            }
        }
        counted.clear();
        counts.clear();
        uncommitted.clear();
    }

    private void catchUp(List<Entry> batch) {
        while (!counted.isEmpty()
                && (counted.size() > batch.size() || counted.getLast() != batch.get(counted.size() - 1))) {
            counted.removeLast();
            Count gone = counts.removeLast();
            if (gone != null) {
                add(uncommitted, gone.negated());
            }
        }
        for (int i = counted.size(); i < batch.size(); i++) {
            Entry e = batch.get(i);
            Count c = count(e, batch).orElse(null);
            counted.add(e);
            counts.add(c);
            if (c != null) {
                add(uncommitted, c);
            }
        }
    }

    private Optional<Count> count(Entry e, List<Entry> batch) {
        return switch (e.event()) {
            case Extract x -> Optional.of(count(x));
            // an extraction booked in error does not count against the mine's quota
            case Reverse r -> reversedExtraction(r, batch).map(Count::negated);
            default -> Optional.empty();
        };
    }

    /** The extraction a reversal takes back, if it reverses one: looked up in the batch first, then in the store. */
    private Optional<Count> reversedExtraction(Reverse r, List<Entry> batch) {
        for (Entry e : batch) {
            if (e.event().id().equals(r.original())) {
                return e.event() instanceof Extract x ? Optional.of(count(x)) : Optional.empty();
            }
        }
        return storedExtraction.apply(r.original());
    }

    private Count count(Extract x) {
        return new Count(x.facility(), x.time().atZone(zone).getYear(), x.mass().mg());
    }

    private static void add(Map<MineYear, Long> sums, Count c) {
        sums.merge(new MineYear(c.mine(), c.year()), c.mg(), (a, b) -> a + b == 0 ? null : a + b);
    }
}
