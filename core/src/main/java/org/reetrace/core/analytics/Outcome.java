package org.reetrace.core.analytics;

import java.util.Objects;

/**
 * An analysis either measured something or had nothing to measure. A facility that booked nothing in a month has
 * no material balance; reporting a MUF of zero would claim a measurement that never happened.
 */
public sealed interface Outcome<T> permits Outcome.Measured, Outcome.NoData {

    record Measured<T>(T value) implements Outcome<T> {
        public Measured {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Why there is nothing: which facility, period or file had no data. */
    record NoData<T>(String reason) implements Outcome<T> {
        public NoData {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("say why there is no data");
            }
        }
    }

    static <T> Outcome<T> measured(T value) {
        return new Measured<>(value);
    }

    static <T> Outcome<T> noData(String reason) {
        return new NoData<>(reason);
    }

    default boolean isMeasured() {
        return this instanceof Measured<T>;
    }

    /** The value; fails with the reason when there is none. */
    default T orElseThrow() {
        return switch (this) {
            case Measured<T> m -> m.value();
            case NoData<T> n -> throw new IllegalStateException(n.reason());
        };
    }
}
