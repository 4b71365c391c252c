package org.reetrace.core.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * How one rule of one pack came out for one subject at one instant: what the app stores with every event and
 * alert, so that a decision can always be traced to the pack, its version and digest, and the law it cites.
 *
 * @param message the rule's message when it failed; when its law is unknown, what to confirm with the authority;
 *                otherwise why it passed, did not apply, or could not be evaluated
 * @param detail  the rule's {@code explain} text on failure (the numbers), what the rule as written would find when its
 *                law is unknown, or the evaluation error; may be empty
 */
public record Finding(String pack, String packVersion, String packDigest, String ruleId, Jurisdiction jurisdiction,
                      String citation, Severity severity, Outcome outcome, String message, String detail, Instant at) {

    public Finding {
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** Failed with severity BLOCK: the event must be refused. */
    public boolean blocks() {
        return outcome == Outcome.FAILED && severity == Severity.BLOCK;
    }

    /** Raised as an alert: a failed FLAG rule, a rule whose law is unknown at the instant, or one that could not be evaluated. */
    public boolean alerts() {
        return (outcome == Outcome.FAILED && severity == Severity.FLAG) || outcome == Outcome.UNKNOWN
                || outcome == Outcome.ERROR;
    }

    @Override
    public String toString() {
        return ruleId + " [" + pack + " " + packVersion + ", " + jurisdiction + "] " + outcome + ": " + message
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
