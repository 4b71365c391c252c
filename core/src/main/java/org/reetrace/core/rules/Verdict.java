package org.reetrace.core.rules;

import java.util.Collection;

/**
 * What a set of findings comes to for whoever reads a check: FAIL if any rule failed; else CONFIRM if any rule's law
 * could not be established at the instant (confirm with the authority before relying on it); else PASS. Only PASS is
 * a clean pass.
 */
public enum Verdict {
    PASS, CONFIRM, FAIL;

    public static Verdict of(Collection<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.FAILED)) {
            return FAIL;
        }
        return findings.stream().anyMatch(f -> f.outcome() == Outcome.UNKNOWN) ? CONFIRM : PASS;
    }

    public boolean passes() {
        return this == PASS;
    }
}
