package org.reetrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.reetrace.app.chaos.CrashRounds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The crash rounds of the crash test, as many as asked: proof on this machine that no event answered 201 is lost to
 * a kill -9 of the server or of its PostgreSQL. Exit 1 when any was lost or a verification was not clean.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Forks 'reetrace serve' on a data folder, loads it from concurrent clients booking events, and"
                + " kill -9s it at a random moment, in every other round together with its whole embedded PostgreSQL;"
                + " restarts it and checks that every event answered 201 is stored and the ledger verifies clean."
                + " Prints per round and in total: acknowledged, lost, verification; exit 1 if anything was lost.")
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "20", description = "Crashes (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder to crash on (default: a fresh one in"
            + " the temp folder, deleted afterwards); never point it at a ledger in use.")
    Path dataDir;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--max-load-seconds", defaultValue = "4", description = "Longest load before a kill; each round"
            + " kills at a random moment from 1 s to this (default: ${DEFAULT-VALUE}).")
    int maxLoadSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--durable", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Durable commits, as serve runs; --no-durable shows what the rounds catch without them.")
    boolean durable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rounds < 1 || clients < 1 || maxLoadSeconds < 1) {
            throw new CommandFailure("--rounds, --clients and --max-load-seconds must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path folder = dataDir != null ? dataDir.toAbsolutePath() : Files.createTempDirectory("reetrace-chaos-")
                .resolve("postgres");
        out.printf("chaos: %d rounds on %s, %d clients, %s commits%n", rounds, folder, clients,
                durable ? "durable" : "NOT durable");
        out.flush();
        try {
            CrashRounds.Result result = new CrashRounds(new CrashRounds.Settings(rounds, folder, clients,
                    Duration.ofSeconds(1), Duration.ofSeconds(maxLoadSeconds), seed, durable), line -> {
                out.println("chaos: " + line);
                out.flush();
            }).run();
            out.println("chaos: " + result);
            out.flush();
            return result.passed() ? Commands.OK : Commands.FAILURE;
        } finally {
            if (dataDir == null) {
                delete(folder.getParent());
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover in the temp folder is no failure of the run
        }
    }
}
