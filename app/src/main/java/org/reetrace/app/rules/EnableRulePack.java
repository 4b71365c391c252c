package org.reetrace.app.rules;

import java.util.Map;
import java.util.function.Supplier;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The regulator puts a loaded pack version in force (and the pack's other versions out), or takes it out. */
@UseCase
public class EnableRulePack {

    private final StoredRules rules;

    public EnableRulePack(StoredRules rules) {
        this.rules = rules;
    }

    public RulePackView enable(Caller caller, String name, String version) {
        caller.requireRegulator();
        return known(() -> rules.enable(name, version, caller.name()));
    }

    public RulePackView disable(Caller caller, String name, String version) {
        caller.requireRegulator();
        return known(() -> rules.disable(name, version, caller.name()));
    }

    /** The book names what is loaded when asked for a pack it does not hold. */
    private static RulePackView known(Supplier<RulePackView> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), Map.of());
        }
    }
}
