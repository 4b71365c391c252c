package org.reetrace.bench.endtoend;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.reetrace.app.analytics.AnalyticsFeed;
import org.reetrace.app.certificate.IssueCertificate;
import org.reetrace.app.certificate.ReadIssuer;
import org.reetrace.app.database.Durability;
import org.reetrace.app.demo.SimulatedChain;
import org.reetrace.app.ledger.CopyRows;
import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.lot.SummariseTrace;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.IssueToken;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.SimulationResult;
import org.reetrace.verifier.credential.CredentialVerifier;
import org.reetrace.verifier.credential.IssuerKeys;
import org.reetrace.sim.scenario.Scenario;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end load benchmark behind {@code reetrace bench}: a simulated national year (Malaysia scenario, no
 * frauds, scaled to about the requested number of events) is booked through the real single ledger writer into a
 * fresh PostgreSQL; the same rows are then inserted raw into a scratch table of the same columns (no keys, no checks,
 * JDBC batches of the writer's transaction size), which is the limit the ledger is measured against; then the
 * questions (a lot's pedigree, a magnet lot's full upstream trace, a facility's stock) are asked many times and their
 * latency percentiles taken; last, a whole year of reconciliation (mirror trade and every facility's material balance).
 *
 * <p>Figures are printed and written, never asserted: the goals column says what the issue asked for.
 */
public final class LoadBench {

    /** Events per writer submission: the writer's own transaction size. */
    static final int BATCH = 2_000;

    /**
     * Single-event submissions unanswered at most: four of the writer's transactions, so that one is being committed,
     * one applied and two wait (its queue holds 10,000).
     */
    static final int IN_FLIGHT = 8_000;

    /** What to run: about {@code events} events from {@code seed}; {@code samples} timings per question. */
    public record Settings(int events, long seed, int samples) {
    }

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Consumer<String> progress;

    public LoadBench(ApplicationContext context, Consumer<String> progress) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.progress = progress;
    }

    public BenchReport run(Settings s, String command) {
        BenchReport report = new BenchReport(command, environment());
        Scenario base = Scenario.malaysia().clean().withMonths(12);
        long[] perYear = {0};
        Simulation.run(base, s.seed(), e -> perYear[0]++);
        int scale = (int) Math.max(1, Math.round((double) s.events() / perYear[0]));
        Scenario scenario = base.withScale(scale);
        long[] simulated = {0};
        long t0 = System.nanoTime();
        Simulation.run(scenario, s.seed(), e -> simulated[0]++, "b-");
        double simSeconds = seconds(t0);
        progress.accept(String.format(Locale.ROOT, "simulated %d events (one year, scale %d) in %.1f s",
                simulated[0], scale, simSeconds));
        report.note("Workload: the Malaysia scenario without frauds, " + scenario.start() + " to " + scenario.end()
                + ", scale " + scale + ", seed " + s.seed() + ": " + simulated[0] + " events. The simulator makes them"
                + " in the same process while they are booked, as capture clients would send them; alone it takes "
                + String.format(Locale.ROOT, "%.1f s", simSeconds) + " for the year, which is inside the ingest figure.");

        context.getBean(SimulatedChain.class).register(scenario);
        Booking booking = new Booking(context.getBean(LedgerWriter.class), simulated[0] / 2);
        CpuTimes before = CpuTimes.now();
        t0 = System.nanoTime();
        SimulationResult sim = Simulation.run(scenario, s.seed(), booking::submit, "b-");
        booking.drain();
        double ingestSeconds = seconds(t0);
        report.note("Where the ingest's " + String.format(Locale.ROOT, "%.1f s", ingestSeconds) + " went, in CPU"
                + " seconds on " + Runtime.getRuntime().availableProcessors() + " cores: "
                + CpuTimes.now().since(before) + ".");
        double ledgerRate = booking.booked / ingestSeconds;
        double secondHalf = (booking.booked - booking.bookedHalfway) / ((System.nanoTime() - booking.halfway) / 1e9);
        progress.accept(String.format(Locale.ROOT, "ledger: %d booked, %d refused in %.1f s", booking.booked,
                booking.refused, ingestSeconds));
        report.note("The ingest figure counts the whole run, from a cold JVM whose compiler takes a share of the two"
                + " cores for its first tens of seconds; the second half of the events, timed alone, is nearer what a"
                + " server that has been running books.");
        if (booking.refused > 0) {
            report.note("Refused by the ledger or a BLOCK rule (the simulator's clean scenario still strays at this"
                    + " scale; each refusal costs only its own event): " + booking.reasons + ".");
        }

        RawRates raw = rawInserts(report);
        double limit = Math.max(raw.copy(), raw.inserts());
        Durability durability = Durability.of(context.getBean(DataSource.class));
        report.setting("Durable commits (fsync / synchronous_commit / full_page_writes)", "wal_sync_method "
                        + durability.walSyncMethod(), durability.fsync() + " / " + durability.synchronousCommit() + " / "
                        + durability.fullPageWrites(), "all on", durability.durable());
        report.note("Commits " + (durability.durable() ? "are durable" : "are NOT durable") + " (" + durability
                + "): each of the writer's transactions, up to " + BATCH + " events, waits for one WAL flush, so the"
                + " flush is paid per batch, not per event.");
        report.row("Ingest through the ledger writer", booking.booked + " events" + (booking.refused > 0 ? " ("
                        + booking.refused + " refused)" : "") + (durability.durable() ? ", durable commits"
                        : ", commits NOT durable"), ledgerRate, "events/s",
                ">= 20,000/s", ledgerRate >= 20_000);
        report.row("Ingest, the second half of those events alone", (booking.booked - booking.bookedHalfway)
                + " events booked", secondHalf, "events/s", "-", null);
        report.row("Raw COPY of the same rows (the limit)", booking.booked + " rows", raw.copy(), "rows/s", "-", null);
        report.row("Raw batched inserts of the same rows", booking.booked + " rows", raw.inserts(), "rows/s", "-",
                null);
        report.row("Ledger / raw (the faster of the two)", "", 100 * ledgerRate / limit, "%", ">= 30 %",
                ledgerRate >= 0.3 * limit);

        questions(s, report);

        AnalyticsFeed feed = context.getBean(AnalyticsFeed.class);
        YearMonth from = scenario.start();
        YearMonth to = scenario.end();
        t0 = System.nanoTime();
        int[] lines = {0};
        feed.read(a -> {
            a.mirrorTrade(sim.partnerImports(), from, to);
            for (FacilityId f : a.balances().facilities()) {
                for (MaterialBalance b : a.balances().balances(f, Basis.RARE_EARTHS)) {
                    if (!b.month().isBefore(from) && !b.month().isAfter(to)) {
                        lines[0]++;
                    }
                }
            }
            return null;
        });
        double reconcile = seconds(t0);
        report.row("Reconciliation of the year", sim.partnerImports().size() + " partner rows, " + lines[0]
                + " facility-months", reconcile, "s", "< 10 s", reconcile < 10);
        report.note("Reconciliation reads the analytics the ledger keeps up to date as it commits (mirror trade over"
                + " the year and every facility's monthly balance); the cost of keeping them is inside the ingest figure.");
        return report;
    }

    /**
     * Books events as the capture endpoints do: each event its own submission, many in flight, so that the writer
     * gathers up to its transaction size of them into one commit and a refused event costs only itself (the writer
     * books a submission all or nothing). Counts booked and refused events and tallies refusal reasons.
     */
    private static final class Booking {

        private final LedgerWriter writer;
        private final java.util.ArrayDeque<CompletableFuture<List<Outcome>>> inFlight = new java.util.ArrayDeque<>();
        private final Map<String, Integer> reasons = new TreeMap<>();
        private final long half;
        private long booked;
        private long refused;
        /** When half the events were answered, and how many of them were booked: past the JIT's warm-up. */
        private long halfway;
        private long bookedHalfway;

        Booking(LedgerWriter writer, long half) {
            this.writer = writer;
            this.half = half;
        }

        /** Submits; with {@link #IN_FLIGHT} unanswered, first waits for the oldest, so the writer never runs dry. */
        void submit(LedgerEvent event) {
            while (inFlight.size() >= IN_FLIGHT) {
                tally(inFlight.poll());
            }
            inFlight.add(writer.submit(List.of(event)));
        }

        void drain() {
            while (!inFlight.isEmpty()) {
                tally(inFlight.poll());
            }
        }

        private void tally(CompletableFuture<List<Outcome>> answer) {
            if (halfway == 0 && booked + refused >= half) {
                halfway = System.nanoTime();
                bookedHalfway = booked;
            }
            for (Outcome o : answer.join()) {
                if (o instanceof Outcome.Booked) {
                    booked++;
                } else {
                    refused++;
                    reasons.merge(switch (o) {
                        case Outcome.Refused r -> r.blockingRule().map(b -> b.ruleId()).orElse(r.reason().code());
                        default -> o.getClass().getSimpleName();
                    }, 1, Integer::sum);
                }
            }
        }
    }

    /** Rows a second into a table of ledger_event's columns without keys or checks: by COPY, and by batched inserts. */
    private record RawRates(double copy, double inserts) {
    }

    /**
     * The ledger's own rows read back in slices and written again into tables of the same columns without keys or
     * checks, once by COPY and once by JDBC batched inserts, a slice per transaction; only the writing is timed.
     */
    private RawRates rawInserts(BenchReport report) {
        long last = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger_event", Long.class);
        DataSource ds = context.getBean(DataSource.class);
        long[] nanos = new long[2];
        long rows = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_raw_copy");
                st.execute("drop table if exists bench_raw_insert");
                st.execute("create table bench_raw_copy (like ledger_event)");
                st.execute("create table bench_raw_insert (like ledger_event)");
            }
            c.commit();
            try (PreparedStatement read = c.prepareStatement("select seq, event_id, type, facility_id, event_time,"
                    + " recorded_at, content_digest, payload::text, lots, previous_hash, hash from ledger_event"
                    + " where seq > ? and seq <= ? order by seq");
                 PreparedStatement insert = c.prepareStatement("insert into bench_raw_insert values"
                         + " (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)")) {
                for (long from = 0; from < last; from += BATCH) {
                    List<Object[]> slice = new ArrayList<>(BATCH);
                    read.setLong(1, from);
                    read.setLong(2, from + BATCH);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            Object[] r = new Object[11];
                            for (int i = 0; i < 11; i++) {
                                r[i] = rs.getObject(i + 1);
                            }
                            slice.add(r);
                        }
                    }
                    c.commit();
                    rows += slice.size();
                    // the rows are encoded before the clock starts: only PostgreSQL's intake is the limit
                    CopyRows copy = new CopyRows("bench_raw_copy", "seq", "event_id", "type", "facility_id",
                            "event_time", "recorded_at", "content_digest", "payload", "lots", "previous_hash", "hash");
                    for (Object[] r : slice) {
                        copy.number((Long) r[0]).text((String) r[1]).text((String) r[2]).text((String) r[3])
                                .time(((Timestamp) r[4]).toInstant()).time(((Timestamp) r[5]).toInstant())
                                .text((String) r[6]).json((String) r[7])
                                .textArray(List.of((String[]) ((java.sql.Array) r[8]).getArray()))
                                .text((String) r[9]).text((String) r[10]).endRow();
                    }
                    long t0 = System.nanoTime();
                    LedgerStore.copy(c, copy);
                    c.commit();
                    nanos[0] += System.nanoTime() - t0;
                    for (Object[] r : slice) {
                        for (int k = 0; k < 11; k++) {
                            insert.setObject(k + 1, r[k]);
                        }
                        insert.addBatch();
                    }
                    t0 = System.nanoTime();
                    insert.executeBatch();
                    c.commit();
                    nanos[1] += System.nanoTime() - t0;
                }
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("raw inserts failed: " + e.getMessage(), e);
        }
        RawRates rates = new RawRates(rows / (nanos[0] / 1e9), rows / (nanos[1] / 1e9));
        progress.accept(String.format(Locale.ROOT, "raw: %d rows, %.0f rows/s by COPY, %.0f rows/s by inserts", rows,
                rates.copy(), rates.inserts()));
        report.note("Raw rows: tables `like ledger_event` (columns and not-null only) take the ledger's own rows, read"
                + " back " + BATCH + " at a time and written once by COPY (binary format, as the ledger writes) and once by JDBC batched"
                + " inserts (`reWriteBatchedInserts`), one commit a slice; only the writing is timed. The ledger writes"
                + " its events, undo data and lineage by COPY and its lots by batched upserts.");
        return rates;
    }

    private void questions(Settings s, BenchReport report) {
        LotQueries q = context.getBean(LotQueries.class);
        Random random = new Random(s.seed());
        List<String> lots = jdbc.queryForList("select id from lot order by id", String.class);
        List<String> magnets = jdbc.queryForList("select id from lot where form = 'MAGNET' order by id", String.class);
        List<String> facilities = jdbc.queryForList("select facility_id from facility_stock order by 1", String.class);
        long edges = jdbc.queryForObject("select count(*) from lineage", Long.class);
        int warm = Math.max(20, s.samples() / 10);
        if (!lots.isEmpty()) {
            double[] t = time(warm, s.samples(), () -> q.lot(lots.get(random.nextInt(lots.size()))));
            report.latency("Pedigree of a lot", "random of " + lots.size() + " lots", t, "p99 < 2 ms", 2);
        }
        if (!magnets.isEmpty()) {
            long[] size = {0, 0};
            double[] t = time(warm, s.samples(), () -> {
                size[0] += q.trace(magnets.get(random.nextInt(magnets.size())), true, 1000).lots().size();
                size[1]++;
            });
            report.latency("Full upstream trace of a magnet lot", "random of " + magnets.size() + " magnet lots, "
                    + edges + " lineage rows, ~" + size[0] / size[1] + " lots a trace", t,
                    "p99 < 50 ms", 50);
        }
        if (!magnets.isEmpty()) {
            SummariseTrace summarise = context.getBean(SummariseTrace.class);
            Caller regulator = Caller.localAdministrator();
            long[] size = {0, 0, 0};
            double[] t = time(warm, s.samples(), () -> {
                SummariseTrace.TraceSummary summary = summarise.summary(regulator,
                        magnets.get(random.nextInt(magnets.size())), "upstream");
                size[0] += summary.steps().stream().mapToLong(SummariseTrace.StepSummary::lots).sum();
                size[1] += summary.steps().size();
                size[2]++;
            });
            report.latency("Summarised upstream trace of a magnet lot", "random of " + magnets.size()
                    + " magnet lots, ~" + size[0] / size[2] + " lots in ~" + size[1] / size[2] + " steps a trace", t,
                    "p99 < 50 ms", 50);
            double[] page;
            try {
                page = lotPage(magnets, random, warm, s.samples());
            } catch (IllegalStateException e) {
                report.note("The lot page was not timed: " + e.getMessage());
                page = new double[0];
            }
            if (page.length > 0) {
                report.latency("Lot page of a magnet lot over HTTP", "random of " + magnets.size() + " magnet lots,"
                        + " signed in as the regulator; identity, composition, pedigree, events and the trace"
                        + " summarised both ways", page, "p99 < 200 ms", 200);
            }
        }
        if (!facilities.isEmpty()) {
            double[] t = time(warm, s.samples(), () -> q.stock(facilities.get(random.nextInt(facilities.size()))));
            report.latency("Stock of a facility", "random of " + facilities.size() + " facilities", t, "-", -1);
        }
        certificates(s, report, magnets, random, warm);
    }

    /**
     * Issuing a magnet lot's certificate (trace, pedigree, five rule judgements, the log's inclusion proof, signing,
     * storing) and verifying one offline with the verifier module against the regulator's DID document.
     */
    private void certificates(Settings s, BenchReport report, List<String> magnets, Random random, int warm) {
        List<String> certifiable = jdbc.queryForList("select id from lot where form = 'MAGNET' and status <> 'VOID'"
                + " order by id", String.class);
        if (certifiable.isEmpty()) {
            return;
        }
        if (!context.getEnvironment().getProperty("reetrace.transparency.enabled", Boolean.class, true)) {
            // a certificate carries its lot's proof in the log: without the log there is none to issue
            report.note("Certificates were not issued: the books were kept without the transparency log (--no-log).");
            return;
        }
        IssueCertificate issue = context.getBean(IssueCertificate.class);
        Caller regulator = Caller.localAdministrator();
        List<String> issued = new ArrayList<>();
        double[] t = time(warm, s.samples(), () -> issued.add(issue.issue(regulator,
                certifiable.get(random.nextInt(certifiable.size()))).jws()));
        report.latency("Issue a magnet lot's certificate", "random of " + certifiable.size() + " magnet lots,"
                + " signed, with the log's proof", t, "p99 < 100 ms", 100);
        String did = JsonMapper.builder().build().writeValueAsString(context.getBean(ReadIssuer.class).document());
        CredentialVerifier verifier = new CredentialVerifier();
        CredentialVerifier.Options offline = CredentialVerifier.Options.withoutNetwork()
                .withKeys(IssuerKeys.didDocument(did, "did.json"));
        double[] v = time(warm, s.samples(), () -> {
            if (!verifier.verify(issued.get(random.nextInt(issued.size())), offline).valid()) {
                throw new IllegalStateException("a certificate just issued did not verify");
            }
        });
        report.latency("Verify a certificate offline", "signature, issuer key, validity, inclusion proof ("
                + issued.size() + " certificates)", v, "p99 < 20 ms", 20);
    }

    /**
     * Milliseconds the server takes to answer {@code GET /lots/{id}} for random magnet lots, to a person signed in with
     * a regulator's token (the session and its CSRF token as a browser has them), sorted; none if the application
     * serves no HTTP.
     */
    private double[] lotPage(List<String> magnets, Random random, int warm, int samples) {
        String port = context.getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return new double[0];
        }
        String base = "http://127.0.0.1:" + port;
        String token = context.getBean(IssueToken.class).issue(Caller.localAdministrator(),
                Caller.of("bench regulator", Role.REGULATOR), Optional.empty()).token();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String form = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot sign in for the lot page: " + e.getMessage(), e);
        }
        return time(warm, samples, () -> {
            String id = magnets.get(random.nextInt(magnets.size()));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/lots/" + id)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("the lot page of " + id + " answered " + r.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the lot page of " + id + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** Longest a question is timed: at large scales a trace takes long enough that the samples must stop early. */
    static final long QUESTION_BUDGET_NANOS = 60_000_000_000L;

    /**
     * Milliseconds of up to {@code samples} calls after {@code warm} unmeasured ones, sorted; fewer when the calls
     * exceed {@link #QUESTION_BUDGET_NANOS} (the row then says how many calls were timed).
     */
    static double[] time(int warm, int samples, Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < warm && System.nanoTime() - start < QUESTION_BUDGET_NANOS / 4; i++) {
            call.run();
        }
        start = System.nanoTime();
        double[] ms = new double[samples];
        int n = 0;
        while (n < samples && (n < 10 || System.nanoTime() - start < QUESTION_BUDGET_NANOS)) {
            long t0 = System.nanoTime();
            call.run();
            ms[n++] = (System.nanoTime() - t0) / 1e6;
        }
        double[] taken = Arrays.copyOf(ms, n);
        Arrays.sort(taken);
        return taken;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        env.put("cores", String.valueOf(rt.availableProcessors()));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            env.put("memory", String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        env.put("jvm max heap", String.format(Locale.ROOT, "%d MiB", rt.maxMemory() / (1024 * 1024)));
        env.put("postgresql", jdbc.queryForObject("select version()", String.class));
        jdbc.query("select name, setting, coalesce(unit, '') from pg_settings where name in ('shared_buffers',"
                + " 'work_mem', 'effective_cache_size', 'synchronous_commit', 'fsync', 'full_page_writes', 'wal_level',"
                + " 'max_wal_size', 'checkpoint_timeout', 'max_connections', 'wal_sync_method') order by name", (ResultSet rs) -> {
            env.put("pg " + rs.getString(1), rs.getString(2) + rs.getString(3));
        });
        env.put("ledger transaction", "up to " + BATCH + " events");
        return env;
    }

    /**
     * CPU seconds so far of the threads that do the ingest (the writer applies, the committer stores, main simulates
     * and submits) and of the PostgreSQL processes (read from /proc where there is one).
     */
    private record CpuTimes(Map<String, Long> nanos) {

        static CpuTimes now() {
            Map<String, Long> n = new LinkedHashMap<>();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && List.of("ledger-writer", "ledger-committer", "main").contains(t.getThreadName())) {
                    n.merge(t.getThreadName(), Math.max(0, threads.getThreadCpuTime(t.getThreadId())), Long::sum);
                }
            }
            n.put("PostgreSQL", postgresNanos());
            return new CpuTimes(n);
        }

        private static long postgresNanos() {
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = java.nio.file.Files.readString(p.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }

        String since(CpuTimes before) {
            StringBuilder b = new StringBuilder();
            nanos.forEach((name, n) -> {
                long was = before.nanos().getOrDefault(name, 0L);
                if (n >= 0 && was >= 0) {
                    b.append(b.isEmpty() ? "" : ", ").append(name).append(' ')
                            .append(String.format(Locale.ROOT, "%.1f", (n - was) / 1e9));
                }
            });
            return b.toString();
        }
    }
}
