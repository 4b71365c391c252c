package org.reetrace.app.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.rules.RulePackException;
import org.springframework.http.HttpStatus;

/**
 * The regulator loads a rule pack from its text; it is compiled first and refused whole, with rule, line and
 * column, if anything in it is wrong. Loading the same name, version and text again changes nothing.
 */
@UseCase
public class LoadRulePack {

    private final StoredRules rules;

    public LoadRulePack(StoredRules rules) {
        this.rules = rules;
    }

    /**
     * @param source where the text came from, as the listing shows it
     * @param enable put it in force at once (and the pack's other versions out)
     * @throws ProblemException 400 {@code rule-pack-refused} listing every problem; its cause is the
     *                          {@link RulePackException}
     */
    public RulePackView load(Caller caller, String source, String text, boolean enable) {
        caller.requireRegulator();
        try {
            return rules.load(source, text, enable, caller.name());
        } catch (RulePackException e) {
            throw refused(e);
        }
    }

    private static ProblemException refused(RulePackException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", p.ruleId());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("reason", p.message());
            m.put("field", p.ruleId());
            return m;
        }).toList();
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "rule-pack-refused",
                "Rule pack refused", e.getMessage(), Map.of("errors", problems));
        problem.initCause(e);
        return problem;
    }
}
