package org.reetrace.core.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;

/**
 * Realistic element compositions of rare-earth materials for tests, built with
 * {@link Composition#fromOxidePercent} from the reference tables in docs/reference. Each figure says where it
 * comes from: {@code ree_distribution_by_source.csv} (REE: share of TREO per element) and
 * {@code thorium_uranium_content.csv} (Th, U). Where the tables have a gap (they state that Malaysian monazite
 * and xenotime distributions were not retrievable), a named proxy or an assumption is marked as such.
 */
public final class Compositions {

    /**
     * Araxa monazite (Brazil), % of total REO: ree_distribution_by_source.csv row "Monazite (Araxa mine,
     * Brazil)". Used as the proxy for Malaysian monazite, whose distribution the table lists as a gap.
     */
    public static final Map<Element, BigDecimal> MONAZITE_DISTRIBUTION = distribution(
            Element.La, "23.50", Element.Ce, "49.20", Element.Pr, "4.16", Element.Nd, "16.37", Element.Sm, "2.49",
            Element.Eu, "0.45", Element.Gd, "1.28", Element.Tb, "0.20", Element.Dy, "0.35", Element.Er, "0.15",
            Element.Tm, "0.13", Element.Yb, "0.06", Element.Lu, "0.05", Element.Y, "1.24", Element.Sc, "0.36");

    /**
     * Pitinga xenotime (Brazil), % of total REO: ree_distribution_by_source.csv row "Xenotime (Pitinga mine,
     * Brazil)". Proxy for Malaysian xenotime and for the heavy part of ion-adsorption ore.
     */
    public static final Map<Element, BigDecimal> XENOTIME_DISTRIBUTION = distribution(
            Element.La, "0.72", Element.Ce, "2.68", Element.Pr, "0.65", Element.Nd, "1.66", Element.Sm, "1.24",
            Element.Gd, "2.17", Element.Tb, "1.86", Element.Dy, "10.71", Element.Ho, "2.87", Element.Er, "11.49",
            Element.Tm, "2.16", Element.Yb, "14.23", Element.Lu, "1.92", Element.Y, "45.38", Element.Sc, "0.07");

    private Compositions() {
    }

    /**
     * Monazite concentrate recovered from amang: 55 % TREO (REO content of the Araxa monazite row) distributed as
     * {@link #MONAZITE_DISTRIBUTION}; Th 30,000 ppm and U 3,000 ppm, inside the ranges thorium_uranium_content.csv
     * gives for "Monazite (from amang processing), Malaysia" (Th 9,641-60,061 ppm, U 2,303-4,070 ppm).
     */
    public static Composition monaziteConcentrate(Mass mass) {
        return ofTreo(mass, new BigDecimal("55"), MONAZITE_DISTRIBUTION).with(Element.Th, ppm(mass, 30_000))
                .with(Element.U, ppm(mass, 3_000));
    }

    /**
     * Xenotime concentrate: 61.6 % TREO (REO content of the Pitinga xenotime row) distributed as
     * {@link #XENOTIME_DISTRIBUTION}; U as 1 % U3O8, the low end of "Xenotime (tin by-product), Malaysia" (1-2 %
     * U3O8, low confidence) in thorium_uranium_content.csv; Th not given there, taken as zero.
     */
    public static Composition xenotimeConcentrate(Mass mass) {
        Map<Element, BigDecimal> pct = treoPercent(new BigDecimal("61.6"), XENOTIME_DISTRIBUTION);
        pct.put(Element.U, BigDecimal.ONE);
        return Composition.fromOxidePercent(mass, pct);
    }

    /**
     * Raw amang (tin tailings) as mined: Th 1,000 ppm and U 200 ppm, inside "Raw amang (tin tailings), Malaysia"
     * (Th 174-1,566 ppm, U 83-383 ppm). The REE grade, 3 % TREO with the monazite distribution, is an assumption:
     * the tables give no grade for amang.
     */
    public static Composition amangOre(Mass mass) {
        return ofTreo(mass, new BigDecimal("3"), MONAZITE_DISTRIBUTION).with(Element.Th, ppm(mass, 1_000))
                .with(Element.U, ppm(mass, 200));
    }

    /**
     * Pregnant leach liquor of an HREE-rich ion-adsorption clay (Longnan type): Y is 64.83 % of TREO
     * (ree_distribution_by_source.csv, "Longnan-type ion-adsorption ore"); the other 35.17 % are spread in the
     * proportions of {@link #XENOTIME_DISTRIBUTION} without Y (proxy: the table has only Y for this ore). The
     * liquor grade, 0.2 % TREO, is an assumption. No Th or U: ion-adsorption clay is the non-radioactive kind.
     */
    public static Composition ionAdsorptionLiquor(Mass mass) {
        Map<Element, BigDecimal> dist = new EnumMap<>(Element.class);
        BigDecimal rest = new BigDecimal("35.17");
        BigDecimal others = XENOTIME_DISTRIBUTION.entrySet().stream().filter(e -> e.getKey() != Element.Y)
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        XENOTIME_DISTRIBUTION.forEach((e, p) -> {
            if (e != Element.Y) {
                dist.put(e, p.multiply(rest).divide(others, 6, RoundingMode.HALF_EVEN));
            }
        });
        dist.put(Element.Y, new BigDecimal("64.83"));
        return ofTreo(mass, new BigDecimal("0.2"), dist);
    }

    /**
     * NdPr oxide as separated: 99 % TREO, Nd:Pr 75:25 by oxide (assumption, the usual didymium split of a
     * monazite feed).
     */
    public static Composition ndprOxide(Mass mass) {
        return Composition.fromOxidePercent(mass, Map.of(Element.Nd, new BigDecimal("74.25"),
                Element.Pr, new BigDecimal("24.75")));
    }

    /** Dysprosium oxide at 99.5 % Dy2O3 (assumption: a common commercial grade). */
    public static Composition dyOxide(Mass mass) {
        return Composition.fromOxidePercent(mass, Map.of(Element.Dy, new BigDecimal("99.5")));
    }

    /**
     * Any composition scaled by {@code numerator/denominator}, each element rounded down: what a process with
     * that yield recovers, never more than the input.
     */
    public static Composition scaled(Composition c, long numerator, long denominator) {
        long[] mg = c.toArray();
        for (int i = 0; i < mg.length; i++) {
            mg[i] = Math.multiplyHigh(mg[i], numerator) == 0 && mg[i] * numerator >= 0
                    ? mg[i] * numerator / denominator
                    : java.math.BigInteger.valueOf(mg[i]).multiply(java.math.BigInteger.valueOf(numerator))
                            .divide(java.math.BigInteger.valueOf(denominator)).longValueExact();
        }
        return Composition.ofArray(mg);
    }

    /** Element mass of {@code ppm} parts per million of {@code mass}, rounded down. */
    public static long ppm(Mass mass, long ppm) {
        return java.math.BigInteger.valueOf(mass.mg()).multiply(java.math.BigInteger.valueOf(ppm))
                .divide(java.math.BigInteger.valueOf(1_000_000)).longValueExact();
    }

    /** A material of {@code treoPercent} % TREO whose oxides are distributed as {@code distribution} (% of TREO). */
    public static Composition ofTreo(Mass mass, BigDecimal treoPercent, Map<Element, BigDecimal> distribution) {
        return Composition.fromOxidePercent(mass, treoPercent(treoPercent, distribution));
    }

    private static Map<Element, BigDecimal> treoPercent(BigDecimal treoPercent, Map<Element, BigDecimal> distribution) {
        Map<Element, BigDecimal> pct = new EnumMap<>(Element.class);
        distribution.forEach((e, share) -> pct.put(e, treoPercent.multiply(share).movePointLeft(2)));
        return pct;
    }

    private static Map<Element, BigDecimal> distribution(Object... pairs) {
        Map<Element, BigDecimal> m = new EnumMap<>(Element.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Element) pairs[i], new BigDecimal((String) pairs[i + 1]));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
