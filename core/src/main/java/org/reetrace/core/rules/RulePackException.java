package org.reetrace.core.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A pack refused at load, with every problem found; the packs in force stay as they were. */
public final class RulePackException extends IllegalArgumentException {

    private final String source;
    private final transient List<RuleProblem> problems;

    public RulePackException(String source, List<RuleProblem> problems) {
        super("rule pack " + source + " refused: " + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("; ")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
