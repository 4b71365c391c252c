package org.reetrace.core.rules;

/** What a failed rule does at ingest (DESIGN section 6). */
public enum Severity {
    /** The event is refused, naming the rule and its citation. */
    BLOCK,
    /** The event is accepted and an alert is raised. */
    FLAG
}
