package org.reetrace.core.pedigree;

import java.util.Comparator;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/** A processing stage: what was done, in which country, with technology from which country. */
public record Stage(StageKind kind, CountryCode country, CountryCode technologyCountry) implements Comparable<Stage> {

    private static final Comparator<Stage> ORDER = Comparator.comparing(Stage::kind)
            .thenComparing(Stage::country).thenComparing(Stage::technologyCountry);

    public Stage {
        Objects.requireNonNull(kind, "stage kind");
        Objects.requireNonNull(country, "stage country");
        Objects.requireNonNull(technologyCountry, "stage technology country");
    }

    @Override
    public int compareTo(Stage o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return kind + "@" + country + "/" + technologyCountry;
    }
}
