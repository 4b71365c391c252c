package org.reetrace.app.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.rules.Rule;
import org.reetrace.core.rules.RulePack;
import org.springframework.http.HttpStatus;

/** The loaded rule packs and which are in force: the law anyone may read. */
@UseCase
public class ListRulePacks {

    /**
     * One rule as the law states it: its citation, what it applies to, and when it is in force.
     *
     * @param from      the first day in force, in the pack's own zone; null: always
     * @param until     the first day no longer in force; null: open-ended
     * @param suspended periods it is suspended, as {@code from..until} days
     */
    public record RuleView(String id, String jurisdiction, String citation, String severity, List<String> appliesTo,
                           String from, String until, List<String> suspended, String message, int line) {
    }

    /** A pack with its rules in the order it states them. */
    public record PackRules(RulePackView pack, String zone, List<RuleView> rules) {
    }

    private final StoredRules rules;

    public ListRulePacks(StoredRules rules) {
        this.rules = rules;
    }

    public List<RulePackView> packs(Caller caller) {
        return rules.list();
    }

    /** The rules of one loaded pack version. @throws ProblemException 404 naming what is loaded */
    public PackRules rules(Caller caller, String name, String version) {
        RulePack pack;
        try {
            pack = rules.book().pack(name, version).pack();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), Map.of());
        }
        RulePackView view = rules.list().stream().filter(p -> p.name().equals(name) && p.version().equals(version))
                .findFirst().orElseThrow();
        ZoneId zone = pack.zone();
        return new PackRules(view, zone.getId(), pack.rules().stream().map(r -> view(r, zone)).toList());
    }

    private static RuleView view(Rule r, ZoneId zone) {
        return new RuleView(r.id(), r.jurisdiction().code(), r.citation(), r.severity().name(),
                r.subjects().stream().map(Enum::name).sorted().toList(), day(r.effective().from(), zone),
                r.effective().end().map(end -> day(end, zone)).orElse(null),
                r.suspended().stream().map(s -> orStart(day(s.from(), zone)) + ".."
                        + s.end().map(end -> day(end, zone)).orElse("")).toList(),
                r.message(), r.line());
    }

    private static String day(Instant instant, ZoneId zone) {
        return instant.equals(Instant.MIN) ? null : instant.atZone(zone).toLocalDate().toString();
    }

    private static String orStart(String day) {
        return day == null ? "" : day;
    }
}
