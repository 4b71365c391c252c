package org.reetrace.core.registry;

import java.util.Objects;

/**
 * A licensor grants a recipient operator the use of a technology category, under conditions (for Chinese
 * separation technology, typically that the recipient is state-linked and that the technology stays in the
 * recipient's plants).
 */
public record TechnologyAgreement(String id, String licensor, CountryCode licensorCountry, TechnologyCategory category,
                                  OperatorId recipient, Validity validity, String conditions) {

    public TechnologyAgreement {
        Identifier.check("technology agreement id", id);
        Objects.requireNonNull(licensorCountry, "licensor country");
        Objects.requireNonNull(category, "technology category");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(validity, "validity");
        if (licensor == null || licensor.isBlank()) {
            throw new IllegalArgumentException("technology agreement " + id + " needs the licensor's name");
        }
        conditions = conditions == null ? "" : conditions;
    }
}
