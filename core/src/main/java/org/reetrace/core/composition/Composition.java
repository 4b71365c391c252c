package org.reetrace.core.composition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

import org.reetrace.core.element.Element;

/**
 * The mass in whole milligrams of each booked element in a lot. Immutable; every element is present (absent
 * ones are zero). Balances, provenance and rules all work on these element masses, because chemistry changes a
 * lot's total mass but not its elements.
 */
public final class Composition {

    public static final Composition ZERO = new Composition(new long[Element.count()]);

    private final long[] mg;

    private Composition(long[] mg) {
        this.mg = mg;
    }

    /** Element masses in mg; missing elements are zero. */
    public static Composition of(Map<Element, Long> masses) {
        long[] mg = new long[Element.count()];
        masses.forEach((e, m) -> mg[e.ordinal()] = checked(e, m));
        return new Composition(mg);
    }

    public static Composition of(Element e, long mg) {
        return ZERO.with(e, mg);
    }

    /** From an array indexed by {@link Element#ordinal()}. */
    public static Composition ofArray(long[] mg) {
        if (mg.length != Element.count()) {
            throw new IllegalArgumentException("expected " + Element.count() + " element masses, got " + mg.length);
        }
        long[] copy = mg.clone();
        for (int i = 0; i < copy.length; i++) {
            checked(Element.byIndex(i), copy[i]);
        }
        return new Composition(copy);
    }

    /**
     * Element masses of a lot of {@code lotMass} whose assay reports each element as its oxide's mass percentage
     * (Nd as % Nd2O3). Each element mass is rounded half-even to the milligram.
     */
    public static Composition fromOxidePercent(Mass lotMass, Map<Element, BigDecimal> oxidePercent) {
        long[] mg = new long[Element.count()];
        BigDecimal lot = BigDecimal.valueOf(lotMass.mg());
        oxidePercent.forEach((e, pct) -> {
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException(e + " oxide percentage must be between 0 and 100: " + pct);
            }
            BigDecimal oxideMg = lot.multiply(pct).movePointLeft(2);
            mg[e.ordinal()] = oxideMg.divide(BigDecimal.valueOf(e.oxideFactor()), 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        });
        return new Composition(mg);
    }

    /** Each non-zero element as its oxide's mass percentage of {@code lotMass}, to four decimals. */
    public Map<Element, BigDecimal> toOxidePercent(Mass lotMass) {
        if (lotMass.isZero()) {
            return Map.of();
        }
        Map<Element, BigDecimal> pct = new EnumMap<>(Element.class);
        BigDecimal lot = BigDecimal.valueOf(lotMass.mg());
        for (int i = 0; i < mg.length; i++) {
            if (mg[i] != 0) {
                Element e = Element.byIndex(i);
                pct.put(e, BigDecimal.valueOf(mg[i]).multiply(BigDecimal.valueOf(e.oxideFactor()))
                        .movePointRight(2).divide(lot, 4, RoundingMode.HALF_EVEN));
            }
        }
        return Collections.unmodifiableMap(pct);
    }

    /** Total rare-earth oxide equivalent in mg (Th and U excluded), rounded half-even. */
    public long treoMg() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < mg.length; i++) {
            Element e = Element.byIndex(i);
            if (mg[i] != 0 && e.isRareEarth()) {
                sum = sum.add(BigDecimal.valueOf(mg[i]).multiply(BigDecimal.valueOf(e.oxideFactor()), MathContext.DECIMAL64));
            }
        }
        return sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    public long get(Element e) {
        return mg[e.ordinal()];
    }

    public Composition with(Element e, long mass) {
        long[] copy = mg.clone();
        copy[e.ordinal()] = checked(e, mass);
        return new Composition(copy);
    }

    /** Sum of all element masses. */
    public long totalMg() {
        long t = 0;
        for (long m : mg) {
            t = Math.addExact(t, m);
        }
        return t;
    }

    public boolean isZero() {
        for (long m : mg) {
            if (m != 0) {
                return false;
            }
        }
        return true;
    }

    public Composition plus(Composition other) {
        long[] r = new long[mg.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.addExact(mg[i], other.mg[i]);
        }
        return new Composition(r);
    }

    /** Element-wise difference; fails if any element would go below zero. */
    public Composition minus(Composition other) {
        long[] r = new long[mg.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = mg[i] - other.mg[i];
            if (r[i] < 0) {
                throw new IllegalArgumentException("cannot take " + other.mg[i] + " mg " + Element.byIndex(i)
                        + " from " + mg[i] + " mg");
            }
        }
        return new Composition(r);
    }

    /** True if no element of {@code other} exceeds this one's. */
    public boolean covers(Composition other) {
        for (int i = 0; i < mg.length; i++) {
            if (other.mg[i] > mg[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The share {@code part/whole} of every element: the element masses that go with {@code part} mg of a lot
     * weighing {@code whole} mg. Each element is its exact share rounded down or up, and the elements together
     * weigh the exact total share rounded half-even: the largest-remainder method. Rounding each element on its
     * own could put up to half a milligram per element on the same side, so that the part (or what is left of the
     * lot) would hold more element mass than it weighs; with the total rounded once, both stay within their mass.
     */
    public Composition share(long part, long whole) {
        if (part < 0 || whole <= 0 || part > whole) {
            throw new IllegalArgumentException("share " + part + "/" + whole + " mg is not a part of the whole");
        }
        if (part == whole) {
            return this;
        }
        long[] r = new long[mg.length];
        long[] remainders = new long[mg.length];
        long assigned = 0;
        for (int i = 0; i < r.length; i++) {
            if (Math.multiplyHigh(mg[i], part) == 0 && mg[i] * part >= 0) {
                r[i] = mg[i] * part / whole;
                remainders[i] = mg[i] * part % whole;
            } else {
                java.math.BigInteger[] qr = java.math.BigInteger.valueOf(mg[i])
                        .multiply(java.math.BigInteger.valueOf(part)).divideAndRemainder(java.math.BigInteger.valueOf(whole));
                r[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            assigned += r[i];
        }
        // 0 <= left <= the number of non-zero remainders, because the target lies between floor and ceiling of the
        // sum of the exact shares
        long left = Proportion.scale(totalMg(), part, whole) - assigned;
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < r.length; i++) {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            r[best]++;
            remainders[best] = 0;
            left--;
        }
        return new Composition(r);
    }

    /** A copy of the element masses, indexed by {@link Element#ordinal()}. */
    public long[] toArray() {
        return mg.clone();
    }

    public Map<Element, Long> toMap() {
        Map<Element, Long> m = new EnumMap<>(Element.class);
        for (int i = 0; i < mg.length; i++) {
            if (mg[i] != 0) {
                m.put(Element.byIndex(i), mg[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static long checked(Element e, long m) {
        if (m < 0) {
            throw new IllegalArgumentException(e + " mass must not be negative: " + m + " mg");
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composition c && Arrays.equals(mg, c.mg);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mg);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < mg.length; i++) {
            if (mg[i] != 0) {
                j.add(Element.byIndex(i) + "=" + mg[i] + " mg");
            }
        }
        return j.toString();
    }
}
