package org.reetrace.core.pedigree;

import java.util.Comparator;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/**
 * Where material entered the books: a domestic mine (by facility id) or an import (by supplier), with the
 * country it came from.
 */
public record Origin(Kind kind, String source, CountryCode country) implements Comparable<Origin> {

    public enum Kind { MINE, IMPORT }

    private static final Comparator<Origin> ORDER = Comparator.comparing(Origin::kind)
            .thenComparing(Origin::source).thenComparing(Origin::country);

    public Origin {
        Objects.requireNonNull(kind, "origin kind");
        if (source == null || source.isBlank() || source.length() > 200) {
            throw new IllegalArgumentException("origin source must be a name of 1 to 200 characters: " + source);
        }
        Objects.requireNonNull(country, "origin country");
    }

    public static Origin mine(String facilityId, CountryCode country) {
        return new Origin(Kind.MINE, facilityId, country);
    }

    public static Origin imported(String supplier, CountryCode country) {
        return new Origin(Kind.IMPORT, supplier, country);
    }

    @Override
    public int compareTo(Origin o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return kind + ":" + source + "@" + country;
    }
}
