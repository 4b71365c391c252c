package org.reetrace.core.registry;

import java.util.Objects;

/**
 * Who holds shares in a company: another registered company (an operator or a holding company, registered as an
 * operator without facilities) or a state. A state is a country's government at any level (federal, a state
 * government such as Perak's, a state development corporation's owner): all count towards that country's state.
 */
public sealed interface Shareholder permits Shareholder.Company, Shareholder.State {

    record Company(OperatorId id) implements Shareholder {
        public Company {
            Objects.requireNonNull(id, "shareholder company");
        }

        @Override
        public String toString() {
            return id.value();
        }
    }

    /** @param body the government body that holds the shares, e.g. "Minister of Finance Incorporated" */
    record State(CountryCode country, String body) implements Shareholder {
        public State {
            Objects.requireNonNull(country, "state country");
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("a state shareholder of " + country + " needs the body that holds the shares");
            }
        }

        @Override
        public String toString() {
            return body + " (" + country + " state)";
        }
    }

    static Shareholder company(OperatorId id) {
        return new Company(id);
    }

    static Shareholder state(CountryCode country, String body) {
        return new State(country, body);
    }
}
