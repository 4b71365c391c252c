package org.reetrace.bench.endtoend;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.reetrace.app.chaos.ForkedServer;
import org.reetrace.app.database.PostgresTarget;
import org.reetrace.app.demo.SimulatedChain;
import org.reetrace.app.registry.ChangeRegistry;
import org.reetrace.app.registry.PublicDisclosure;
import org.reetrace.app.registry.ReadRegistry;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.Operator;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.json.JsonDocumentWriter;
import org.reetrace.epcis.profile.ProfileWriter;
import org.reetrace.epcis.profile.RareEarthProfile;
import org.reetrace.sim.ScenarioRegistry;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.scenario.Scenario;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * EPCIS capture over HTTP, the part of {@code reetrace bench} that goes through the REST binding, with events of
 * the rare-earth profile written from a simulated chain (so each is checked against the GS1 schema and the
 * profile, hashed, stored as EPCIS and booked through the ledger writer):
 * <ul>
 * <li>throughput: {@value #CLIENTS} clients POST JSON-LD documents of up to 1,000 events to the benchmark's own
 * application, one after another, each waiting for its document's capture job. Each client sends a simulated
 * year of its own (so that the clients' documents never wait on each other's), cut by operator and sent in an order
 * that books every lot's events in the order they happened ({@link CaptureWorkload});</li>
 * <li>one large document of one mining operator's events, captured by {@code reetrace serve} forked with
 * {@code -Xmx256m -XX:+ExitOnOutOfMemoryError} on a database of its own in the benchmark's PostgreSQL: the time it
 * takes and the heap the fork's GC log shows.</li>
 * </ul>
 * Every document is sent with {@code GS1-Capture-Error-Behaviour: proceed}, so that an event the ledger refuses
 * (some of the clean scenario's exports still fail MY-EXP-01) costs only itself, as in the ingest measure.
 */
public final class CaptureBench {
    private static final int CLIENTS = 4;
    private static final int DOCUMENT_EVENTS = 1_000;
    private static final String HEAP = "256m";
    private static final String BEHAVIOUR = "proceed";
    private static final ZoneOffset MALAYSIA = ZoneOffset.ofHours(8);
    private static final String LARGE_DATABASE = "bench_capture";
    private static final Duration PATIENCE = Duration.ofMinutes(15);
    /** Before the simulator's event and lot ids, which EPCIS wants as URIs (an eventID must be one). */
    private static final String IDS = "urn:reetrace:bench:";

    /**
     * About {@code events} events to capture over HTTP (at least one document), and the size in bytes of the one
     * large document.
     */
    public record Settings(int events, long documentBytes, long seed) {
    }

    private final ApplicationContext context;
    private final Path work;
    private final Consumer<String> progress;

    /** {@code context} must serve HTTP; the large document is written to {@code work} and deleted once sent. */
    public CaptureBench(ApplicationContext context, Path work, Consumer<String> progress) {
        this.context = context;
        this.work = work;
        this.progress = progress;
    }

    public void run(Settings s, BenchReport report) {
        try {
            throughput(s, report);
            largeDocument(s, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void throughput(Settings s, BenchReport report) throws IOException, InterruptedException {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            throw new IllegalStateException("the capture bench needs the application to serve HTTP");
        }
        String base = "http://127.0.0.1:" + web.getWebServer().getPort();
        Scenario year = Scenario.malaysia().clean().withMonths(12);
        long[] perYear = {0};
        Simulation.run(year, s.seed(), e -> perYear[0]++);
        int perClient = Math.max(1, s.events() / CLIENTS);
        year = year.withScale((int) Math.ceil((double) perClient / perYear[0]));
        context.getBean(SimulatedChain.class).register(year);
        ScenarioRegistry chain = new ScenarioRegistry(year);
        ApiTokens apiTokens = context.getBean(ApiTokens.class);
        Map<String, String> tokens = new HashMap<>();
        for (Operator o : chain.operators()) {
            tokens.put(o.id().value(), apiTokens.issue(Caller.operator("bench capture", o.id().value())).token());
        }
        List<List<byte[]>> sends = new ArrayList<>();
        List<List<CaptureWorkload.Document>> plans = new ArrayList<>();
        long bytes = 0;
        for (int c = 0; c < CLIENTS; c++) {
            // one year a client, after the ingest workload's: no stream builds on another's lots, and the mines'
            // annual quotas hold; a prefix of it, so that every event finds what it builds on
            Scenario own = year.withStart(year.start().plusYears(1 + c));
            List<LedgerEvent> stream = new ArrayList<>();
            Simulation.run(own, s.seed(), e -> {
                if (stream.size() < perClient) {
                    stream.add(e);
                }
            }, IDS + "c" + c + "-");
            List<CaptureWorkload.Document> plan = CaptureWorkload.documents(stream,
                    f -> chain.facility(f).orElseThrow().operator().value(), DOCUMENT_EVENTS);
            List<byte[]> bodies = new ArrayList<>();
            for (CaptureWorkload.Document d : plan) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try (ProfileDocument doc = new ProfileDocument(body)) {
                    d.events().forEach(doc::write);
                }
                bytes += body.size();
                bodies.add(body.toByteArray());
            }
            plans.add(plan);
            sends.add(bodies);
        }
        int documents = plans.stream().mapToInt(List::size).sum();
        int events = plans.stream().flatMap(List::stream).mapToInt(d -> d.events().size()).sum();
        progress.accept(String.format(Locale.ROOT, "capture: %d events in %d documents (%.1f MB), %d clients",
                events, documents, bytes / 1e6, CLIENTS));

        Tally tally = new Tally(documents);
        long t0 = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS,
                Thread.ofPlatform().name("bench-capture-client-", 1).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                List<CaptureWorkload.Document> plan = plans.get(c);
                List<byte[]> bodies = sends.get(c);
                running.add(clients.submit(() -> {
                    CaptureClient client = new CaptureClient(base);
                    for (int i = 0; i < plan.size(); i++) {
                        long sent = System.nanoTime();
                        CaptureClient.Outcome o = client.capture(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)),
                                tokens.get(plan.get(i).operator()), BEHAVIOUR, PATIENCE);
                        tally.add(plan.get(i).events().size(), o, (System.nanoTime() - sent) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a capture client failed: " + e.getCause().getMessage(), e.getCause());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = tally.stored() / seconds;
        progress.accept(String.format(Locale.ROOT, "capture: %d stored, %d refused in %.1f s: %.0f events/s",
                tally.stored(), tally.refused(), seconds, rate));
        report.row("EPCIS capture over HTTP, " + CLIENTS + " clients, documents <= 1,000 events",
                String.format(Locale.ROOT, "%d events in %d documents, %.0f events a document%s", events, documents,
                        (double) events / documents, tally.refused() > 0 ? " (" + tally.refused() + " refused)" : ""),
                rate, "events/s", ">= 10,000 events/s", rate >= 10_000);
        report.row("EPCIS capture over HTTP, the second half of those documents alone", "as above, after the"
                + " JIT's warm-up on the capture path", tally.secondHalfRate(), "events/s", "-", null);
        report.latency("Capture of one document, POST to 202", "spooled, checked, job started", tally.sortedCheckMs(),
                "-", -1);
        report.latency("Capture of one document, POST to finished job", "stored and booked", tally.sortedMs(), "-",
                -1);
        report.note(String.format(Locale.ROOT, "EPCIS capture over HTTP: %d clients, each with the first %,d events"
                        + " of a simulated year of its own (the Malaysia scenario without frauds from %s for the first,"
                        + " a year later for each next: no stream builds on another's lots, and each year the mines'"
                        + " quotas hold), scale %d, seed %d, ids prefixed %sc<client>-: %d events written to the"
                        + " rare-earth profile as %d JSON-LD documents (%.1f MB), each of up to %,d events of one"
                        + " operator (an operator captures only at its own facilities, so a client's last document of"
                        + " each operator is shorter). A client (java.net.http,"
                        + " HTTP/1.1, the operator's token) POSTs its documents to /epcis/capture of the benchmark's"
                        + " application one after another, each after those with the earlier events on its lots, with"
                        + " GS1-Capture-Error-Behaviour: proceed, and polls each capture job every %d ms until it has"
                        + " finished. The figure is events stored per second from the first POST to the last finished"
                        + " job; each was checked (GS1 JSON schema, profile, facility), hashed, stored as EPCIS and"
                        + " booked through the ledger writer, so the figure includes the ledger's own cost (see the"
                        + " ingest row).", CLIENTS, perClient, year.start().plusYears(1), year.scale(),
                s.seed(), IDS, events, documents, bytes / 1e6, DOCUMENT_EVENTS, CaptureClient.POLL.toMillis()));
        if (tally.refused() > 0) {
            report.note("Refused in capture: " + tally.refused() + " events (" + tally.rejectedDocuments()
                    + " documents refused whole); first: " + tally.firstProblem() + ".");
        }
    }

    private void largeDocument(Settings s, BenchReport report) throws IOException, InterruptedException {
        Scenario year = Scenario.malaysia().clean().withMonths(12);
        // a mine's operator: its extractions, leaching and shipments build on no other operator's events
        String operator = year.mines().getFirst().operator();
        ScenarioRegistry chain = new ScenarioRegistry(year);
        Set<FacilityId> facilities = chain.facilities().stream()
                .filter(f -> f.operator().value().equals(operator)).map(Facility::id).collect(Collectors.toSet());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        PostgresTarget target = context.getBean(PostgresTarget.class);
        String password = target.password() == null ? "" : target.password();
        String url = target.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + LARGE_DATABASE);
        jdbc.execute("drop database if exists " + LARGE_DATABASE + " with (force)");
        jdbc.execute("create database " + LARGE_DATABASE);
        String token = prepare(url, target.username(), password, year, operator);
        Path gcLog = work.resolve("large-gc.log");
        Path document = work.resolve("large.jsonld");
        Written large;
        CaptureClient.Outcome outcome;
        double seconds;
        boolean survived;
        boolean collected = false;
        String output;
        // started before the document is written, which takes about as long as the server takes to start
        try (ForkedServer server = ForkedServer.start(List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog), List.of("--database-url", url),
                Map.of("REETRACE_DATABASE_USERNAME", target.username(), "REETRACE_DATABASE_PASSWORD", password))) {
            // the mine's share of a year grows less than in proportion to the scale: scale up until the year fills it
            large = writeLarge(year, s.seed(), facilities, s.documentBytes(), 1, document);
            for (int attempt = 0; attempt < 5 && large.bytes() < s.documentBytes(); attempt++) {
                int scale = (int) Math.ceil(large.scale() * 1.2 * s.documentBytes() / large.bytes());
                large = writeLarge(year, s.seed(), facilities, s.documentBytes(), scale, document);
            }
            progress.accept(String.format(Locale.ROOT, "capture: one document of %d events of %s (%.1f MB) for a"
                    + " forked server with -Xmx%s", large.events(), operator, large.bytes() / 1e6, HEAP));
            String base = server.awaitServing(Duration.ofMinutes(3));
            progress.accept("capture: the forked server serves; posting the document");
            long t0 = System.nanoTime();
            try {
                outcome = new CaptureClient(base).capture(HttpRequest.BodyPublishers.ofFile(document), token,
                        BEHAVIOUR, PATIENCE);
            } catch (IOException e) {
                // the server went away mid-capture: the row says so, and its output says why
                outcome = new CaptureClient.Outcome(0, (System.nanoTime() - t0) / 1e9, 0, 0, false, e.toString());
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            survived = server.alive();
            if (survived) {
                collected = collectGarbage(server.pid());
            }
            output = server.output();
        } finally {
            Files.deleteIfExists(document);
            jdbc.execute("drop database if exists " + LARGE_DATABASE + " with (force)");
        }
        int events = large.events();
        long bytes = large.bytes();
        GcLog gc = GcLog.parse(Files.readAllLines(gcLog));
        Files.deleteIfExists(gcLog);
        boolean captured = survived && outcome.accepted() && outcome.storedCount() + refusals(outcome) == events;
        progress.accept(String.format(Locale.ROOT, "capture: %s in %.1f s, heap at most %d MiB after a GC, %d MiB held"
                + " after it", captured ? "captured" : "NOT captured", seconds, gc.peakAfterBytes() >> 20,
                gc.lastFullAfter() >> 20));
        boolean full = bytes >= 100_000_000;
        report.row(String.format(Locale.ROOT, "EPCIS capture of one %.0f MB document", bytes / 1e6),
                String.format(Locale.ROOT, "%d events of %s, forked serve -Xmx%s%s", events, operator, HEAP,
                        full ? "" : "; smaller than the goal's 100 MB"), seconds, "s",
                "a 100 MB document in a 256 MB heap", !captured ? Boolean.FALSE : full ? Boolean.TRUE : null);
        report.row("Heap of that capture, most after a GC pause", gc.pauses() + " pauses (" + gc.collector()
                        + "), at most " + (gc.peakBeforeBytes() >> 20) + " MiB before one",
                gc.peakAfterBytes() / (1024.0 * 1024), "MiB", "< 256 MiB (-Xmx" + HEAP + ")", captured);
        if (collected) {
            report.row("Heap held after that capture", "after a full GC (jcmd GC.run)",
                    gc.lastFullAfter() / (1024.0 * 1024), "MiB", "-", null);
        }
        report.note(String.format(Locale.ROOT, "One large document: %d events of operator %s (a mine: nothing it"
                        + " does builds on another operator's events), the first %.1f MB of a simulated year at scale"
                        + " %d written to the rare-earth profile, POSTed with proceed to reetrace serve forked with"
                        + " -Xmx%s -XX:+ExitOnOutOfMemoryError -Xlog:gc (the benchmark's Java and jar) on a fresh"
                        + " database in the benchmark's PostgreSQL, where the scenario was registered and an operator"
                        + " token issued beforehand. Time: POST to finished job (the 202 came after %.1f s of"
                        + " spooling and checking). Heap: the most in use after any GC pause of the fork's life, from"
                        + " its GC log: an upper bound of what it held, since it counts garbage that young pauses leave"
                        + " in the old generation until a concurrent cycle or full GC; then what it held after the"
                        + " capture, from the full GC that jcmd GC.run asks for (the ledger's books in memory grow"
                        + " with the document; the capture itself holds a chunk of 500 events and the id and hash of"
                        + " each event so far, to tell an eventID sent twice). Running out of heap would have ended"
                        + " the fork.%s", events, operator,
                bytes / 1e6, large.scale(), HEAP, outcome.checkedSeconds(),
                captured ? "" : " The capture failed: " + outcome.status() + " " + outcome.problem()
                        + (survived ? "" : "; the fork ended:\n" + tail(output))));
    }

    /**
     * Has the JVM {@code pid} collect all its garbage ({@code jcmd <pid> GC.run}, a full GC that its GC log shows), so
     * that what it holds can be told from what it has not collected yet; false where the Java has no jcmd (a JRE).
     */
    private static boolean collectGarbage(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** A document written: its events and bytes, and the scale of the simulated year they were taken from. */
    private record Written(int events, long bytes, int scale) {
    }

    /** The events at {@code facilities} of a simulated year at {@code scale}, until the document has {@code limit} bytes. */
    private static Written writeLarge(Scenario year, long seed, Set<FacilityId> facilities, long limit, int scale,
                                      Path document) throws IOException {
        int[] events = {0};
        try (ProfileDocument doc = new ProfileDocument(Files.newOutputStream(document))) {
            Simulation.run(year.withScale(scale), seed, e -> {
                if (facilities.contains(e.facility()) && doc.bytes() < limit) {
                    doc.write(e);
                    events[0]++;
                }
            }, IDS + "d-");
        }
        return new Written(events[0], Files.size(document), scale);
    }

    /** Migrates the fork's database and records what the capture needs; answers the operator's token. */
    private String prepare(String url, String user, String password, Scenario scenario, String operator) {
        Flyway.configure().dataSource(url, user, password)
                .locations(context.getEnvironment().getProperty("spring.flyway.locations", "classpath:db/migration"))
                // the migrations written in Java are beans, as Spring Boot's own Flyway finds them
                .javaMigrations(context.getBeansOfType(JavaMigration.class).values().toArray(JavaMigration[]::new))
                .load().migrate();
        DataSource ds = new DriverManagerDataSource(url, user, password);
        Clock clock = context.getBean(Clock.class);
        // the fork's registry, recorded through the same use cases as the benchmark's own
        StoredRegistry registry = new StoredRegistry(JdbcClient.create(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
        new SimulatedChain(new ReadRegistry(registry, new PublicDisclosure(JdbcClient.create(ds), clock)),
                new ChangeRegistry(registry), null).register(scenario);
        return new ApiTokens(JdbcClient.create(ds), clock).issue(Caller.operator("bench capture", operator)).token();
    }

    private static int refusals(CaptureClient.Outcome o) {
        return o.eventCount() - o.storedCount();
    }

    private static String tail(String output) {
        return output.lines().skip(Math.max(0, output.lines().count() - 20)).collect(Collectors.joining("\n"));
    }

    /** What the clients saw, added up as they go. */
    private static final class Tally {
        private final double[] ms;
        private final double[] checkMs;
        /** When each document's job finished, in the order they did, and how many of its events were stored. */
        private final long[] finishedAt;
        private final int[] storedBy;
        private int documents;
        private int stored;
        private int refused;
        private int rejectedDocuments;
        private String firstProblem;

        Tally(int documents) {
            this.ms = new double[documents];
            this.checkMs = new double[documents];
            this.finishedAt = new long[documents];
            this.storedBy = new int[documents];
        }

        synchronized void add(int events, CaptureClient.Outcome o, double millis) {
            checkMs[documents] = o.checkedSeconds() * 1000;
            finishedAt[documents] = System.nanoTime();
            storedBy[documents] = o.accepted() ? o.storedCount() : 0;
            ms[documents++] = millis;
            if (o.accepted()) {
                stored += o.storedCount();
                refused += refusals(o);
            } else {
                refused += events;
                rejectedDocuments++;
            }
            if (firstProblem == null && o.problem() != null) {
                firstProblem = o.status() + " " + o.problem();
            }
        }

        synchronized int stored() {
            return stored;
        }

        /** Events stored a second by the documents that finished after the first half of them did. */
        synchronized double secondHalfRate() {
            int half = documents / 2;
            long events = 0;
            for (int i = half; i < documents; i++) {
                events += storedBy[i];
            }
            return events / ((finishedAt[documents - 1] - finishedAt[half - 1]) / 1e9);
        }

        synchronized int refused() {
            return refused;
        }

        synchronized int rejectedDocuments() {
            return rejectedDocuments;
        }

        synchronized String firstProblem() {
            return firstProblem;
        }

        synchronized double[] sortedMs() {
            return sorted(ms);
        }

        synchronized double[] sortedCheckMs() {
            return sorted(checkMs);
        }

        private double[] sorted(double[] values) {
            double[] sorted = Arrays.copyOf(values, documents);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** A JSON-LD capture document of ledger events written to the rare-earth profile, counting its bytes. */
    private static final class ProfileDocument implements AutoCloseable {
        private final long[] bytes = {0};
        private final JsonDocumentWriter writer;

        ProfileDocument(OutputStream out) {
            writer = JsonDocumentWriter.open(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    bytes[0] += len;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    bytes[0]++;
                }
            }, EpcisHeader.capture(java.time.Instant.now(), Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE)));
        }

        void write(LedgerEvent e) {
            writer.write(ProfileWriter.write(e, MALAYSIA));
        }

        /** Bytes written so far (the writer's own buffer not yet counted). */
        long bytes() {
            return bytes[0];
        }

        @Override
        public void close() {
            writer.close();
        }
    }
}
