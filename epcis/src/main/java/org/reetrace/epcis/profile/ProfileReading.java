package org.reetrace.epcis.profile;

import java.util.Objects;

import org.reetrace.core.event.LedgerEvent;

/**
 * What the profile makes of one EPCIS event: a ledger event, nothing (a valid EPCIS event that is simply not
 * about the ledger), or a refusal of an event that says it follows the profile but breaks it.
 */
public sealed interface ProfileReading {

    /** Does not declare {@code ree:ledgerEvent}: stored and queryable, the ledger never sees it. */
    record NotProfiled() implements ProfileReading {
    }

    record Profiled(LedgerEvent event) implements ProfileReading {
        public Profiled {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Declares a ledger event but cannot be one. {@code field} names the EPCIS field at fault, as a JSON
     * pointer relative to the event (e.g. {@code /quantityList/0/uom}), so both bindings can report it.
     */
    record Invalid(String field, String message) implements ProfileReading {
        public Invalid {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }
}
