package org.reetrace.core.registry;

import java.util.regex.Pattern;

/** An ISO 3166-1 alpha-2 country code such as MY or CN. */
public record CountryCode(String alpha2) implements Comparable<CountryCode> {

    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");

    public CountryCode {
        if (alpha2 == null || !ALPHA2.matcher(alpha2).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as MY: " + alpha2);
        }
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
