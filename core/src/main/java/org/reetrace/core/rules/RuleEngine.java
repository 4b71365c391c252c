package org.reetrace.core.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.ListType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import org.reetrace.core.provenance.PriceTable;
import org.reetrace.core.provenance.ProcessedCriteria;

/**
 * The CEL environment rules are written against, and the compiler of packs. Each condition is parsed, type-checked
 * and planned once, when its pack is loaded, for a runtime that has the functions bound; evaluation then only
 * supplies the subject. A pack with any error is refused whole with the rule id, line and column of each error.
 * Thread-safe and immutable.
 */
public final class RuleEngine {

    /**
     * @param prices     for value shares (China's 0.1 % rule)
     * @param processed  when a lot counts as processed (Malaysia's export moratorium)
     * @param quotaZone  the zone in which quota years run (Malaysia: Asia/Kuala_Lumpur)
     */
    public record Settings(PriceTable prices, ProcessedCriteria processed, ZoneId quotaZone) {
        public Settings {
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(processed, "processed criteria");
            Objects.requireNonNull(quotaZone, "quota zone");
        }

        public static Settings defaults() {
            return new Settings(PriceTable.bundled(), ProcessedCriteria.DEFAULT, ZoneId.of("Asia/Kuala_Lumpur"));
        }
    }

    static final CelType DYN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private final CelCompiler conditions;
    private final CelCompiler texts;
    private final CelCompiler constants;
    private final CelRuntime runtime;
    private final RuleFunctions functions;
    private final RulePackParser parser;

    public RuleEngine(Settings settings, Set<Jurisdiction> knownJurisdictions) {
        this.functions = new RuleFunctions(settings.prices(), settings.processed(), settings.quotaZone());
        this.conditions = compiler(SimpleType.BOOL, true);
        this.texts = compiler(SimpleType.STRING, true);
        this.constants = compiler(SimpleType.DYN, false);
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addFunctionBindings(functions.bindings())
                .build();
        this.parser = new RulePackParser(knownJurisdictions);
    }

    /** Bundled prices and criteria, the four shipped jurisdictions. */
    public static RuleEngine standard() {
        return new RuleEngine(Settings.defaults(), Jurisdiction.KNOWN);
    }

    private static CelCompiler compiler(CelType result, boolean withContext) {
        var b = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(result);
        if (withContext) {
            b.addVar("event", DYN_MAP)
                    .addVar("lot", DYN_MAP)
                    .addVar("facility", DYN_MAP)
                    .addVar("operator", DYN_MAP)
                    .addVar("params", DYN_MAP)
                    .addVar("supply", ListType.create(DYN_MAP))
                    .addFunctionDeclarations(RuleFunctions.declarations());
        }
        return b.build();
    }

    /** Parses and compiles a pack's text. @throws RulePackException with every problem; nothing is loaded */
    public CompiledPack load(String source, String text) {
        return compile(parser.parse(source, text));
    }

    /** @throws RulePackException with every CEL error: rule id, line and column in the pack file */
    public CompiledPack compile(RulePack pack) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (RulePack.Param p : pack.params().values()) {
            CelAbstractSyntaxTree ast = check(constants, "param " + p.name(),
                    new Rule.Expression(p.text(), p.line(), p.column()), problems);
            if (ast != null) {
                try {
                    params.put(p.name(), runtime.createProgram(ast).eval());
                } catch (CelEvaluationException e) {
                    problems.add(new RuleProblem("param " + p.name(), p.line(), p.column(), e.getMessage()));
                }
            }
        }
        List<CompiledPack.CompiledRule> rules = new ArrayList<>();
        for (Rule r : pack.rules()) {
            CelAbstractSyntaxTree when = r.guard().map(w -> check(conditions, r.id(), w, problems)).orElse(null);
            CelAbstractSyntaxTree require = check(conditions, r.id(), r.require(), problems);
            CelAbstractSyntaxTree explain = r.explanation().map(x -> check(texts, r.id(), x, problems)).orElse(null);
            if (problems.isEmpty()) {
                try {
                    rules.add(CompiledPack.CompiledRule.of(r,
                            when == null ? null : runtime.createProgram(when),
                            runtime.createProgram(require),
                            explain == null ? null : runtime.createProgram(explain)));
                } catch (CelEvaluationException e) {
                    problems.add(new RuleProblem(r.id(), r.line(), 0, e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(pack.source(), problems);
        }
        return new CompiledPack(pack, Map.copyOf(params), rules, functions);
    }

    private static CelAbstractSyntaxTree check(CelCompiler compiler, String ruleId, Rule.Expression expr,
                                               List<RuleProblem> problems) {
        CelValidationResult result = compiler.compile(expr.text());
        if (!result.hasError()) {
            try {
                return result.getAst();
            } catch (CelValidationException e) {
                problems.add(new RuleProblem(ruleId, expr.line(), expr.column(), e.getMessage()));
                return null;
            }
        }
        for (CelIssue issue : result.getErrors()) {
            // CEL counts lines from 1 and columns from 0 within the expression; the expression's first line starts
            // at expr.column() in the file, its continuation lines are kept whole, so their columns map as they are
            int line = Math.max(1, issue.getSourceLocation().getLine());
            int column = Math.max(0, issue.getSourceLocation().getColumn());
            int fileLine = expr.line() + line - 1;
            int fileColumn = line == 1 ? expr.column() + column : column + 1;
            problems.add(new RuleProblem(ruleId, fileLine, fileColumn, issue.getMessage()));
        }
        return null;
    }
}
