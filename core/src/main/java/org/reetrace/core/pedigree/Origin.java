package org.reetrace.core.pedigree;

import java.util.Comparator;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Identifier;

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
        Identifier.check("origin source", source);
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
