package org.reetrace.core.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.analytics.Books.KG;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.DISPOSAL;
import static org.reetrace.core.testing.RegistryFixture.PORT;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

class ChecksTest {

    private static Composition monazite() {
        return Composition.of(Map.of(Element.La, 230 * KG, Element.Ce, 490 * KG, Element.Nd, 160 * KG,
                Element.Pr, 40 * KG, Element.Th, 50 * KG));
    }

    /** Separation of 1,000 kg concentrate into NdPr oxide, La-Ce oxide and a thorium residue of 200 t. */
    private Books separated() {
        Books b = new Books(Settings.of(Settings.exact(), Map.of(AMANG_MINE, Mass.ofTonnes(5))));
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 2_000, monazite(), "2026-03-02T08:00:00Z");
        b.move(AMANG_MINE, SEPARATION_PLANT, "CON-1", 2_000, "2026-03-03T08:00:00Z");
        b.transform(SEPARATION_PLANT, ProcessKind.SEPARATION, "CON-1", 2_000, List.of(
                        Books.out("NDPR-1", MaterialForm.SEPARATED_COMPOUND, 230, Books.kg(Element.Nd, 155, Element.Pr, 39)),
                        Books.out("LACE-1", MaterialForm.SEPARATED_COMPOUND, 820, Books.kg(Element.La, 225, Element.Ce, 480)),
                        Books.out("RES-1", MaterialForm.RESIDUE, 200, Composition.of(Map.of(Element.Th, 49 * KG,
                                Element.La, 1 * KG)))),
                Composition.of(Map.of(Element.La, 4 * KG, Element.Ce, 10 * KG, Element.Nd, 5 * KG, Element.Pr, KG,
                        Element.Th, KG)),
                "2026-03-10T08:00:00Z");
        return b;
    }

    @Test
    void residue_that_never_reaches_disposal_is_an_alert_once_its_deadline_has_passed() {
        Books b = separated();
        // 49 kg Th in 200 kg: 49e6 mg x 4.07 Bq/mg / 2e5 g = 997 Bq/g, whatever the assay declares (6.0 Bq/g)
        b.apply(new org.reetrace.core.event.Assay(b.id(), Books.at("2026-03-11T08:00:00Z"), SEPARATION_PLANT,
                LotId.of("RES-1"), Composition.of(Map.of(Element.Th, 49 * KG, Element.La, KG)), new BigDecimal("6.0")));
        b.apply(new org.reetrace.core.event.Ship(b.id(), Books.at("2026-03-12T08:00:00Z"), SEPARATION_PLANT,
                LotId.of("RES-1"), DISPOSAL));

        b.later("2026-05-01T00:00:00Z");
        assertThat(b.analytics.alerts()).noneMatch(a -> a.kind() == AlertKind.RESIDUE_NOT_DISPOSED);
        b.later("2026-05-10T00:00:00Z");
        assertThat(b.analytics.alerts())
                .filteredOn(a -> a.kind() == AlertKind.RESIDUE_NOT_DISPOSED).singleElement()
                .satisfies(a -> {
                    assertThat(a.subject()).isEqualTo("RES-1");
                    assertThat(a.figures()).containsEntry("status", "IN_TRANSIT").containsEntry("activity Bq/g", "997.150");
                    assertThat(a.period()).isEqualTo(YearMonth.of(2026, 5));
                });
    }

    @Test
    void residue_disposed_in_time_raises_nothing() {
        Books b = separated();
        b.apply(new org.reetrace.core.event.Assay(b.id(), Books.at("2026-03-11T08:00:00Z"), SEPARATION_PLANT,
                LotId.of("RES-1"), Composition.of(Map.of(Element.Th, 49 * KG, Element.La, KG)), new BigDecimal("6.0")));
        b.move(SEPARATION_PLANT, DISPOSAL, "RES-1", 200, "2026-03-12T08:00:00Z");
        b.apply(new Dispose(b.id(), Books.at("2026-03-14T08:00:00Z"), DISPOSAL, LotId.of("RES-1")));

        b.later("2027-01-01T00:00:00Z");
        assertThat(b.analytics.alerts()).noneMatch(a -> a.kind() == AlertKind.RESIDUE_NOT_DISPOSED);
    }

    @Test
    void a_mixed_compound_booked_as_separated_oxide_fails_the_export_purity_check() {
        Books b = separated();
        // a sham "separation": the whole monazite pattern comes out as one "oxide" lot
        b.extract(AMANG_MINE, "CON-2", MaterialForm.CONCENTRATE, 2_000, monazite(), "2026-03-04T08:00:00Z");
        b.move(AMANG_MINE, SEPARATION_PLANT, "CON-2", 2_000, "2026-03-05T08:00:00Z");
        b.transform(SEPARATION_PLANT, ProcessKind.SEPARATION, "CON-2", 2_000, List.of(
                Books.out("FAKE-OX", MaterialForm.SEPARATED_COMPOUND, 1_100, monazite())), Composition.ZERO,
                "2026-03-15T08:00:00Z");
        b.move(SEPARATION_PLANT, PORT, "FAKE-OX", 1_100, "2026-03-20T08:00:00Z");
        b.move(SEPARATION_PLANT, PORT, "NDPR-1", 230, "2026-03-20T08:00:00Z");
        for (String lot : List.of("FAKE-OX", "NDPR-1")) {
            b.apply(new Export(b.id(), Books.at("2026-03-25T08:00:00Z"), PORT, LotId.of(lot),
                    new CustomsDeclaration("K2-" + lot, "2846.90", "EXP-1", "Buyer Ltd", CountryCode.of("CN"))));
        }

        List<Alert> alerts = b.analytics.alerts();
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.EXPORT_NOT_AS_DECLARED).singleElement()
                .satisfies(a -> {
                    assertThat(a.subject()).isEqualTo("FAKE-OX");
                    // La + Ce = 720 of 920 kg rare earths: 0.783
                    assertThat(a.figures()).containsEntry("purity of best product group", "0.783");
                });
        // the sham recovered everything into product: more than any separation plant can
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.IMPLAUSIBLE_YIELD)
                .singleElement().satisfies(a -> assertThat(a.figures()).containsEntry("recovery", "1.000"));
        assertThat(b.analytics.declaredExports()).extracting(DeclaredExport::massMg)
                .containsExactly(1_100 * KG, 230 * KG);
    }

    @Test
    void a_mine_over_its_annual_ore_quota_is_flagged_in_the_month_it_passes_it() {
        Books b = separated();
        b.extract(AMANG_MINE, "CON-2", MaterialForm.CONCENTRATE, 2_000, monazite(), "2026-04-04T08:00:00Z");
        b.extract(AMANG_MINE, "CON-3", MaterialForm.CONCENTRATE, 2_000, monazite(), "2026-05-04T08:00:00Z");

        assertThat(b.analytics.alerts())
                .filteredOn(a -> a.kind() == AlertKind.QUOTA_EXCEEDED).singleElement().satisfies(a -> {
                    assertThat(a.period()).isEqualTo(YearMonth.of(2026, 5));
                    assertThat(a.figures()).containsEntry("extracted t", "6.000").containsEntry("quota t", "5.000");
                    assertThat(a.events()).hasSize(3);
                });
    }

    @Test
    void an_honest_month_raises_no_alert() {
        assertThat(separated().analytics.alerts()).isEmpty();
    }
}
