package org.reetrace.core.event;

import org.reetrace.core.registry.Identifier;

/** The submitter's id of an event; the same id always means the same event (idempotent submission). */
public record EventId(String value) {

    public EventId {
        Identifier.check("event id", value);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
