package org.reetrace.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Import;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Blends of look-alike deposits, the pattern's anomalies, and round trips. */
class OriginChecksTest {

    private static final FacilityId A = FacilityId.of("clay-a");
    private static final FacilityId B = FacilityId.of("clay-b");
    private static final double SPREAD = 0.06;

    /** An LREE-rich ionic clay (Xunwu type, % of TREO). */
    private static final Map<Element, Double> XUNWU = shares(new double[] {29.84, 7.18, 7.41, 30.18, 6.32, 0.51, 4.21,
            0.46, 1.77, 0.27, 0.88, 0.13, 0.62, 0.13, 10.07});
    /**
     * A look-alike of it: the same light rare earths within a few per cent, a little less cerium and more yttrium and
     * dysprosium. Its pattern is well inside the spread that one deposit shows over a year of lots.
     */
    private static final Map<Element, Double> LOOK_ALIKE = shares(new double[] {28.5, 5.9, 7.2, 29.6, 6.5, 0.55, 4.6,
            0.52, 2.2, 0.33, 1.1, 0.15, 0.8, 0.15, 12.8});

    private static Map<Element, Double> shares(double[] pct) {
        Element[] order = {Element.La, Element.Ce, Element.Pr, Element.Nd, Element.Sm, Element.Eu, Element.Gd,
                Element.Tb, Element.Dy, Element.Ho, Element.Er, Element.Tm, Element.Yb, Element.Lu, Element.Y};
        Map<Element, Double> m = new EnumMap<>(Element.class);
        double sum = 0;
        for (double p : pct) {
            sum += p;
        }
        for (int i = 0; i < order.length; i++) {
            m.put(order[i], pct[i] / sum);
        }
        return m;
    }

    /** One lot's shares: each element spread log-normally, as one deposit's lots vary. */
    private static Map<Element, Double> vary(Map<Element, Double> base, SplittableRandom r) {
        Map<Element, Double> m = new EnumMap<>(Element.class);
        double sum = 0;
        for (var e : base.entrySet()) {
            double v = e.getValue() * Math.exp(SPREAD * r.nextGaussian());
            m.put(e.getKey(), v);
            sum += v;
        }
        double total = sum;
        m.replaceAll((k, v) -> v / total);
        return m;
    }

    private static Composition lot(Map<Element, Double> shares) {
        Map<Element, Long> mg = new EnumMap<>(Element.class);
        shares.forEach((e, s) -> mg.put(e, Math.round(s * 5e8)));
        return Composition.of(mg);
    }

    private static Composition blend(double f, SplittableRandom r) {
        Map<Element, Double> own = vary(XUNWU, r);
        Map<Element, Double> other = vary(LOOK_ALIKE, r);
        Map<Element, Double> mix = new EnumMap<>(Element.class);
        own.forEach((e, s) -> mix.put(e, (1 - f) * s + f * other.get(e)));
        return lot(mix);
    }

    private static MineSignature signature(FacilityId mine, Map<Element, Double> base, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Composition> history = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            history.add(lot(vary(base, r)));
        }
        return MineSignature.of(mine, history).orElseThrow();
    }

    @Test
    void a_look_alike_blend_at_the_stated_detectable_fraction_is_caught_and_honest_ore_rarely_flagged() {
        MineSignature a = signature(A, XUNWU, 1);
        MineSignature b = signature(B, LOOK_ALIKE, 2);
        double alpha = 0.02;
        // the pattern check alone lets a blend of these two through: pure look-alike ore is within the mine's spread
        // far more often than a blend at the detectable fraction is missed by the blend test
        double fraction = BlendTest.detectableFraction(a, b, alpha, 0.95).orElseThrow();
        assertThat(fraction).isBetween(0.05, 0.9);

        SplittableRandom r = new SplittableRandom(42);
        int trials = 2000;
        int caught = 0;
        int honestFlagged = 0;
        int patternCaught = 0;
        for (int i = 0; i < trials; i++) {
            Composition blended = blend(fraction, r);
            if (BlendTest.test(a, List.of(a, b), blended, alpha).orElseThrow().flagged()) {
                caught++;
            }
            if (a.test(blended, alpha).flagged()) {
                patternCaught++;
            }
            BlendTest.Result honest = BlendTest.test(a, List.of(a, b), lot(vary(XUNWU, r)), alpha).orElseThrow();
            if (honest.flagged()) {
                honestFlagged++;
            }
        }
        assertThat((double) caught / trials).as("blends caught at f = %.3f", fraction).isGreaterThanOrEqualTo(0.95);
        assertThat((double) honestFlagged / trials).as("honest lots flagged").isLessThanOrEqualTo(0.02);
        assertThat(patternCaught).as("the pattern check alone").isLessThan(caught);
    }

    /** A lot of a pattern with thorium and uranium at {@code th} and {@code u} times its rare earths, each +-5 %. */
    private static Composition withThoriumUranium(Map<Element, Double> base, double th, double u, SplittableRandom r) {
        Map<Element, Double> shares = vary(base, r);
        shares.put(Element.Th, th * Math.exp(0.05 * r.nextGaussian()));
        shares.put(Element.U, u * Math.exp(0.05 * r.nextGaussian()));
        return lot(shares);
    }

    @Test
    void thorium_and_uranium_tell_apart_deposits_whose_rare_earth_patterns_are_the_same() {
        SplittableRandom r = new SplittableRandom(7);
        List<Composition> monazite = new ArrayList<>();
        List<Composition> clay = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            monazite.add(withThoriumUranium(XUNWU, 0.08, 0.004, r));
            clay.add(withThoriumUranium(XUNWU, 0.002, 0.001, r));
        }
        MineSignature patternOnly = MineSignature.of(A, monazite).orElseThrow();
        MineSignature extended = MineSignature.of(A, monazite, true).orElseThrow();
        MineSignature otherExtended = MineSignature.of(B, clay, true).orElseThrow();

        assertThat(patternOnly.elements()).doesNotContain(Element.Th, Element.U);
        assertThat(extended.elements()).endsWith(Element.Th, Element.U);
        assertThat(BlendTest.detectableFraction(patternOnly, MineSignature.of(B, clay).orElseThrow(), 0.02, 0.95))
                .isEmpty();
        assertThat(BlendTest.detectableFraction(extended, otherExtended, 0.02, 0.95).orElseThrow())
                .isLessThan(0.2);
    }

    @Test
    void the_estimated_fraction_of_a_pure_blend_is_the_fraction_blended() {
        MineSignature a = signature(A, XUNWU, 3);
        MineSignature b = signature(B, LOOK_ALIKE, 4);
        Map<Element, Double> mix = new EnumMap<>(Element.class);
        double[] sa = a.meanMassShares();
        for (int i = 0; i < sa.length; i++) {
            Element e = a.elements().get(i);
            mix.put(e, 0.6 * sa[i] + 0.4 * b.meanMassShare(e));
        }
        BlendTest.Result r = BlendTest.test(a, List.of(b), lot(mix), 0.02).orElseThrow();

        assertThat(r.admixed()).isEqualTo(B);
        assertThat(r.fraction()).isCloseTo(0.4, within(0.01));
    }

    @Test
    void cerium_and_europium_anomalies_are_read_against_their_neighbours_normalised_to_chondrite() {
        // chondrite-normalised La = Pr = 100, Ce = 50: Ce/Ce* = 50 / sqrt(100 x 100) = 0.5
        // Sm = Gd = 10, Eu = 20: Eu/Eu* = 2
        Composition c = Composition.of(Map.of(Element.La, 23_700L, Element.Ce, 30_650L, Element.Pr, 9_280L,
                Element.Sm, 1_480L, Element.Eu, 1_126L, Element.Gd, 1_990L, Element.Th, 600L, Element.U, 200L));
        RareEarthFeatures f = RareEarthFeatures.of(c);

        assertThat(f.ceriumAnomaly().orElseThrow()).isCloseTo(0.5, within(1e-3));
        assertThat(f.europiumAnomaly().orElseThrow()).isCloseTo(2.0, within(1e-3));
        assertThat(f.thoriumToUranium().orElseThrow()).isCloseTo(3.0, within(1e-9));
        // light: La Ce Pr Sm Eu = 66,236; heavy: Gd = 1,990
        assertThat(f.lightToHeavy().orElseThrow()).isCloseTo(66_236.0 / 1_990, within(1e-6));
        assertThat(RareEarthFeatures.of(Composition.of(Element.Nd, 1000)).ceriumAnomaly()).isEmpty();
    }

    // round trips

    private static final Instant EXPORTED = Instant.parse("2027-01-10T08:00:00Z");
    private static final FacilityId PLANT = FacilityId.of("sep-1");
    private static final Map<Element, Long> MIXED = Map.of(Element.La, 250_000_000L, Element.Ce, 80_000_000L,
            Element.Pr, 70_000_000L, Element.Nd, 300_000_000L, Element.Sm, 60_000_000L, Element.Dy, 20_000_000L,
            Element.Y, 120_000_000L);

    private static RoundTripMonitor exportedToSingapore() {
        RoundTripMonitor m = new RoundTripMonitor(MeasurementModel.DEFAULT, Duration.ofDays(365), 0.999);
        Composition c = Composition.of(MIXED);
        Lot lot = new Lot(LotId.of("MREC-1"), MaterialForm.MIXED_RE_COMPOUND, Mass.ofKilograms(2000), c, PLANT,
                OperatorId.of("op-1"), LotStatus.ACTIVE, Pedigree.extracted("mine-1", CountryCode.of("MY"), c), null, null);
        m.exported(new Export(EventId.of("x-1"), EXPORTED, PLANT, lot.id(), declaration("SG")), lot);
        return m;
    }

    private static CustomsDeclaration declaration(String country) {
        return new CustomsDeclaration("K-" + country, "2846.90", null, "Trader Pte Ltd", CountryCode.of(country));
    }

    private static Import imported(String lot, String country, long kg, Map<Element, Long> mg, int days) {
        return new Import(EventId.of("i-" + lot), EXPORTED.plus(Duration.ofDays(days)), PLANT, LotId.of(lot),
                MaterialForm.MIXED_RE_COMPOUND, Mass.ofKilograms(kg), Composition.of(mg), CountryCode.of(country),
                "Trader Pte Ltd", List.of(), declaration(country));
    }

    /** The export's proportions each changed by one assay error (2 % for a mixed compound), in both directions. */
    private static Map<Element, Long> reassayed(double rsd) {
        Map<Element, Long> out = new EnumMap<>(Element.class);
        int i = 0;
        for (var e : new EnumMap<>(MIXED).entrySet()) {
            out.put(e.getKey(), Math.round(e.getValue() * 0.6 * (1 + (i++ % 2 == 0 ? rsd : -rsd))));
        }
        return out;
    }

    @Test
    void an_import_of_the_exported_material_coming_back_is_matched_and_names_both_lots() {
        RoundTripMonitor m = exportedToSingapore();
        m.imported(imported("IMP-BACK", "SG", 1200, reassayed(0.02), 35), YearMonth.of(2027, 2));

        assertThat(m.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.ROUND_TRIP_IMPORT);
            assertThat(a.subject()).isEqualTo("IMP-BACK");
            assertThat(a.figures()).containsEntry("exported lot", "MREC-1").containsEntry("imported lot", "IMP-BACK")
                    .containsEntry("days since export", "35");
            assertThat(a.events()).containsExactly(EventId.of("i-IMP-BACK"), EventId.of("x-1"));
        });
    }

    @Test
    void a_genuine_import_of_another_composition_or_from_elsewhere_or_heavier_or_too_late_is_not_matched() {
        RoundTripMonitor m = exportedToSingapore();
        Map<Element, Long> other = new EnumMap<>(MIXED);
        other.put(Element.Ce, 160_000_000L); // a cerium-rich concentrate from another deposit
        other.put(Element.Y, 60_000_000L);
        YearMonth month = YearMonth.of(2027, 2);
        m.imported(imported("IMP-OTHER", "SG", 1200, other, 35), month);
        m.imported(imported("IMP-AU", "AU", 1200, reassayed(0.02), 35), month);
        m.imported(imported("IMP-HEAVY", "SG", 2500, reassayed(0.02), 35), month);
        m.imported(imported("IMP-LATE", "SG", 1200, reassayed(0.02), 400), month);
        m.imported(imported("IMP-BEFORE", "SG", 1200, reassayed(0.02), -3), month);

        assertThat(m.alerts()).isEmpty();
    }
}
