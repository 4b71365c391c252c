package org.reetrace.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

class ProvenanceTest {

    private static final CountryCode MY = CountryCode.of("MY");
    private static final CountryCode CN = CountryCode.of("CN");
    private static final PedigreeKey SEPARATED = new PedigreeKey(Origin.mine("fac-mine", MY),
            List.of(new Stage(StageKind.MINING, MY, MY), new Stage(StageKind.SEPARATION, MY, CN)));
    private static final PedigreeKey CRACKED_ONLY = new PedigreeKey(Origin.mine("fac-mine", MY),
            List.of(new Stage(StageKind.MINING, MY, MY), new Stage(StageKind.CRACKING, MY, MY)));
    private static final PedigreeKey CHINESE_DY = new PedigreeKey(Origin.imported("baotou", CN),
            List.of(new Stage(StageKind.MINING, CN, CN), new Stage(StageKind.SEPARATION, CN, CN)));

    private static Composition kg(Element e, long kg) {
        return Composition.of(e, kg * 1_000_000L);
    }

    private static Lot lot(MaterialForm form, Map<PedigreeKey, Composition> parts) {
        Pedigree p = Pedigree.of(parts);
        return new Lot(LotId.of("lot-1"), form, Mass.ofTonnes(1), p.total(), FacilityId.of("fac-x"), OperatorId.of("op-x"),
                LotStatus.ACTIVE, p, null, null);
    }

    @Test
    void ndpr_oxide_made_by_separation_is_processed() {
        Lot oxide = lot(MaterialForm.SEPARATED_COMPOUND, Map.of(SEPARATED, kg(Element.Nd, 600).plus(kg(Element.Pr, 200))));
        assertThat(ProcessedCriteria.DEFAULT.assess(oxide).processed()).isTrue();
    }

    @Test
    void a_mixed_carbonate_declared_as_oxide_is_not_processed_for_want_of_separation() {
        Lot fake = lot(MaterialForm.SEPARATED_COMPOUND, Map.of(CRACKED_ONLY, kg(Element.Nd, 600).plus(kg(Element.Pr, 200))));
        ProcessedCriteria.Assessment a = ProcessedCriteria.DEFAULT.assess(fake);
        assertThat(a.processed()).isFalse();
        assertThat(a.reason()).contains("0.00 %");
    }

    @Test
    void a_separated_lot_that_is_still_a_mixture_is_not_processed_for_want_of_purity() {
        Composition mixed = kg(Element.Ce, 50).plus(kg(Element.La, 33)).plus(kg(Element.Nd, 12)).plus(kg(Element.Pr, 5));
        ProcessedCriteria.Assessment a = ProcessedCriteria.DEFAULT.assess(lot(MaterialForm.SEPARATED_COMPOUND, Map.of(SEPARATED, mixed)));
        assertThat(a.processed()).isFalse();
        assertThat(a.reason()).contains("83.00 %").contains("below 90.00 %");
    }

    @Test
    void a_blend_with_one_percent_unseparated_material_is_not_processed() {
        Lot blend = lot(MaterialForm.SEPARATED_COMPOUND, Map.of(SEPARATED, kg(Element.Nd, 99), CRACKED_ONLY, kg(Element.Nd, 1)));
        assertThat(ProcessedCriteria.DEFAULT.assess(blend).reason()).contains("99.00 %");
    }

    @Test
    void raw_forms_are_never_processed_whatever_their_lineage() {
        assertThat(ProcessedCriteria.DEFAULT.assess(lot(MaterialForm.MIXED_RE_COMPOUND, Map.of(SEPARATED, kg(Element.Nd, 1))))
                .processed()).isFalse();
    }

    @Test
    void a_magnet_mixes_elements_by_design_and_needs_only_the_lineage() {
        Lot magnet = lot(MaterialForm.MAGNET, Map.of(SEPARATED, kg(Element.Nd, 230).plus(kg(Element.Pr, 75)),
                CHINESE_DY, kg(Element.Dy, 60)));
        assertThat(ProcessedCriteria.DEFAULT.assess(magnet).processed()).isTrue();
    }

    @Test
    void value_share_weighs_element_masses_by_price() {
        PriceTable prices = PriceTable.bundled();
        // 300 kg Nd from MY, 10 kg Dy from CN: by mass CN is 3.2 %, by value far more (Dy ~2.9x Nd per kg oxide)
        Pedigree p = Pedigree.of(Map.of(SEPARATED, kg(Element.Nd, 300), CHINESE_DY, kg(Element.Dy, 10)));
        double ndValue = 300 * 555000 * Element.Nd.oxideFactor();
        double dyValue = 10 * 1610000 * Element.Dy.oxideFactor();
        assertThat(ValueShare.ofOrigin(p, prices, CN)).isCloseTo(dyValue / (ndValue + dyValue), within(1e-9));
        assertThat(PedigreeShares.originShare(p, CN)).isCloseTo(10.0 / 310, within(1e-12));
        assertThat(PedigreeShares.originShare(p, CN, Element.Dy)).isEqualTo(1.0);
    }

    @Test
    void the_bundled_price_table_prices_every_traded_rare_earth() {
        PriceTable prices = PriceTable.bundled();
        for (Element e : List.of(Element.La, Element.Ce, Element.Pr, Element.Nd, Element.Sm, Element.Eu, Element.Gd,
                Element.Tb, Element.Dy, Element.Ho, Element.Er, Element.Yb, Element.Lu, Element.Y, Element.Sc)) {
            assertThat(prices.valuePerMg(e)).as(e.name()).isPositive();
        }
        assertThat(prices.valuePerMg(Element.Th)).isZero();
        assertThat(prices.perTonneOxide().get(Element.Tb)).isEqualByComparingTo("6770000");
    }

    @Test
    void a_price_file_with_an_unknown_element_is_refused() {
        assertThatThrownBy(() -> PriceTable.parse("element,price\nXx,5\n", "test")).hasMessageContaining("unknown element Xx");
    }

    @Test
    void stage_shares_count_only_the_material_that_passed_the_stage() {
        Pedigree p = Pedigree.of(Map.of(SEPARATED, kg(Element.Nd, 30), CHINESE_DY, kg(Element.Dy, 70), CRACKED_ONLY, kg(Element.La, 900)));
        Map<CountryCode, Double> sep = PedigreeShares.stageShares(p, StageKind.SEPARATION);
        assertThat(sep.get(CN)).isCloseTo(0.7, within(1e-12));
        assertThat(sep.get(MY)).isCloseTo(0.3, within(1e-12));
        assertThat(PedigreeShares.pathsThrough(p, List.of(StageKind.SEPARATION), java.util.Set.of(CN))).containsExactly(CHINESE_DY);
    }
}
