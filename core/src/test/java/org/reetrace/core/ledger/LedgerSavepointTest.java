package org.reetrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Ship;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.testing.Compositions;
import org.reetrace.core.testing.EventStreams;
import org.reetrace.core.testing.RegistryFixture;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A savepoint takes the books back exactly: what a refused batch or a failed store transaction relies on. */
class LedgerSavepointTest {

    private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");

    private static Ledger ledger() {
        return Ledger.empty(RegistryFixture.REGISTRY, Tolerance.DEFAULT);
    }

    private static Extract ore(String id) {
        Mass mass = Mass.ofTonnes(10);
        return new Extract(EventId.of("x-" + id), T, RegistryFixture.AMANG_MINE, LotId.of(id), MaterialForm.ORE, mass,
                Compositions.amangOre(mass), null);
    }

    @Test
    void rolling_back_takes_back_new_lots_changed_lots_stock_balance_and_chain() {
        Ledger ledger = ledger();
        ledger.apply(ore("A"));
        Lot before = ledger.lot(LotId.of("A")).orElseThrow();
        Composition stockBefore = ledger.stock(RegistryFixture.AMANG_MINE);
        Balance balanceBefore = ledger.balance();
        String headBefore = ledger.head();

        Ledger.Savepoint savepoint = ledger.savepoint();
        ledger.apply(ore("B"));
        ledger.apply(new Ship(EventId.of("s-A"), T, RegistryFixture.AMANG_MINE, LotId.of("A"), RegistryFixture.CONCENTRATOR));
        ledger.rollbackTo(savepoint);

        assertThat(ledger.lot(LotId.of("B"))).isEmpty();
        assertThat(ledger.lot(LotId.of("A"))).contains(before);
        assertThat(ledger.stock(RegistryFixture.AMANG_MINE)).isEqualTo(stockBefore);
        assertThat(ledger.balance()).isEqualTo(balanceBefore);
        assertThat(ledger.head()).isEqualTo(headBefore);
        assertThat(ledger.sequence()).isEqualTo(1);
    }

    @Test
    void an_inner_rollback_keeps_what_the_outer_savepoint_covers_and_releasing_the_outer_keeps_the_rest() {
        Ledger ledger = ledger();
        Ledger.Savepoint outer = ledger.savepoint();
        ledger.apply(ore("A"));
        Ledger.Savepoint inner = ledger.savepoint();
        ledger.apply(ore("B"));
        ledger.rollbackTo(inner);
        ledger.apply(ore("C"));
        ledger.release(outer);

        assertThat(ledger.lot(LotId.of("A"))).isPresent();
        assertThat(ledger.lot(LotId.of("B"))).isEmpty();
        assertThat(ledger.lot(LotId.of("C"))).isPresent();
        assertThat(ledger.sequence()).isEqualTo(2);
        assertThat(Invariants.check(ledger.lots(), ledger.balance())).isEmpty();
    }

    @Provide
    Arbitrary<List<LedgerEvent>> streams() {
        return EventStreams.events(60);
    }

    @Property(tries = 100)
    void after_any_stream_a_rollback_restores_the_books_as_they_were(@ForAll("streams") List<LedgerEvent> events,
                                                                      @ForAll @IntRange(min = 0, max = 60) int at) {
        int split = Math.min(at, events.size());
        Ledger ledger = ledger();
        events.subList(0, split).forEach(ledger::apply);
        List<Lot> lots = new ArrayList<>(ledger.lots());
        Balance balance = ledger.balance();
        String head = ledger.head();
        Map<FacilityId, Composition> stock = new HashMap<>();
        lots.forEach(l -> stock.put(l.facility(), ledger.stock(l.facility())));

        Ledger.Savepoint savepoint = ledger.savepoint();
        events.subList(split, events.size()).forEach(ledger::apply);
        ledger.rollbackTo(savepoint);

        assertThat(ledger.lots()).containsExactlyInAnyOrderElementsOf(lots);
        assertThat(ledger.balance()).isEqualTo(balance);
        assertThat(ledger.head()).isEqualTo(head);
        stock.forEach((facility, c) -> assertThat(ledger.stock(facility)).isEqualTo(c));
        assertThat(Invariants.check(ledger.lots(), ledger.balance())).isEmpty();
    }
}
