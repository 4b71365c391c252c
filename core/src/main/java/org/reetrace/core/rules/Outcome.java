package org.reetrace.core.rules;

/** How one rule came out for one subject. */
public enum Outcome {
    PASSED,
    FAILED,
    /** Not in force at the instant (before, after, or suspended), or its {@code when} guard is false. */
    NOT_APPLICABLE,
    /**
     * The rule concerns the subject, but at this instant the state of its law could not be established from a source
     * (a suspension that ended with nothing published on what follows, an amendment whose text was not seen). Never a
     * pass: the finding says to confirm with the authority, it is raised as an alert and never blocks.
     */
    UNKNOWN,
    /**
     * The condition could not be evaluated (e.g. a function met a name it does not know). Never silently a pass:
     * the rule book raises it as an alert, and never as a block, so a broken rule cannot stop the industry.
     */
    ERROR
}
