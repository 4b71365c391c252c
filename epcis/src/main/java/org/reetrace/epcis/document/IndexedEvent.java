package org.reetrace.epcis.document;

import java.util.Objects;

/** An event with its zero-based position in its document's event list, so problems can name it. */
public record IndexedEvent(int index, EpcisEvent event) {
    public IndexedEvent {
        if (index < 0) {
            throw new IllegalArgumentException("event index " + index);
        }
        Objects.requireNonNull(event, "event");
    }
}
