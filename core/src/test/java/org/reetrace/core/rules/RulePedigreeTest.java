package org.reetrace.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.rules.RuleFixture.HISTORY;
import static org.reetrace.core.rules.RuleFixture.MINE;
import static org.reetrace.core.rules.RuleFixture.WAREHOUSE;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;

/** The rules judge a new lot by the very pedigree the ledger books for it. */
class RulePedigreeTest {

    private static final Instant AT = Instant.parse("2026-07-01T00:00:00Z");

    private static void sameAsBooked(LedgerEvent event) {
        Lot judged = RuleContext.forEvent(event, HISTORY.asOf(event.time()), LedgerFacts.NONE).lot().orElseThrow();
        Verdict verdict = Ledger.empty(HISTORY, Tolerance.DEFAULT).apply(event);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(judged.pedigree()).isEqualTo(a.entry().lots().getFirst().pedigree()));
    }

    @Test
    void an_extracted_lot_is_judged_by_the_pedigree_it_is_booked_with() {
        sameAsBooked(new Extract(EventId.of("x1"), AT, MINE, LotId.of("ore-1"), MaterialForm.ORE,
                Mass.ofKilograms(10), Composition.of(Element.Nd, 1_000).plus(Composition.of(Element.Dy, 10)), null));
    }

    @Test
    void an_imported_lot_is_judged_by_the_pedigree_it_is_booked_with() {
        CountryCode au = CountryCode.of("AU");
        CountryCode my = CountryCode.of("MY");
        sameAsBooked(new Import(EventId.of("i1"), AT, WAREHOUSE, LotId.of("imp-1"), MaterialForm.SEPARATED_COMPOUND,
                Mass.ofKilograms(5), Composition.of(Element.Nd, 2_000_000), au, "Mt Weld Mining",
                List.of(new Stage(StageKind.SEPARATION, my, au)),
                new CustomsDeclaration("IMP-1", "2846.90", null, "Mt Weld Mining", au)));
    }
}
