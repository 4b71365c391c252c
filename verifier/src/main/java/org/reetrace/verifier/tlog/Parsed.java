package org.reetrace.verifier.tlog;

import java.util.function.Function;

/**
 * What reading a text gave: the value, or a failed verdict that says what is wrong with the text.
 *
 * @param value   the value read, null when reading failed
 * @param verdict holds when the text was read
 */
public record Parsed<T>(T value, Verdict verdict) {

    public Parsed {
        if ((value == null) == verdict.holds()) {
            throw new IllegalArgumentException("a value when the text was read, none when it failed");
        }
    }

    public static <T> Parsed<T> of(T value) {
        return new Parsed<>(value, Verdict.ok());
    }

    public static <T> Parsed<T> fail(String why) {
        return new Parsed<>(null, Verdict.fail(why));
    }

    public boolean ok() {
        return verdict.holds();
    }

    /** The value read, for a caller that checked {@link #ok()}. */
    public T get() {
        if (value == null) {
            throw new IllegalStateException(verdict.failure());
        }
        return value;
    }

    /** Goes on with the value, or passes the failure on. */
    public <U> Parsed<U> then(Function<T, Parsed<U>> next) {
        return ok() ? next.apply(value) : fail(verdict.failure());
    }
}
