package org.reetrace.app.rules;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.core.rules.Finding;

/**
 * One rule's finding as answered: which rule of which pack, its outcome, and why. An UNKNOWN outcome is a rule whose
 * law could not be established at the instant: its message says what to confirm with the authority.
 */
public record FindingView(String ruleId, String jurisdiction, String pack, String packVersion, String citation,
                          String severity,
                          @Schema(allowableValues = {"PASSED", "FAILED", "NOT_APPLICABLE", "UNKNOWN", "ERROR"}) String outcome,
                          String message, String detail) {

    public static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), String.valueOf(f.jurisdiction()), f.pack(), f.packVersion(),
                f.citation(), String.valueOf(f.severity()), f.outcome().name(), f.message(), f.detail());
    }
}
