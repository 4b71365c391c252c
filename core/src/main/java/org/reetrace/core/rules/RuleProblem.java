package org.reetrace.core.rules;

/**
 * One thing wrong with a pack: the rule (or "pack" for the header), the line and column in the pack file (1-based;
 * column 0 when it concerns the whole line), and what is wrong.
 */
public record RuleProblem(String ruleId, int line, int column, String message) {

    @Override
    public String toString() {
        return ruleId + " at line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
    }
}
