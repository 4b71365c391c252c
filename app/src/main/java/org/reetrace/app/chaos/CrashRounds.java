package org.reetrace.app.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.reetrace.app.database.PostmasterPid;

import tools.jackson.databind.JsonNode;

/**
 * Crash rounds against {@code reetrace serve} forked on a data folder: in each round concurrent clients book events
 * for a random while, then the server's JVM is killed with SIGKILL, in every other round together with the whole
 * embedded PostgreSQL process tree (the postmaster named in the data folder's postmaster.pid and its children), as a
 * power cut would leave it short of the disk cache; then {@code serve} is started again on the same folder, and every
 * event answered 201 must be there with the sequence and hash it was answered with, and the ledger's verification
 * must be clean. {@code reetrace chaos} and the crash test both run this.
 */
public final class CrashRounds {

    /** What is killed in a round. */
    public enum Kill {
        JVM("the JVM"), JVM_AND_POSTGRES("the JVM and PostgreSQL");

        private final String words;

        Kill(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * @param rounds  how many crashes
     * @param dataDir the data folder; a new one is set up, an existing one gets a registry of the run's own
     * @param clients concurrent clients
     * @param minLoad least load before the kill
     * @param maxLoad most load before the kill
     * @param seed    of the kill moments
     * @param durable whether the forked servers commit durably; false only to see what the rounds catch
     */
    public record Settings(int rounds, Path dataDir, int clients, Duration minLoad, Duration maxLoad, long seed,
                           boolean durable) {
        public Settings {
            if (rounds < 1 || clients < 1 || minLoad.isNegative() || maxLoad.compareTo(minLoad) < 0) {
                throw new IllegalArgumentException("at least one round and one client, and 0 <= min load <= max load");
            }
        }
    }

    /** One round: what was killed after how long, what was acknowledged and lost, and the verification's verdict. */
    public record Round(int number, Kill kill, Duration load, int acknowledged, List<String> lost, List<String> refused,
                        boolean clean, String verdict, Duration restart) {
        public boolean passed() {
            return lost.isEmpty() && refused.isEmpty() && clean;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "round %d: kill -9 %s %.1f s after the first answer: %d acknowledged, %d lost%s,"
                            + " verification %s; restarted in %.1f s", number, kill, load.toMillis() / 1000.0,
                    acknowledged, lost.size(),
                    refused.isEmpty() ? "" : ", " + refused.size() + " refused (first: " + refused.getFirst() + ")",
                    verdict, restart.toMillis() / 1000.0);
        }
    }

    /** All rounds. */
    public record Result(List<Round> rounds) {
        public long kills(Kill kill) {
            return rounds.stream().filter(r -> r.kill() == kill).count();
        }

        public long acknowledged() {
            return rounds.stream().mapToLong(Round::acknowledged).sum();
        }

        public long lost() {
            return rounds.stream().mapToLong(r -> r.lost().size()).sum();
        }

        public boolean passed() {
            return rounds.stream().allMatch(Round::passed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d rounds (kill -9 of %s: %d, of %s: %d): %d acknowledged, %d lost,"
                            + " verification %s", rounds.size(), Kill.JVM, kills(Kill.JVM), Kill.JVM_AND_POSTGRES,
                    kills(Kill.JVM_AND_POSTGRES), acknowledged(), lost(),
                    rounds.stream().allMatch(Round::clean) ? "clean after every round"
                            : "NOT clean after " + rounds.stream().filter(r -> !r.clean()).count() + " rounds");
        }
    }

    private static final Duration START_PATIENCE = Duration.ofSeconds(180);

    private final Settings settings;
    private final Consumer<String> progress;
    private final Random random;
    /** A class-data archive that the token command's JVM writes and every server's start reads. */
    private Path classArchive;

    public CrashRounds(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.random = new Random(settings.seed());
    }

    public Result run() throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        // not from the seed: a second run on the same folder must not meet the first's registry
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        Path scratch = Files.createTempDirectory("reetrace-chaos-jvm-");
        classArchive = scratch.resolve("classes.jsa");
        List<Round> rounds = new ArrayList<>();
        ForkedServer server = null;
        try {
            String regulatorToken = issueRegulatorToken();
            server = serve();
            Api regulator = new Api(server.awaitServing(START_PATIENCE), regulatorToken);
            Workload workload = new Workload(run);
            String operatorToken = workload.register(regulator);
            for (int number = 1; number <= settings.rounds(); number++) {
                Kill kill = number % 2 == 1 ? Kill.JVM : Kill.JVM_AND_POSTGRES;
                Queue<Workload.Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
                Queue<String> refused = new ConcurrentLinkedQueue<>();
                Duration load = settings.minLoad().plusMillis(
                        (long) (random.nextDouble() * settings.maxLoad().minus(settings.minLoad()).toMillis()));
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < settings.clients(); c++) {
                    clients.add(Thread.ofPlatform().name("chaos-client-" + c).start(workload.client(
                            "R" + number + "C" + c, regulator.as(operatorToken), stop, acknowledged, refused)));
                }
                // the random moment is counted from the first acknowledgement: a cold server on a busy machine may
                // take longer than the load to answer at all, and a round with nothing acknowledged proves nothing
                awaitFirst(acknowledged, refused, clients);
                Thread.sleep(load);
                server.kill();
                if (kill == Kill.JVM_AND_POSTGRES) {
                    killPostgres();
                }
                stop.set(true);
                for (Thread client : clients) {
                    client.join(TimeUnit.SECONDS.toMillis(60));
                }
                long restarting = System.nanoTime();
                server = serve();
                regulator = new Api(server.awaitServing(START_PATIENCE), regulatorToken);
                Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
                Round round = check(number, kill, load, regulator, List.copyOf(acknowledged), List.copyOf(refused),
                        restart);
                progress.accept(round.toString());
                rounds.add(round);
            }
        } finally {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(classArchive);
            Files.deleteIfExists(scratch);
        }
        return new Result(rounds);
    }

    private static void awaitFirst(Queue<?> acknowledged, Queue<?> refused, List<Thread> clients)
            throws InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (acknowledged.isEmpty() && refused.isEmpty() && clients.stream().anyMatch(Thread::isAlive)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private Round check(int number, Kill kill, Duration load, Api regulator, List<Workload.Acknowledged> acknowledged,
                        List<String> refused, Duration restart) throws IOException, InterruptedException {
        List<String> lost = new ArrayList<>();
        for (Workload.Acknowledged a : acknowledged) {
            Api.Answer stored = regulator.get("/api/events/" + a.eventId());
            if (stored.status() == 404) {
                lost.add(a.eventId());
            } else if (stored.status() != 200) {
                throw new IllegalStateException("GET /api/events/" + a.eventId() + " answered " + stored.status()
                        + ": " + stored.body());
            } else {
                JsonNode event = stored.json();
                // stored, but not as it was acknowledged: as good as lost
                if (event.path("sequence").asLong() != a.sequence() || !event.path("hash").asString().equals(a.hash())) {
                    lost.add(a.eventId() + " (stored as sequence " + event.path("sequence").asLong() + ", answered "
                            + a.sequence() + ")");
                }
            }
        }
        Api.Answer verification = regulator.get("/api/ledger/verification");
        if (verification.status() != 200) {
            throw new IllegalStateException("the verification answered " + verification.status() + ": "
                    + verification.body());
        }
        JsonNode report = verification.json();
        boolean clean = report.path("clean").asBoolean(false);
        String verdict = clean ? "clean (" + report.path("events").asLong() + " events)"
                : "NOT clean: " + report.path("firstViolation");
        return new Round(number, kill, load, acknowledged.size(), lost, refused, clean, verdict, restart);
    }

    /**
     * SIGKILL to the postmaster and all its children at once: nothing gets to write what it still held, which is what
     * a commit that was acknowledged before its WAL reached the disk would lose.
     */
    private void killPostgres() throws InterruptedException {
        PostmasterPid postmaster = PostmasterPid.in(settings.dataDir()).orElseThrow(
                () -> new IllegalStateException("no postmaster.pid in " + settings.dataDir()));
        List<ProcessHandle> tree = ProcessHandle.of(postmaster.pid())
                .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") is not running"));
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") outlived SIGKILL");
            }
            Thread.sleep(20);
        }
    }

    private ForkedServer serve() throws IOException {
        return ForkedServer.start(jvmOptions(), List.of("--data-dir", settings.dataDir().toString()), environment());
    }

    /**
     * The regulator's token, issued by {@code reetrace token} in a JVM of its own on the data folder before the first
     * server starts, as an administrator would.
     */
    private String issueRegulatorToken() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(ForkedServer.launcher(System.getProperty("java.class.path")));
        command.addAll(List.of("token", "--name", "chaos regulator", "--role", "REGULATOR",
                "--data-dir", settings.dataDir().toString()));
        Path errors = Files.createTempFile("reetrace-chaos-token-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(environment());
            Process token = builder.start();
            String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!token.waitFor(START_PATIENCE.toSeconds(), TimeUnit.SECONDS) || token.exitValue() != 0) {
                token.destroyForcibly();
                throw new IllegalStateException("reetrace token failed (exit " + token.exitValue() + "): "
                        + Files.readString(errors).strip() + " " + out.strip());
            }
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException("reetrace token printed no token: " + Files.readString(errors).strip());
            }
            return lines.getLast().strip();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /**
     * Options that make a round's restart cheaper on a busy machine, where most of a start is class loading and
     * compiling: the client compiler alone, the serial collector, and the class-data archive (written by the first
     * JVM that exits normally, read by all after it; its warnings are silenced, they would mix with the token).
     */
    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (ForkedServer.launcher(System.getProperty("java.class.path")).contains("-jar")) {
            // the archive holds classes of jars only; run from class folders (tests) there is nothing to gain
            options.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + classArchive,
                    "-Xlog:disable"));
        }
        // the rule engine's protobuf still uses sun.misc.Unsafe; from Java 24 on that warns unless allowed
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /**
     * Durable or not as asked, whatever the configuration on the class path says (the tests' chooses speed); the
     * shipped rule packs in force on a new folder, as in production.
     */
    private Map<String, String> environment() {
        return Map.of("REETRACE_DATABASE_DURABLE", String.valueOf(settings.durable()),
                "REETRACE_RULES_BUNDLEDPACKS", "ENABLED");
    }
}
