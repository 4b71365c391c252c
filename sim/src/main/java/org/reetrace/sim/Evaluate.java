package org.reetrace.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.reetrace.sim.eval.Evaluation;
import org.reetrace.sim.eval.EvaluationReport;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.scenario.ScenarioParser;

/**
 * The full evaluation: {@code Evaluate [seeds] [report path] [scenario name or file]}, by default 200 held-out
 * seeds ({@link Evaluation#HELD_OUT_FIRST_SEED} on) of the Malaysia scenario, written to reports/evaluation.md and
 * printed. Run from the repository root:
 * {@code java -cp sim/target/classes:core/target/classes org.reetrace.sim.Evaluate 200}.
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path report = Path.of(args.length > 1 ? args[1] : "reports/evaluation.md");
        Scenario scenario = args.length > 2
                ? Scenario.shipped(args[2]).orElseGet(() -> read(Path.of(args[2])))
                : Scenario.malaysia();
        long t0 = System.nanoTime();
        EvaluationReport r = Evaluation.run(scenario, seeds, Evaluation.HELD_OUT_FIRST_SEED);
        String md = r.markdown() + String.format(java.util.Locale.ROOT, "%nMeasured in %.1f s.%n",
                (System.nanoTime() - t0) / 1e9);
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static Scenario read(Path file) {
        try {
            return ScenarioParser.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
