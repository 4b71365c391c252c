package org.reetrace.core.registry;

/** An ISO 3166-1 alpha-2 country code such as MY or CN. */
public record CountryCode(String alpha2) implements Comparable<CountryCode> {

    public CountryCode {
        if (alpha2 == null || alpha2.length() != 2 || !isUpper(alpha2.charAt(0)) || !isUpper(alpha2.charAt(1))) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as MY: " + alpha2);
        }
    }

    // A-Z only; a plain test rather than a regex: rules make country codes from text on every evaluation
    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    public static CountryCode of(String alpha2) {
        return new CountryCode(alpha2);
    }

    @Override
    public int compareTo(CountryCode o) {
        return alpha2.compareTo(o.alpha2);
    }

    @Override
    public String toString() {
        return alpha2;
    }
}
