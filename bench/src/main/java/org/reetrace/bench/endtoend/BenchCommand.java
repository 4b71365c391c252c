package org.reetrace.bench.endtoend;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.cli.CommandFailure;
import org.reetrace.app.cli.Commands;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end benchmark: ingest through the ledger against raw inserts, the questions' latencies, a year's
 * reconciliation and EPCIS capture over HTTP, on simulator data in a fresh embedded PostgreSQL under the temp folder
 * (deleted afterwards); the application serves HTTP on a free port of the loopback interface meanwhile. Prints
 * the table and writes it as markdown and JSON. It asserts nothing about times: the exit code says only that it ran.
 * It is a command of the bench module's jar ({@link ReetraceBench}), not of the application's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures ingest (ledger writer against raw batched inserts of the same rows), a lot's pedigree,"
                + " a magnet lot's full upstream trace, a facility's stock (p50/p99), each web page signed in (p50/p99),"
                + " a year's reconciliation and EPCIS capture over HTTP (concurrent clients; one large document in a forked server with a 256 MB heap),"
                + " on a simulated year in a fresh embedded PostgreSQL; prints the table and writes DIR/bench.md and"
                + " DIR/bench.json with the machine, JDK and PostgreSQL settings.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "A smoke-sized run (50,000 events, 300 calls a question and 30 a page, a"
            + " 5 MB document): a few minutes.")
    boolean quick;

    @Option(names = "--events", description = "About how many events to book (default: 1,000,000; 50,000 with --quick);"
            + " a tenth of them, at most 100,000, are captured over HTTP.")
    Integer events;

    @Option(names = "--document-mb", description = "Size of the one large capture document in MB (default: 100; 5 with"
            + " --quick).")
    Integer documentMb;

    @Option(names = "--samples", description = "Timed calls per question (default: 2,000; 300 with --quick); a tenth"
            + " of that, at least 20, per page.")
    Integer samples;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", defaultValue = "reports", paramLabel = "DIR",
            description = "Folder for bench.md and bench.json (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--keep-data", description = "Keep the benchmark's PostgreSQL data folder.")
    boolean keepData;

    @Option(names = "--durable", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Durable commits, as serve runs (the default); --no-durable measures without them, to compare.")
    boolean durable;

    @Option(names = "--no-log", description = "Books without the transparency log, to measure what the log costs"
            + " (compare with a run without this option).")
    boolean noLog;

    @Option(names = "--verbose", description = "Show the application's log.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int n = events != null ? events : quick ? 50_000 : 1_000_000;
        int calls = samples != null ? samples : quick ? 300 : 2_000;
        int mb = documentMb != null ? documentMb : quick ? 5 : 100;
        if (n < 1000 || calls < 10 || mb < 1) {
            throw new CommandFailure("--events must be at least 1000, --samples at least 10 and --document-mb at least 1");
        }
        PrintWriter o = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("reetrace-bench-");
        StringBuilder command = new StringBuilder("reetrace bench");
        if (quick) {
            command.append(" --quick");
        }
        if (events != null) {
            command.append(" --events ").append(n);
        }
        if (samples != null) {
            command.append(" --samples ").append(calls);
        }
        if (documentMb != null) {
            command.append(" --document-mb ").append(mb);
        }
        if (seed != 1) {
            command.append(" --seed ").append(seed);
        }
        if (!durable) {
            command.append(" --no-durable");
        }
        if (noLog) {
            command.append(" --no-log");
        }
        o.printf("bench: data in %s%n", scratch);
        o.flush();
        try (ConfigurableApplicationContext context = serveLocally(scratch.resolve("postgres"))) {
            Consumer<String> progress = line -> {
                o.println("bench: " + line);
                o.flush();
            };
            BenchReport r = new LoadBench(context, progress).run(new LoadBench.Settings(n, seed, calls),
                    command.toString());
            new PageBench(context, progress).run(new PageBench.Settings(Math.max(20, calls / 10), seed), r);
            new CaptureBench(context, scratch, progress).run(new CaptureBench.Settings(Math.min(100_000, n / 10),
                    mb * 1_000_000L, seed), r);
            Files.createDirectories(report);
            Files.writeString(report.resolve("bench.md"), r.markdown(), StandardCharsets.UTF_8);
            Files.writeString(report.resolve("bench.json"), r.json(), StandardCharsets.UTF_8);
            o.println();
            o.print(r.text());
            o.printf("%nWritten to %s and %s%n", report.resolve("bench.md"), report.resolve("bench.json"));
            o.flush();
            return Commands.OK;
        } finally {
            if (!keepData) {
                delete(scratch);
            }
        }
    }

    /**
     * The application on a fresh embedded PostgreSQL in {@code dataDir}, serving HTTP on a free port of the loopback
     * interface, so that capture is measured over HTTP as its clients would call it.
     */
    private ConfigurableApplicationContext serveLocally(Path dataDir) {
        List<String> arguments = new ArrayList<>(List.of(
                "--reetrace.database.data-dir=" + dataDir.toAbsolutePath(),
                // whatever the configuration says: the figures are those of a ledger that keeps what it acknowledged
                "--reetrace.database.durable=" + durable,
                "--server.port=0", "--server.address=127.0.0.1",
                "--reetrace.transparency.enabled=" + !noLog));
        if (!verbose) {
            arguments.add("--logging.threshold.console=OFF");
        }
        return new SpringApplicationBuilder(ReetraceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        // both would print the stack trace that the command line reports as one line
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
                .run(arguments.toArray(String[]::new));
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover in the temp folder is no failure of the benchmark
        }
    }
}
