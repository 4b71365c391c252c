package org.reetrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.EventType;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.testing.EventStreams;
import org.reetrace.core.testing.EventStreams.Intent;
import org.reetrace.core.testing.LedgerRun;
import org.reetrace.core.testing.RegistryFixture;

/**
 * The six invariants of the design, checked after every step of generated streams of plausible and adversarial
 * events. {@link LedgerRun} holds the per-step checks; each property here drives it and adds what it is about.
 */
class LedgerPropertiesTest {

    @Provide
    Arbitrary<List<Intent>> streams() {
        return EventStreams.intents(60);
    }

    @Property(tries = 400)
    void everyStepKeepsAllSixInvariantsAndAgreesWithTheReferenceBooks(@ForAll("streams") List<Intent> intents) {
        LedgerRun run = LedgerRun.withDefaultTolerance();
        EventStreams.Resolver resolver = new EventStreams.Resolver();
        for (Intent intent : intents) {
            LedgerRun.Step step = run.apply(resolver.resolve(intent, run.ledger()));
            Statistics.label("outcome").collect(step.verdict() instanceof Verdict.Accepted ? "accepted" : "refused");
            Statistics.label("code").collect(step.outcome());
            if (step.verdict() instanceof Verdict.Accepted) {
                Statistics.label("accepted").collect(step.event().type());
            }
        }
        Statistics.label("accepted").coverage(c -> {
            for (EventType type : EventType.values()) {
                c.check(type).count(n -> n > 0);
            }
        });
        Statistics.label("code").coverage(c -> {
            for (String code : List.of("lot.unknown", "lot.closed", "lot.not-held", "lot.exceeds-remaining",
                    "mass.not-positive", "composition.exceeds-mass", "lot.exists", "transform.creates-element",
                    "transform.duplicate-lot", "lot.not-addressed", "mass.gain-beyond-tolerance", "facility.unknown",
                    "lot.no-provenance", "transform.no-provenance")) {
                c.check(code).count(n -> n > 0);
            }
        });
        Statistics.label("outcome").coverage(c -> c.check("accepted").percentage(p -> p > 45));
        Statistics.label("outcome").coverage(c -> c.check("refused").percentage(p -> p > 10));
    }

    @Property(tries = 300)
    void reversalsKeepEveryInvariantAndEachKindOfRefusalOccurs(@ForAll("streams") List<Intent> intents) {
        LedgerRun run = LedgerRun.withDefaultTolerance();
        EventStreams.Resolver resolver = new EventStreams.Resolver();
        for (Intent intent : intents) {
            LedgerRun.Step step = run.apply(resolver.resolve(intent, run.ledger()));
            if (step.event() instanceof org.reetrace.core.event.Reverse) {
                Statistics.label("reversal").collect(step.outcome());
            }
        }
        Statistics.label("reversal").coverage(c -> {
            for (String outcome : List.of("accepted", "reverse.unknown-event", "reverse.already-reversed",
                    "reverse.of-reversal", "reverse.lot-changed-since", "reverse.not-holder")) {
                c.check(outcome).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 200)
    void eventsOnClosedLotsBeyondWhatRemainsOrByAFacilityNotHoldingTheLotAreRefused(
            @ForAll("streams") List<Intent> intents) {
        LedgerRun run = LedgerRun.withDefaultTolerance();
        EventStreams.Resolver resolver = new EventStreams.Resolver();
        for (Intent intent : intents) {
            LedgerEvent event = resolver.resolve(intent, run.ledger());
            var prediction = run.model().predict(event);
            LedgerRun.Step step = run.apply(event);
            for (String code : List.of("lot.closed", "lot.exceeds-remaining", "lot.not-held", "lot.unknown")) {
                if (prediction.must().contains(code)) {
                    assertThat(step.verdict()).as("%s deserves %s", event, code).isInstanceOf(Verdict.Rejected.class);
                    Statistics.label("refusal").collect(code);
                }
            }
        }
        Statistics.label("refusal").coverage(c -> {
            c.check("lot.closed").count(n -> n > 0);
            c.check("lot.exceeds-remaining").count(n -> n > 0);
            c.check("lot.not-held").count(n -> n > 0);
        });
    }

    @Property(tries = 200)
    void theHeadIsTheHashChainOverTheAcceptedEventsFromGenesis(@ForAll("streams") List<Intent> intents) {
        Ledger ledger = Ledger.empty(RegistryFixture.REGISTRY, Tolerance.DEFAULT);
        EventStreams.Resolver resolver = new EventStreams.Resolver();
        String head = HashChain.GENESIS;
        long accepted = 0;
        for (Intent intent : intents) {
            LedgerEvent event = resolver.resolve(intent, ledger);
            if (ledger.apply(event) instanceof Verdict.Accepted a) {
                assertThat(a.entry().previous()).isEqualTo(head);
                head = HashChain.link(head, event);
                accepted++;
                assertThat(a.entry().hash()).isEqualTo(head);
                assertThat(a.entry().digest()).isEqualTo(CanonicalForm.digest(event));
            }
            assertThat(ledger.head()).isEqualTo(head);
            assertThat(ledger.sequence()).isEqualTo(accepted);
        }
    }

    @Property(tries = 300)
    void booksRestoredWithOnlyTheirOpenLotsWholeGiveTheSameVerdictsEntriesAndStock(
            @ForAll("streams") List<Intent> intents) {
        Ledger ledger = Ledger.empty(RegistryFixture.REGISTRY, Tolerance.DEFAULT);
        MemoryHistory history = new MemoryHistory();
        EventStreams.Resolver resolver = new EventStreams.Resolver();
        int half = intents.size() / 2;
        for (Intent intent : intents.subList(0, half)) {
            if (ledger.apply(resolver.resolve(intent, ledger), history) instanceof Verdict.Accepted a) {
                history.record(a.entry());
            }
        }
        Map<LotId, LotStatus> closed = new HashMap<>();
        ledger.lots().stream().filter(l -> !l.status().isOpen()).forEach(l -> closed.put(l.id(), l.status()));
        Ledger restored = Ledger.restore(RegistryFixture.REGISTRY, Tolerance.DEFAULT,
                ledger.lots().stream().filter(l -> l.status().isOpen()).toList(), closed, ledger.balance(),
                ledger.sequence(), ledger.head());
        for (int i = half; i < intents.size(); i++) {
            LedgerEvent event = resolver.resolve(intents.get(i), ledger);
            // every third event is taken back again, as a submission that fails is
            boolean takenBack = i % 3 == 0;
            Ledger.Savepoint mark = ledger.savepoint();
            Ledger.Savepoint restoredMark = restored.savepoint();
            Verdict verdict = restored.apply(event, history);
            assertThat(verdict).as("%s", event).isEqualTo(ledger.apply(event, history));
            if (takenBack) {
                ledger.rollbackTo(mark);
                restored.rollbackTo(restoredMark);
            } else {
                ledger.release(mark);
                restored.release(restoredMark);
                if (verdict instanceof Verdict.Accepted a) {
                    history.record(a.entry());
                    Statistics.label("event").collect(event.type() + " accepted");
                }
            }
            for (var f : RegistryFixture.REGISTRY.facilities()) {
                assertThat(restored.stock(f.id())).as("stock of %s", f.id()).isEqualTo(ledger.stock(f.id()));
            }
        }
        assertThat(restored.head()).isEqualTo(ledger.head());
        assertThat(restored.balance()).isEqualTo(ledger.balance());
        assertThat(restored.lots()).containsExactlyInAnyOrderElementsOf(
                ledger.lots().stream().filter(l -> l.status().isOpen()).toList());
        for (Lot lot : ledger.lots()) {
            assertThat(restored.status(lot.id())).contains(lot.status());
        }
        Statistics.label("event").coverage(c -> c.check("REVERSE accepted").count(n -> n > 0));
    }
}
