package org.reetrace.core.composition;

import java.math.BigInteger;

/**
 * Exact proportional division of whole milligrams: the largest-remainder (Hamilton) method, so that the parts
 * always add up to the whole and no milligram appears or vanishes through rounding. Ties go to the earlier
 * weight, so the result is deterministic for a given order.
 */
public final class Proportion {

    private Proportion() {
    }

    /**
     * Divides {@code total} in proportion to {@code weights}. With all weights zero the total must be zero.
     *
     * @return parts, one per weight, summing exactly to total
     */
    public static long[] divide(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot divide a negative total: " + total);
        }
        long sum = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum = Math.addExact(sum, w);
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("cannot divide " + total + " mg over weights that are all zero");
        }
        long[] remainders = new long[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            long w = weights[i];
            long hi = Math.multiplyHigh(total, w);
            if (hi == 0 && total * w >= 0) {
                long product = total * w;
                parts[i] = product / sum;
                remainders[i] = product % sum;
            } else {
                BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w))
                        .divideAndRemainder(BigInteger.valueOf(sum));
                parts[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            assigned += parts[i];
        }
        long left = total - assigned;
        // left < number of weights: hand one milligram each to the largest remainders
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = 0;
            left--;
        }
        return parts;
    }

    /** {@code value * numerator / denominator}, rounded half-even, without overflow. */
    public static long scale(long value, long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        return new java.math.BigDecimal(BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator)))
                .divide(new java.math.BigDecimal(denominator), 0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
