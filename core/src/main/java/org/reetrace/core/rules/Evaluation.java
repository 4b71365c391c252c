package org.reetrace.core.rules;

import java.util.List;
import java.util.Optional;

/**
 * Every finding of one evaluation, in pack and rule order. At ingest: refuse the event if {@link #block()} is
 * present (naming that rule and its citation), else accept it and raise {@link #alerts()}.
 */
public record Evaluation(List<Finding> findings) {

    public Evaluation {
        findings = List.copyOf(findings);
    }

    public Optional<Finding> block() {
        return findings.stream().filter(Finding::blocks).findFirst();
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    public List<Finding> alerts() {
        return findings.stream().filter(Finding::alerts).toList();
    }

    /** Rules whose law could not be established at the instant: confirm them with the authority. */
    public List<Finding> unknown() {
        return findings.stream().filter(f -> f.outcome() == Outcome.UNKNOWN).toList();
    }

    /** FAIL, CONFIRM (a rule's law is unknown) or PASS. */
    public Verdict verdict() {
        return Verdict.of(findings);
    }

    /** Findings of rules that applied (passed, failed, unknown or errored): what a pre-check shows first. */
    public List<Finding> applicable() {
        return findings.stream().filter(f -> f.outcome() != Outcome.NOT_APPLICABLE).toList();
    }

    public Optional<Finding> of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }
}
