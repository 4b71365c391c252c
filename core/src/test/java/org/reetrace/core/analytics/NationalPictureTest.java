package org.reetrace.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.analytics.Books.KG;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.PORT;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Export;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;

/** What the regulator's morning page reads of the analytics: flows between facilities, extraction, residue pending. */
class NationalPictureTest {

    private static Composition monazite() {
        return Composition.of(Map.of(Element.La, 230 * KG, Element.Ce, 490 * KG, Element.Nd, 160 * KG,
                Element.Pr, 40 * KG, Element.Th, 50 * KG));
    }

    /** A mine's concentrate separated in March, its NdPr oxide exported to Japan. */
    private static Books march() {
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
        b.apply(new Assay(b.id(), Books.at("2026-03-11T08:00:00Z"), SEPARATION_PLANT, LotId.of("RES-1"),
                Composition.of(Map.of(Element.Th, 49 * KG, Element.La, KG)), new BigDecimal("6.0")));
        b.move(SEPARATION_PLANT, PORT, "NDPR-1", 230, "2026-03-20T08:00:00Z");
        b.apply(new Export(b.id(), Books.at("2026-03-25T08:00:00Z"), PORT, LotId.of("NDPR-1"),
                new CustomsDeclaration("K2-1", "2846.90", "EXP-1", "Osaka Rare Metals KK", CountryCode.of("JP"))));
        return b;
    }

    @Test
    void the_flows_of_a_month_go_from_mine_to_plant_to_port_and_abroad_in_each_element_group() {
        MaterialFlows flows = march().analytics.flows();

        assertThat(flows.months()).containsExactly(YearMonth.of(2026, 3));
        List<MaterialFlows.Flow> march = flows.of(YearMonth.of(2026, 3));
        assertThat(march).extracting(f -> f.from().value() + ">" + switch (f.to()) {
            case MaterialFlows.AtFacility(var id) -> id.value();
            case MaterialFlows.Abroad(var country) -> country.alpha2();
        }).containsExactlyInAnyOrder(AMANG_MINE.value() + ">" + SEPARATION_PLANT.value(),
                SEPARATION_PLANT.value() + ">" + PORT.value(), PORT.value() + ">JP");
        MaterialFlows.Flow exported = march.stream().filter(f -> f.to() instanceof MaterialFlows.Abroad).findFirst()
                .orElseThrow();
        // 155 kg Nd and 39 kg Pr as oxide: Nd2O3 1.1664, Pr6O11 1.2082
        assertThat(MaterialFlows.Group.NDPR.oxideMg(exported.composition()) / 1e6).isCloseTo(155 * 1.1664 + 39 * 1.2082,
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(MaterialFlows.Group.DYTB.oxideMg(exported.composition())).isZero();
        assertThat(MaterialFlows.Group.REO.oxideMg(exported.composition())).isEqualTo(exported.composition().treoMg());
        assertThat(flows.of(YearMonth.of(2026, 4))).isEmpty();
    }

    @Test
    void every_mines_extraction_of_the_year_is_kept_to_read_against_its_quota() {
        Books b = march();
        b.extract(AMANG_MINE, "CON-2", MaterialForm.CONCENTRATE, 1_000, monazite(), "2027-01-04T08:00:00Z");

        assertThat(b.analytics.extracted(Year.of(2026)).get(AMANG_MINE)).satisfies(e -> {
            assertThat(e.mg()).isEqualTo(2_000 * KG);
            assertThat(e.lots()).isEqualTo(1);
        });
        assertThat(b.analytics.extracted(Year.of(2027)).get(AMANG_MINE).mg()).isEqualTo(1_000 * KG);
        assertThat(b.analytics.extracted(Year.of(2025))).isEmpty();
    }

    @Test
    void residue_not_yet_disposed_of_is_pending_with_its_deadline() {
        Books b = march();

        assertThat(b.analytics.residuesPending()).singleElement().satisfies(p -> {
            assertThat(p.lot()).isEqualTo(LotId.of("RES-1"));
            assertThat(p.facility()).isEqualTo(SEPARATION_PLANT.value());
            assertThat(p.due()).isEqualTo(p.made().plus(Duration.ofDays(60)));
            // declared at 6.0 Bq/g, but its thorium gives 997 Bq/g: a case is judged by the higher
            assertThat(p.activityBqPerGram()).isCloseTo(997.15, org.assertj.core.api.Assertions.within(0.01));
        });
    }
}
