package org.reetrace.core.rules;

import static org.reetrace.core.rules.RuleFixture.*;

import java.math.BigDecimal;
import java.util.List;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Ship;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;

/**
 * A rough figure, not a benchmark (the JMH one belongs in bench/): nanoseconds per applicable rule per event for
 * three event kinds against the bundled packs, context built per event as at ingest. Prints, never asserts.
 * Run: {@code ./mvnw -q -pl core test-compile exec:java} is not wired; run the class from the IDE or with
 * {@code java -cp core/target/classes:core/target/test-classes:<deps> org.reetrace.core.rules.RuleEvaluationMeasurement}.
 */
public final class RuleEvaluationMeasurement {

    public static void main(String[] args) {
        RuleBook book = book();
        Lot oxide = ndprOxide(STATE_PLANT, STATE_SEP);
        Lot residue = lot("lot-wlp", MaterialForm.RESIDUE, PRIVATE_PLANT, PRIVATE_SEP, 5000, java.util.Map.of(
                path(PERAK, stage(org.reetrace.core.pedigree.StageKind.MINING, MY, MY)), kg(Element.Th, 10)))
                .withActivity(new BigDecimal("6.2"));
        LedgerFacts facts = facts(Mass.ofTonnes(100), oxide, residue);
        List<LedgerEvent> events = List.of(
                new Export(EventId.of("e1"), JUNE_2026, STATE_PLANT, oxide.id(),
                        new CustomsDeclaration("K2-1", "2846.90", "EP-2026-0042", "Tokyo Magnet KK", JP)),
                new Extract(EventId.of("e2"), JUNE_2026, MINE, LotId.of("lot-new"), MaterialForm.ORE, Mass.ofTonnes(10),
                        kg(Element.Y, 100, Element.La, 50), IN_LEASE),
                new Ship(EventId.of("e3"), JUNE_2026, PRIVATE_PLANT, residue.id(), DISPOSAL));
        for (LedgerEvent e : events) {
            int rules = (int) book.evaluate(RuleContext.forEvent(e, REGISTRY, facts)).applicable().size();
            int n = 200_000;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < n; i++) {
                    sink += book.evaluate(RuleContext.forEvent(e, REGISTRY, facts)).findings().size();
                }
                long ns = System.nanoTime() - t0;
                System.out.printf("%-8s %d applicable rules: %7.0f ns per event, %6.0f ns per rule (round %d, sink %d)%n",
                        e.type(), rules, (double) ns / n, (double) ns / n / Math.max(1, rules), round, sink);
            }
        }
    }

    private RuleEvaluationMeasurement() {
    }
}
