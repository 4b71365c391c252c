package org.reetrace.epcis.hash;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers in a pre-hash string written as GS1's reference event-hash generator writes them: it parses every value
 * that reads as a number into a binary double and writes that back (Python's {@code str(float)}, or its
 * {@code int} when whole). So {@code 20.0} is {@code 20}, {@code 0.50} is {@code 0.5} and a 24-digit string of
 * digits loses what a double cannot hold. Hashes agree with partners' only if reetrace does the same.
 */
final class PythonNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final BigDecimal SMALL = new BigDecimal("1e-4");

    private PythonNumbers() {
    }

    /** The number {@code text} reads as, written as the reference writes it; empty if it is no number. */
    static Optional<String> canonical(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            return Optional.empty();
        }
        if (d == Math.rint(d)) {
            return Optional.of(new BigDecimal(d).toBigInteger().toString());
        }
        // the shortest decimal that reads back as d, as Python's repr and Java's Double.toString (since 19) give it
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (shortest.abs().compareTo(SMALL) >= 0) {
            return Optional.of(shortest.toPlainString());
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return Optional.of((d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent)));
    }
}
