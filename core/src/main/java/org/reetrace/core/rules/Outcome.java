package org.reetrace.core.rules;

/** How one rule came out for one subject. */
public enum Outcome {
    PASSED,
    FAILED,
    /** Not in force at the instant (before, after, or suspended), or its {@code when} guard is false. */
    NOT_APPLICABLE,
    /**
     * The condition could not be evaluated (e.g. a function met a name it does not know). Never silently a pass:
     * the rule book raises it as an alert, and never as a block, so a broken rule cannot stop the industry.
     */
    ERROR
}
