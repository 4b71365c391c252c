package org.reetrace.epcis.document;

import java.util.List;
import java.util.Objects;

/** Immutable copies for record components, where an absent list on the wire is an empty list. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static void requireTime(Object eventTime, String eventTimeZoneOffset) {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventTimeZoneOffset, "eventTimeZoneOffset");
    }
}
