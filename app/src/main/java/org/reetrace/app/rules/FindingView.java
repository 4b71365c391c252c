package org.reetrace.app.rules;

import org.reetrace.core.rules.Finding;

/** One rule's finding as answered: which rule of which pack, its outcome, and why. */
public record FindingView(String ruleId, String jurisdiction, String pack, String packVersion, String citation,
                          String severity, String outcome, String message, String detail) {

    public static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), String.valueOf(f.jurisdiction()), f.pack(), f.packVersion(),
                f.citation(), String.valueOf(f.severity()), f.outcome().name(), f.message(), f.detail());
    }
}
