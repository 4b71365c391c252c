package org.reetrace.app.rules;

import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/** The loaded rule packs and which are in force: the law anyone may read. */
@UseCase
public class ListRulePacks {

    private final StoredRules rules;

    public ListRulePacks(StoredRules rules) {
        this.rules = rules;
    }

    public List<RulePackView> packs(Caller caller) {
        return rules.list();
    }
}
