package org.reetrace.verifier.tlog;

import java.util.function.Supplier;

/**
 * The answer of a check: it holds, or it names what failed. Bad input is a failed verdict, never an exception.
 *
 * @param holds   whether everything checked held
 * @param failure what failed, in words (empty when it holds)
 */
public record Verdict(boolean holds, String failure) {

    private static final Verdict HOLDS = new Verdict(true, "");

    public Verdict {
        if (failure == null || holds != failure.isEmpty()) {
            throw new IllegalArgumentException("a verdict that fails names why; one that holds does not");
        }
    }

    public static Verdict ok() {
        return HOLDS;
    }

    public static Verdict fail(String failure) {
        return new Verdict(false, failure);
    }

    /** This verdict if it failed, else {@code next}'s. */
    public Verdict and(Supplier<Verdict> next) {
        return holds ? next.get() : this;
    }

    @Override
    public String toString() {
        return holds ? "holds" : "fails: " + failure;
    }
}
