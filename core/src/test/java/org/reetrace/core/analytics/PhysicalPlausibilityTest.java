package org.reetrace.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.analytics.Books.KG;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Assay;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;

class PhysicalPlausibilityTest {

    private static Composition monazite() {
        return Composition.of(Map.of(Element.La, 23 * KG, Element.Ce, 49 * KG, Element.Nd, 16 * KG,
                Element.Pr, 4 * KG, Element.Th, 5 * KG));
    }

    private static Books concentrateAtThePlant() {
        Books b = new Books(Settings.of(Settings.exact(), Map.of(AMANG_MINE, Mass.ofTonnes(50_000))));
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 100_000, monazite(), "2026-03-02T08:00:00Z");
        b.move(AMANG_MINE, SEPARATION_PLANT, "CON-1", 100_000, "2026-03-03T08:00:00Z");
        return b;
    }

    private static List<Alert> of(Books b, AlertKind kind) {
        return b.analytics.alerts().stream().filter(a -> a.kind() == kind).toList();
    }

    /** 100 t of concentrate separated into 20 t of oxides and a residue of {@code residueTonnes}. */
    private static void separate(Books b, long residueTonnes) {
        b.transform(SEPARATION_PLANT, ProcessKind.SEPARATION, "CON-1", 100_000, List.of(
                        Books.out("NDPR-1", MaterialForm.SEPARATED_COMPOUND, 20_000, Books.kg(Element.Nd, 15, Element.Pr, 4)),
                        Books.out("RES-1", MaterialForm.RESIDUE, residueTonnes * 1_000, Composition.of(Map.of(
                                Element.La, 23 * KG, Element.Ce, 49 * KG, Element.Nd, KG, Element.Th, 5 * KG)))),
                Composition.of(Map.of()), "2026-03-10T08:00:00Z");
    }

    @Test
    void a_residue_booked_at_a_hundred_times_its_plausible_mass_is_implausible() {
        Books b = concentrateAtThePlant();
        separate(b, 13_600);

        assertThat(of(b, AlertKind.IMPLAUSIBLE_MASS)).singleElement().satisfies(a -> {
            assertThat(a.figures()).containsEntry("mass in t", "100.000").containsEntry("mass out t", "13620.000")
                    .containsEntry("out/in", "136.200").containsEntry("process", "SEPARATION");
            assertThat(a.message()).contains("outside the 0.050 to 4.000");
        });
    }

    @Test
    void an_honest_separation_weighs_within_its_band() {
        Books b = concentrateAtThePlant();
        separate(b, 60);

        assertThat(of(b, AlertKind.IMPLAUSIBLE_MASS)).isEmpty();
    }

    @Test
    void an_assay_that_understates_activity_is_an_alert_and_the_residue_case_opens_from_the_thorium() {
        Books b = concentrateAtThePlant();
        separate(b, 60);
        // 5 kg Th in 60 t: 5e6 mg x 4.07 Bq/mg / 6e7 g = 0.339 Bq/g; assay it at 40 kg Th and declare 0.2 Bq/g
        b.apply(new Assay(b.id(), Books.at("2026-03-11T08:00:00Z"), SEPARATION_PLANT, LotId.of("RES-1"),
                Composition.of(Map.of(Element.La, 23 * KG, Element.Ce, 49 * KG, Element.Nd, KG, Element.Th, 40 * KG)),
                new BigDecimal("0.2")));

        assertThat(of(b, AlertKind.ACTIVITY_UNDERSTATED)).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("RES-1");
            assertThat(a.figures()).containsEntry("declared Bq/g", "0.200").containsEntry("from Th and U Bq/g", "2.713");
        });
    }
}
