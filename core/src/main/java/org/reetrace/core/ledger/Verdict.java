package org.reetrace.core.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the ledger says to an event: accepted with the entry it booked, or refused with the reason. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    record Accepted(Entry entry) implements Verdict {
    }

    /**
     * A refused event: why ({@link Refusal}), the part of the event at fault ({@code field}, e.g.
     * {@code inputs[1].mass}), a message for people, and the numbers behind it as {@code figures} for programs
     * (e.g. {@code askedMg} and {@code remainingMg}), in the order the message gives them.
     */
    record Rejected(Refusal refusal, String field, String message, Map<String, Object> figures) implements Verdict {

        public Rejected {
            Objects.requireNonNull(refusal, "refusal");
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        public Rejected(Refusal refusal, String field, String message) {
            this(refusal, field, message, Map.of());
        }

        /** A refusal with its figures given as name, value, name, value, ... */
        static Rejected of(Refusal refusal, String field, String message, Object... figures) {
            if (figures.length % 2 != 0) {
                throw new IllegalArgumentException("figures come as name, value pairs");
            }
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < figures.length; i += 2) {
                named.put((String) figures[i], figures[i + 1]);
            }
            return new Rejected(refusal, field, message, named);
        }

        /** The refusal's stable code, e.g. {@code lot.exceeds-remaining}. */
        public String code() {
            return refusal.code();
        }
    }
}
