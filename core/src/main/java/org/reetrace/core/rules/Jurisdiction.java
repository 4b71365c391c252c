package org.reetrace.core.rules;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whose law a rule states: an ISO 3166-1 alpha-2 country code, or EU for the European Union. A pack must name a
 * jurisdiction the rule book knows ({@link #KNOWN} by default), so that a typo cannot create a law of nowhere.
 */
public record Jurisdiction(String code) implements Comparable<Jurisdiction> {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}");

    public static final Jurisdiction MY = new Jurisdiction("MY");
    public static final Jurisdiction CN = new Jurisdiction("CN");
    public static final Jurisdiction US = new Jurisdiction("US");
    public static final Jurisdiction EU = new Jurisdiction("EU");

    /** The jurisdictions whose packs ship with reetrace. */
    public static final Set<Jurisdiction> KNOWN = Set.of(MY, CN, US, EU);

    public Jurisdiction {
        if (code == null || !SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("jurisdiction must be a two-letter code such as MY or EU: " + code);
        }
    }

    public static Jurisdiction of(String code) {
        return new Jurisdiction(code);
    }

    @Override
    public int compareTo(Jurisdiction o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
