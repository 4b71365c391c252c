package org.reetrace.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

import org.reetrace.core.registry.Validity;

/** A pack whose conditions are compiled and ready to evaluate. Immutable and thread-safe. */
public final class CompiledPack {

    /**
     * A rule's programs, and its messages when it passes, its 'when' is false or its law is unknown, made once rather
     * than per finding.
     */
    record CompiledRule(Rule rule, CelRuntime.Program when, CelRuntime.Program require, CelRuntime.Program explain,
                        String passed, Map<Subject, String> whenFalse, String confirm) {

        static CompiledRule of(Rule rule, CelRuntime.Program when, CelRuntime.Program require, CelRuntime.Program explain) {
            Map<Subject, String> whenFalse = new EnumMap<>(Subject.class);
            rule.subjects().forEach(s -> whenFalse.put(s, "rule " + rule.id() + " does not concern this "
                    + s.name().toLowerCase(Locale.ROOT) + " (its 'when' is false)"));
            return new CompiledRule(rule, when, require, explain, "complies with " + rule.citation(),
                    Map.copyOf(whenFalse), rule.unknown().isEmpty() ? null
                            : "confirm with the authority: " + rule.confirm() + " (law: " + rule.citation() + ")");
        }
    }

    private final RulePack pack;
    private final Map<String, Object> params;
    private final List<CompiledRule> rules;
    /** The rules of each subject in pack order: a subject no rule applies to costs nothing. */
    private final Map<Subject, List<CompiledRule>> bySubject;
    private final Optional<Object> paramsVariable;
    private final RuleFunctions functions;

    CompiledPack(RulePack pack, Map<String, Object> params, List<CompiledRule> rules, RuleFunctions functions) {
        this.pack = pack;
        this.params = params;
        this.rules = List.copyOf(rules);
        Map<Subject, List<CompiledRule>> by = new EnumMap<>(Subject.class);
        for (CompiledRule r : this.rules) {
            r.rule().subjects().forEach(s -> by.computeIfAbsent(s, k -> new ArrayList<>()).add(r));
        }
        by.replaceAll((s, l) -> List.copyOf(l));
        this.bySubject = by;
        this.paramsVariable = Optional.of(params);
        this.functions = functions;
    }

    public RulePack pack() {
        return pack;
    }

    public String name() {
        return pack.name();
    }

    public String version() {
        return pack.version();
    }

    /** The value of a pack parameter as CEL computed it at load (lists are lists, numbers Long or Double). */
    public Optional<Object> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** Every rule of this pack that concerns the context's subject, one finding each, in pack order. */
    public List<Finding> evaluate(RuleContext ctx) {
        List<CompiledRule> concerned = bySubject.getOrDefault(ctx.subject(), List.of());
        if (concerned.isEmpty()) {
            return new ArrayList<>();
        }
        CelVariableResolver variables = name -> name.equals("params") ? paramsVariable : ctx.variable(name);
        return functions.judging(ctx, () -> {
            List<Finding> out = new ArrayList<>(concerned.size());
            for (CompiledRule r : concerned) {
                Optional<String> off = r.rule().notInForce(ctx.at());
                out.add(off.isPresent() ? finding(r.rule(), Outcome.NOT_APPLICABLE, off.get(), "", ctx)
                        : evaluate(r, variables, ctx));
            }
            return out;
        });
    }

    private Finding evaluate(CompiledRule r, CelVariableResolver variables, RuleContext ctx) {
        Rule rule = r.rule();
        try {
            if (r.when() != null && !Boolean.TRUE.equals(r.when().eval(variables))) {
                return finding(rule, Outcome.NOT_APPLICABLE, r.whenFalse().get(ctx.subject()), "", ctx);
            }
            boolean holds = Boolean.TRUE.equals(r.require().eval(variables));
            Optional<Validity> unknown = rule.unknownAt(ctx.at());
            if (unknown.isPresent()) {
                // what the rule as written finds, so the authority can be asked the right question; never a pass
                String found = holds ? "pass" : "fail: " + rule.message();
                String detail = holds ? "" : explanation(r, variables);
                return finding(rule, Outcome.UNKNOWN, r.confirm(), "the state of this law " + dates(unknown.get())
                        + " could not be established; as written, the rule would " + found
                        + (detail.isEmpty() ? "" : " (" + detail + ")"), ctx);
            }
            if (holds) {
                return finding(rule, Outcome.PASSED, r.passed(), "", ctx);
            }
            return finding(rule, Outcome.FAILED, rule.message(), explanation(r, variables), ctx);
        } catch (CelEvaluationException | RuntimeException e) {
            return finding(rule, Outcome.ERROR, "rule " + rule.id() + " could not be evaluated", rootMessage(e), ctx);
        }
    }

    /** A period as the pack wrote it: dates in the pack's zone. */
    private String dates(Validity v) {
        String from = v.from().equals(Instant.MIN) ? ""
                : "from " + LocalDate.ofInstant(v.from(), pack.zone());
        String until = v.end().map(u -> "until " + LocalDate.ofInstant(u, pack.zone())).orElse("");
        return (from + " " + until).strip();
    }

    /** The rule's explain text on failure (the numbers), or why it could not be had; empty without one. */
    private static String explanation(CompiledRule r, CelVariableResolver variables) {
        if (r.explain() == null) {
            return "";
        }
        try {
            return String.valueOf(r.explain().eval(variables));
        } catch (CelEvaluationException | RuntimeException e) {
            return "explain failed: " + e.getMessage();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }

    private Finding finding(Rule rule, Outcome outcome, String message, String detail, RuleContext ctx) {
        return new Finding(pack.name(), pack.version(), pack.digest(), rule.id(), rule.jurisdiction(), rule.citation(),
                rule.severity(), outcome, message, detail, ctx.at());
    }

    @Override
    public String toString() {
        return pack.name() + " " + pack.version() + " (" + pack.jurisdiction() + ", " + rules.size() + " rules)";
    }
}
