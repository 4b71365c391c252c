package org.reetrace.core.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import org.reetrace.core.element.Element;

class CompositionPropertiesTest {

    @Provide
    Arbitrary<long[]> weights() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 1_000_000_000_000L),
                Arbitraries.longs().between(0, 10),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 64))
                .array(long[].class).ofMinSize(1).ofMaxSize(20)
                .filter(w -> java.util.Arrays.stream(w).anyMatch(x -> x > 0));
    }

    @Provide
    Arbitrary<Long> totals() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 100), Arbitraries.longs().between(0, Long.MAX_VALUE));
    }

    @Property(tries = 500)
    void proportionalPartsAlwaysAddUpToTheTotalAndEachIsWithinOneOfItsExactQuotient(
            @ForAll("totals") long total, @ForAll("weights") long[] weights) {
        long[] parts = Proportion.divide(total, weights);
        BigInteger sum = BigInteger.ZERO;
        BigInteger weightSum = BigInteger.ZERO;
        for (long w : weights) {
            weightSum = weightSum.add(BigInteger.valueOf(w));
        }
        for (int i = 0; i < weights.length; i++) {
            sum = sum.add(BigInteger.valueOf(parts[i]));
            // |part * sum(w) - total * w| < sum(w)
            BigInteger deviation = BigInteger.valueOf(parts[i]).multiply(weightSum)
                    .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))).abs();
            assertThat(deviation).as("part %d of %d over %s", i, total, java.util.Arrays.toString(weights))
                    .isLessThan(weightSum);
            if (weights[i] == 0) {
                assertThat(parts[i]).isZero();
            }
        }
        assertThat(sum).isEqualTo(BigInteger.valueOf(total));
    }

    @Provide
    Arbitrary<Composition> compositions() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 20), Arbitraries.longs().between(0, 10_000_000_000L))
                .array(long[].class).ofSize(Element.count()).map(Composition::ofArray);
    }

    @Property(tries = 500)
    void aShareIsEachElementsExactShareRoundedAndLeavesBothPartsWithinTheirMass(
            @ForAll("compositions") Composition c, @ForAll @LongRange(min = 0, max = 1_000_000) long extra,
            @ForAll @LongRange(min = 0, max = 1_000_000_000) long seed) {
        long whole = c.totalMg() + extra;
        if (whole == 0) {
            return;
        }
        long part = Math.floorMod(seed, whole + 1);
        Composition taken = c.share(part, whole);
        for (Element e : Element.values()) {
            BigInteger[] qr = BigInteger.valueOf(c.get(e)).multiply(BigInteger.valueOf(part))
                    .divideAndRemainder(BigInteger.valueOf(whole));
            long floor = qr[0].longValueExact();
            long ceil = floor + (qr[1].signum() == 0 ? 0 : 1);
            assertThat(taken.get(e)).as("%s of %d/%d", e, part, whole).isBetween(floor, ceil);
        }
        assertThat(c.covers(taken)).isTrue();
        assertThat(taken.totalMg()).isLessThanOrEqualTo(part);
        assertThat(c.minus(taken).totalMg()).isLessThanOrEqualTo(whole - part);
    }

    @Property(tries = 300)
    void oxidePercentagesSurviveTheRoundTripThroughElementMassesWithinRounding(
            @ForAll Element element,
            @ForAll @LongRange(min = 0, max = 1_000_000) long hundredthsOfBasisPoints,
            @ForAll @LongRange(min = 1_000_000, max = 100_000_000_000_000L) long lotMg) {
        BigDecimal pct = BigDecimal.valueOf(hundredthsOfBasisPoints, 4); // 0.0000 to 100.0000 %
        Mass mass = Mass.ofMilligrams(lotMg);
        Composition c = Composition.fromOxidePercent(mass, Map.of(element, pct));
        BigDecimal back = c.toOxidePercent(mass).getOrDefault(element, BigDecimal.ZERO);
        // half a milligram of element as oxide percent of the lot, plus the four-decimal rounding of the report
        BigDecimal allowed = BigDecimal.valueOf(0.5 * element.oxideFactor() * 100).divide(BigDecimal.valueOf(lotMg),
                10, RoundingMode.UP).add(new BigDecimal("0.00005"));
        assertThat(back.subtract(pct).abs()).as("%s %s %% of %d mg came back as %s %%", element, pct, lotMg, back)
                .isLessThanOrEqualTo(allowed);
    }

    @Property(tries = 300)
    void elementMassesSurviveTheRoundTripThroughOxidePercentagesWithinTheReportsPrecision(
            @ForAll("compositions") Composition c, @ForAll @LongRange(min = 0, max = 1_000_000_000) long extra) {
        // assays report oxides of ores and compounds, so every oxide stays within 100 % (the largest factor is 1.54)
        long total = c.totalMg() * 2 + extra;
        if (total == 0) {
            return;
        }
        Mass mass = Mass.ofMilligrams(total);
        Composition back = Composition.fromOxidePercent(mass, c.toOxidePercent(mass));
        for (Element e : Element.values()) {
            // 0.00005 % of the lot as oxide, in element mass, plus half a milligram
            double allowed = 0.0000005 * total / e.oxideFactor() + 0.5 + 1e-6 * total / e.oxideFactor() * 1e-6;
            assertThat((double) Math.abs(back.get(e) - c.get(e))).as("%s: %d -> %d", e, c.get(e), back.get(e))
                    .isLessThanOrEqualTo(allowed);
        }
    }

    @Property(tries = 200)
    void plusThenMinusGivesBackTheOriginal(@ForAll("compositions") Composition a, @ForAll("compositions") Composition b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.plus(b).covers(a)).isTrue();
        assertThat(a.plus(b).totalMg()).isEqualTo(a.totalMg() + b.totalMg());
    }
}
