package org.reetrace.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.reetrace.app.demo.SimulatedChain;
import org.reetrace.app.ledger.EventJson;
import org.reetrace.core.analytics.PartnerImportCsv;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.SimulationResult;
import org.reetrace.sim.eval.Evaluation;
import org.reetrace.sim.eval.EvaluationReport;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.scenario.ScenarioException;
import org.reetrace.sim.scenario.ScenarioParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the national simulator: into files ({@code --out}), into the ledger of the configured database
 * ({@code --into-ledger}), or many seeds of it against the analytics ({@code --evaluate}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulates a national rare-earth chain with injected frauds (default: the Malaysia scenario)."
                + " Writes events.jsonl (native JSON, one event a line), ground-truth.jsonl and partner-imports.csv"
                + " to --out; or books the run through the ledger (--into-ledger); or runs the detection"
                + " evaluation over many seeds (--evaluate) and writes reports/evaluation.md.")
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--months", description = "Months to simulate (default: the scenario's).")
    Integer months;

    @Option(names = "--scale", description = "Lots per month multiplier, same tonnage (default: the scenario's).")
    Integer scale;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "A shipped scenario (malaysia, clay-belt) or a"
            + " scenario file (default: malaysia).")
    String scenarioName;

    @Option(names = "--clean", description = "Leave the scenario's frauds out.")
    boolean clean;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for events, ground truth and partner imports.")
    Path out;

    @Option(names = "--into-ledger", description = "Book the events through the ledger of the configured database"
            + " (registering the scenario's operators, facilities and leases where missing).")
    boolean intoLedger;

    @Option(names = "--id-prefix", description = "Prefix of event and lot ids in the ledger (default: sim<seed>-).")
    String idPrefix;

    @Option(names = "--evaluate", description = "Run the detection evaluation instead.")
    boolean evaluate;

    @Option(names = "--seeds", defaultValue = "200", description = "Seeds of the evaluation (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", description = "First seed of the evaluation (default: 1000001, the first seed no"
            + " threshold was tuned on).")
    Long firstSeed;

    @Option(names = "--report", defaultValue = "reports/evaluation.md", description = "Where the evaluation goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--verbose", description = "Show the application's log (with --into-ledger).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = scenario();
        PrintWriter o = spec.commandLine().getOut();
        if (evaluate) {
            if (seeds < 1) {
                throw new CommandFailure("--seeds must be at least 1, was " + seeds);
            }
            long t0 = System.nanoTime();
            long first = firstSeed != null ? firstSeed : Evaluation.HELD_OUT_FIRST_SEED;
            EvaluationReport r = Evaluation.run(scenario, seeds, first);
            String md = r.markdown() + String.format(Locale.ROOT, "%nMeasured in %.1f s by `reetrace simulate --evaluate"
                    + " --seeds %d%s`.%n", (System.nanoTime() - t0) / 1e9, seeds,
                    scenarioName == null ? "" : " --scenario " + scenarioName);
            if (report.toAbsolutePath().getParent() != null) {
                Files.createDirectories(report.toAbsolutePath().getParent());
            }
            Files.writeString(report, md, StandardCharsets.UTF_8);
            o.print(md);
            o.printf("%nWritten to %s%n", report);
            o.flush();
            return Commands.OK;
        }
        if (out == null && !intoLedger) {
            throw new CommandFailure("say where the simulation goes: --out DIR, --into-ledger, or --evaluate");
        }
        if (intoLedger) {
            String prefix = idPrefix != null ? idPrefix : "sim" + seed + "-";
            return Commands.runWith(database, verbose, context -> {
                SimulatedChain.Booked b = context.getBean(SimulatedChain.class).book(scenario, seed, prefix);
                o.printf("simulated %s, seed %d: %d events; %d registry records added, %d booked, %d already there,"
                                + " %d refused%n", scenario.name(), seed, b.result().events(), b.registered(), b.booked(),
                        b.replayed(), b.refused());
                if (b.firstRefusal() != null) {
                    o.printf("first refusal: %s%n", b.firstRefusal());
                }
                if (out != null) {
                    try {
                        writeTruth(b.result());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                o.flush();
                return b.refused() == 0 ? Commands.OK : Commands.FAILURE;
            });
        }
        Files.createDirectories(out);
        SimulationResult r;
        try (BufferedWriter events = Files.newBufferedWriter(out.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
            r = Simulation.run(scenario, seed, e -> {
                try {
                    events.write(EventJson.write(e).toString());
                    events.write('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }, idPrefix == null ? "" : idPrefix);
        }
        writeTruth(r);
        o.printf("simulated %s, seed %d, %d months at scale %d: %d events, %d frauds, %d partner-import rows in %s%n",
                scenario.name(), seed, scenario.months(), scenario.scale(), r.events(), r.groundTruth().size(),
                r.partnerImports().size(), out);
        o.flush();
        return Commands.OK;
    }

    private void writeTruth(SimulationResult r) throws IOException {
        Files.createDirectories(out);
        StringBuilder truth = new StringBuilder();
        for (GroundTruth t : r.groundTruth()) {
            truth.append(t.jsonLine()).append('\n');
        }
        Files.writeString(out.resolve("ground-truth.jsonl"), truth, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("partner-imports.csv"), PartnerImportCsv.write(r.partnerImports()),
                StandardCharsets.UTF_8);
    }

    private Scenario scenario() throws IOException {
        Scenario s = scenarioName == null ? Scenario.malaysia() : Scenario.shipped(scenarioName).orElse(null);
        if (s == null) {
            Path scenarioFile = Path.of(scenarioName);
            String text;
            try {
                text = Files.readString(scenarioFile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CommandFailure("no scenario file " + scenarioFile + ", nor a shipped scenario of that name ("
                        + String.join(", ", Scenario.SHIPPED) + ")");
            }
            try {
                s = ScenarioParser.parse(text);
            } catch (ScenarioException e) {
                throw new CommandFailure(scenarioFile + ": " + e.getMessage());
            }
        }
        if (clean) {
            s = s.clean();
        }
        if (months != null) {
            if (months < 1) {
                throw new CommandFailure("--months must be at least 1, was " + months);
            }
            s = s.withMonths(months);
        }
        if (scale != null) {
            if (scale < 1) {
                throw new CommandFailure("--scale must be at least 1, was " + scale);
            }
            s = s.withScale(scale);
        }
        return s;
    }
}
