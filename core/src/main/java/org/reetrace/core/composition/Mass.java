package org.reetrace.core.composition;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A non-negative mass in whole milligrams: the unit of the books. Kilograms and tonnes exist only at the
 * edges; conversions round half-even to the milligram.
 */
public record Mass(long mg) implements Comparable<Mass> {

    public static final Mass ZERO = new Mass(0);
    private static final BigDecimal MG_PER_KG = BigDecimal.valueOf(1_000_000);

    public Mass {
        if (mg < 0) {
            throw new IllegalArgumentException("mass must not be negative: " + mg + " mg");
        }
    }

    public static Mass ofMilligrams(long mg) {
        return new Mass(mg);
    }

    public static Mass ofKilograms(BigDecimal kg) {
        return new Mass(kg.multiply(MG_PER_KG).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    public static Mass ofKilograms(long kg) {
        return new Mass(Math.multiplyExact(kg, 1_000_000L));
    }

    public static Mass ofTonnes(long t) {
        return new Mass(Math.multiplyExact(t, 1_000_000_000L));
    }

    /** Exact kilograms (up to six decimals). */
    public BigDecimal kilograms() {
        return BigDecimal.valueOf(mg, 6).stripTrailingZeros();
    }

    public Mass plus(Mass other) {
        return new Mass(Math.addExact(mg, other.mg));
    }

    public Mass minus(Mass other) {
        return new Mass(Math.subtractExact(mg, other.mg));
    }

    public boolean isZero() {
        return mg == 0;
    }

    @Override
    public int compareTo(Mass o) {
        return Long.compare(mg, o.mg);
    }

    @Override
    public String toString() {
        return kilograms().toPlainString() + " kg";
    }
}
