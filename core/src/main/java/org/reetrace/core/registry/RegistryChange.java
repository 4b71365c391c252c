package org.reetrace.core.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One change to the registry. Changes are data so that the registry's history can be stored, replayed and
 * audited: {@link VersionedRegistry} records each with the instant it takes effect and who made it.
 */
public sealed interface RegistryChange {

    /** Adds an operator or replaces its name and country. */
    record PutOperator(Operator operator) implements RegistryChange {
        public PutOperator {
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** Adds a facility or replaces its details, processes and technology. */
    record PutFacility(RegisteredFacility facility) implements RegistryChange {
        public PutFacility {
            Objects.requireNonNull(facility, "facility");
        }
    }

    /** Replaces the whole list of a company's shareholders (an empty list: no registered shareholders). */
    record SetShareholders(OperatorId company, List<Shareholding> holdings) implements RegistryChange {
        public SetShareholders {
            Objects.requireNonNull(company, "company");
            holdings = List.copyOf(holdings);
        }
    }

    /** Adds a licence term, or amends the term of the same licence that starts at the same instant. */
    record PutLicence(Licence licence) implements RegistryChange {
        public PutLicence {
            Objects.requireNonNull(licence, "licence");
        }
    }

    /** Adds a zone or replaces the zone with the same code. */
    record PutZone(Zone zone) implements RegistryChange {
        public PutZone {
            Objects.requireNonNull(zone, "zone");
        }
    }

    record PutAgreement(TechnologyAgreement agreement) implements RegistryChange {
        public PutAgreement {
            Objects.requireNonNull(agreement, "agreement");
        }
    }

    /** The effective state ownership, in percent, from which an operator counts as state-linked. */
    record SetStateLinkThreshold(BigDecimal percent) implements RegistryChange {
        public SetStateLinkThreshold {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("state-link threshold must be more than 0 and at most 100 %: "
                        + percent.toPlainString());
            }
        }
    }
}
