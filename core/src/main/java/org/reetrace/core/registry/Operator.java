package org.reetrace.core.registry;

import java.util.Objects;

/** A company that holds facilities. Ownership and state links come with the full registry. */
public record Operator(OperatorId id, String name, CountryCode country) {

    public Operator {
        Objects.requireNonNull(id, "operator id");
        Objects.requireNonNull(country, "operator country");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator " + id + " needs a name");
        }
    }
}
