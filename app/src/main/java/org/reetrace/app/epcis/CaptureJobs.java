package org.reetrace.app.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.Facility;
import org.reetrace.epcis.profile.ProfileReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capture jobs: a checked document spooled on disk is captured on a small executor, its state in
 * {@code capture_job}, each refused event a row in {@code capture_error} (a tombstone: index, id, why).
 *
 * <p>rollback (the default): the profile events of the whole document go to the ledger as one all-or-nothing
 * submission; only if the ledger accepts them all are the document's EPCIS rows inserted, in one transaction.
 * The ledger events are the one thing held in memory for the whole document (the ledger writer holds their
 * entries until commit anyway); the EPCIS rows are re-read from disk and inserted in chunks.
 * proceed: chunk by chunk, each profile event is its own ledger submission; refused ones are listed as errors,
 * everything else is stored.
 */
@Service
class CaptureJobs implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CaptureJobs.class);
    private static final int CHUNK = 500;

    /** The advisory lock space of capture job runners; the second key is the hash of the runner's id. */
    private static final int RUNNER_LOCKS = 0x52454554;

    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("epcis-capture-", 1).daemon(true).factory());
    private final Counter succeeded;
    private final Counter failed;
    private volatile boolean running;
    private final JdbcClient jdbc;
    private final EpcisStore store;
    private final LedgerWriter ledger;
    private final StoredRegistry registry;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DataSource dataSource;
    /** This process as the runner of its jobs, alive for as long as {@link #alive} holds its lock. */
    private final String runner = UUID.randomUUID().toString();
    private Connection alive;

    CaptureJobs(JdbcClient jdbc, EpcisStore store, LedgerWriter ledger, StoredRegistry registry,
                TransactionTemplate transaction, Clock clock, DataSource dataSource, MeterRegistry meters) {
        this.succeeded = Counter.builder("reetrace.capture.jobs").tag("outcome", "success")
                .description("capture jobs ended").register(meters);
        this.failed = Counter.builder("reetrace.capture.jobs").tag("outcome", "failure")
                .description("capture jobs ended").register(meters);
        Gauge.builder("reetrace.capture.jobs.running", executor, e -> e.getActiveCount() + e.getQueue().size())
                .description("capture jobs running or waiting").register(meters);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.store = store;
        this.ledger = ledger;
        this.registry = registry;
        this.transaction = transaction;
        this.clock = clock;
    }

    enum Behaviour { rollback, proceed }

    /** One reason an event (or, with no index, the job) failed. */
    record JobError(Integer eventIndex, String eventId, String type, String title, String detail, String pointer) {
    }

    /** Registers the job and starts it; the spooled document belongs to the job from here and is deleted by it. */
    String start(Path document, Binding binding, Behaviour behaviour, Caller caller, int eventCount) {
        holdRunnerLock();
        String id = "capture-" + UUID.randomUUID();
        jdbc.sql("""
                insert into capture_job (id, created_at, running, success, error_behaviour, created_by, operator_id,
                    event_count, runner) values (?, ?, true, true, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(clock.instant()), behaviour.name(), caller.name(),
                        caller.operatorId().orElse(null), eventCount, runner).update();
        String capturer = caller.operatorId().orElse(null);
        executor.execute(() -> run(id, document, binding, behaviour, capturer));
        return id;
    }

    private void run(String id, Path document, Binding binding, Behaviour behaviour, String capturer) {
        try {
            if (behaviour == Behaviour.rollback) {
                rollback(id, document, binding, capturer);
            } else {
                proceed(id, document, binding, capturer);
            }
        } catch (RuntimeException | IOException e) {
            String ref = UUID.randomUUID().toString();
            log.error("capture job {} failed, errorRef {}", id, ref, e);
            JobError failure = new JobError(null, null, EpcisProblems.IMPLEMENTATION, "Capture failed",
                    "the capture could not complete; quote errorRef " + ref, null);
            // what the job stored is what its committed transactions stored: nothing for rollback
            transaction.executeWithoutResult(status -> {
                recordErrors(id, List.of(failure), errorCount(id));
                finish(id, null, false);
            });
        } finally {
            try {
                Files.deleteIfExists(document);
            } catch (IOException e) {
                log.warn("capture job {} could not delete its spooled document {}", id, document, e);
            }
        }
    }

    /**
     * The whole document or nothing: its profile events go to the ledger as one submission, and its EPCIS rows, its
     * errors and the job's end are stored in the ledger's transaction, so a booked event never lacks its EPCIS record.
     */
    private void rollback(String id, Path document, Binding binding, String capturer) throws IOException {
        Instant recordTime = clock.instant();
        List<JobError> errors = new ArrayList<>();
        List<LedgerEvent> ledgerEvents = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            List<CapturedEvent> chunk = new ArrayList<>(CHUNK);
            while (events.hasNext()) {
                var next = events.next();
                chunk.add(CapturedEvent.of(next.index(), next.event(), recordTime, id));
                if (chunk.size() == CHUNK || !events.hasNext()) {
                    for (CapturedEvent e : fresh(chunk, seen, errors)) {
                        if (e.reading() instanceof ProfileReading.Profiled p) {
                            ledgerEvents.add(p.event());
                            indexOf.put(p.event().id().value(), e.index());
                        }
                    }
                    chunk.clear();
                }
            }
        }
        if (!errors.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                recordErrors(id, errors, 0);
                finish(id, 0, false);
            });
            return;
        }
        ledger.submit(ledgerEvents, outcomes -> {
            List<JobError> refused = new ArrayList<>();
            for (Outcome o : outcomes) {
                refusal(o, indexOf.get(o.eventId())).ifPresent(refused::add);
            }
            if (!refused.isEmpty()) {
                recordErrors(id, refused, 0);
                finish(id, 0, false);
                return;
            }
            // seen says which events are new: store exactly those
            finish(id, storeNew(document, binding, recordTime, id, capturer, seen), true);
        }).join();
    }

    /** Reads the document again and stores the rows of the events in {@code seen}, in chunks. */
    private int storeNew(Path document, Binding binding, Instant recordTime, String id, String capturer,
                         Map<String, String> seen) {
        int n = 0;
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            List<CapturedEvent.StoredRow> rows = new ArrayList<>(CHUNK);
            while (events.hasNext()) {
                var next = events.next();
                CapturedEvent e = CapturedEvent.of(next.index(), next.event(), recordTime, id);
                if (seen.remove(e.key()) != null) {
                    rows.add(row(e, id, capturer));
                }
                if (rows.size() == CHUNK) {
                    store.insert(rows);
                    n += rows.size();
                    rows.clear();
                }
            }
            store.insert(rows);
            return n + rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chunk by chunk, each profile event on its own: a chunk's events go to the ledger as one submission whose
     * refused events take back nothing else, and the chunk's EPCIS rows, its errors and the job's progress (its end,
     * with the last chunk) are stored in the ledger's transaction.
     */
    private void proceed(String id, Path document, Binding binding, String capturer) throws IOException {
        Instant recordTime = clock.instant();
        Map<String, String> seen = new HashMap<>();
        int errorCount = 0;
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            List<CapturedEvent> chunk = new ArrayList<>(CHUNK);
            boolean last = !events.hasNext();
            if (last) {
                transaction.executeWithoutResult(status -> finish(id, 0, true));
            }
            while (!last) {
                var next = events.next();
                chunk.add(CapturedEvent.of(next.index(), next.event(), recordTime, id));
                last = !events.hasNext();
                if (chunk.size() == CHUNK || last) {
                    List<JobError> duplicates = new ArrayList<>();
                    List<CapturedEvent> fresh = fresh(chunk, seen, duplicates);
                    List<CapturedEvent> profiled = fresh.stream()
                            .filter(e -> e.reading() instanceof ProfileReading.Profiled).toList();
                    List<LedgerEvent> ledgerEvents = profiled.stream()
                            .map(e -> ((ProfileReading.Profiled) e.reading()).event()).toList();
                    // the rows are built here, so that the ledger's transaction only picks and inserts them
                    List<CapturedEvent.StoredRow> candidates = fresh.stream().map(e -> row(e, id, capturer)).toList();
                    int errorsBefore = errorCount;
                    boolean finished = last;
                    List<Outcome> outcomes = ledger.submitEach(ledgerEvents, answers -> {
                        List<JobError> chunkErrors = new ArrayList<>(duplicates);
                        List<CapturedEvent.StoredRow> rows = rowsOf(fresh, candidates, profiled, answers,
                                chunkErrors);
                        store.insert(rows);
                        recordErrors(id, chunkErrors, errorsBefore);
                        progress(id, rows.size(), finished ? errorsBefore + chunkErrors.size() == 0 : null);
                    }).join();
                    errorCount += duplicates.size()
                            + (int) outcomes.stream().filter(o -> refusal(o, null).isPresent()).count();
                    chunk.clear();
                }
            }
        }
    }

    /**
     * The rows to store of a chunk's new events ({@code candidates}, one per event of {@code fresh}), given the
     * ledger's answers to its profile events, in order; each refused event goes to {@code errors} instead.
     */
    private static List<CapturedEvent.StoredRow> rowsOf(List<CapturedEvent> fresh,
                                                        List<CapturedEvent.StoredRow> candidates,
                                                        List<CapturedEvent> profiled, List<Outcome> outcomes,
                                                        List<JobError> errors) {
        Map<CapturedEvent, Outcome> outcomeOf = new IdentityHashMap<>();
        for (int i = 0; i < profiled.size(); i++) {
            outcomeOf.put(profiled.get(i), outcomes.get(i));
        }
        List<CapturedEvent.StoredRow> rows = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Outcome outcome = outcomeOf.get(fresh.get(i));
            Optional<JobError> refused = outcome == null ? Optional.empty() : refusal(outcome, fresh.get(i).index());
            if (refused.isPresent()) {
                errors.add(refused.get());
            } else {
                rows.add(candidates.get(i));
            }
        }
        return rows;
    }

    /**
     * The events of a chunk that are new. An eventID stored (or earlier in this document) with the same hash
     * is a replay and skipped; with another hash it is an error: an eventID names one event, for ever.
     */
    private List<CapturedEvent> fresh(List<CapturedEvent> chunk, Map<String, String> seen, List<JobError> errors) {
        Map<String, String> stored = store.hashesOf(chunk.stream().map(CapturedEvent::eventId).toList());
        List<CapturedEvent> fresh = new ArrayList<>();
        for (CapturedEvent e : chunk) {
            String before = stored.getOrDefault(e.key(), seen.get(e.key()));
            if (before == null) {
                seen.put(e.key(), e.hash());
                fresh.add(e);
            } else if (!before.equals(e.hash())) {
                errors.add(new JobError(e.index(), e.eventId(), EpcisProblems.ALREADY_EXISTS, "Event ID already used",
                        "eventID " + e.eventId() + " names another event (hash " + before + ")", null));
            }
        }
        return fresh;
    }

    /** An event that names no place belongs to the operator that captured it, who alone (and the regulator) sees it. */
    private CapturedEvent.StoredRow row(CapturedEvent e, String captureId, String capturer) {
        String operator = e.facility().flatMap(registry::facility).map(Facility::operator).map(Object::toString)
                .orElse(capturer);
        return e.row(operator, captureId);
    }

    private static Optional<JobError> refusal(Outcome o, Integer index) {
        return switch (o) {
            case Outcome.Refused r -> Optional.of(new JobError(index, r.eventId(),
                    "https://reetrace.org/problems/ledger-" + r.reason().code().replace('.', '-'),
                    "Event refused by the ledger", r.reason().message(), r.reason().field()));
            case Outcome.Conflict c -> Optional.of(new JobError(index, c.eventId(), EpcisProblems.ALREADY_EXISTS,
                    "Event ID already used", "event " + c.eventId() + " was booked at sequence " + c.sequence()
                    + " with other content", null));
            default -> Optional.empty();
        };
    }

    private void recordErrors(String id, List<JobError> errors, int from) {
        for (int i = 0; i < errors.size(); i++) {
            JobError e = errors.get(i);
            jdbc.sql("""
                    insert into capture_error (capture_id, position, event_index, event_id, type, title, detail, pointer)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(id, from + i, e.eventIndex(), e.eventId(), e.type(), e.title(), e.detail(), e.pointer())
                    .update();
        }
    }

    private int errorCount(String id) {
        return jdbc.sql("select count(*) from capture_error where capture_id = ?").param(id).query(Integer.class)
                .single();
    }

    /** Adds to what the job stored; with {@code success} given, the job ends. */
    private void progress(String id, int stored, Boolean success) {
        jdbc.sql("update capture_job set stored_count = stored_count + ? where id = ?").params(stored, id).update();
        if (success != null) {
            finish(id, null, success);
        }
    }

    /** Ends the job; {@code stored}, when given, is all it stored. */
    private void finish(String id, Integer stored, boolean success) {
        (success ? succeeded : failed).increment();
        jdbc.sql("""
                update capture_job set running = false, success = ?, finished_at = ?,
                    stored_count = coalesce(?, stored_count) where id = ?""")
                .params(success, Timestamp.from(clock.instant()), stored, id).update();
    }

    /**
     * Ends the running jobs among {@code ids} whose process is gone (killed or crashed before it could end them): each
     * failed, with an error saying so. What they stored stays: nothing under rollback, the committed chunks under
     * proceed, since each commits with its ledger events.
     */
    void endAbandoned(List<String> ids) {
        List<Map.Entry<String, String>> running = jdbc.sql(
                        "select id, coalesce(runner, '') from capture_job where running and id = any(?)")
                .param(ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        for (Map.Entry<String, String> job : running) {
            if (job.getValue().equals(runner)) {
                continue;
            }
            transaction.executeWithoutResult(status -> {
                // the runner's lock is free only when its process is gone; taken here until this transaction ends
                boolean gone = jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(?))")
                        .params(RUNNER_LOCKS, job.getValue()).query(Boolean.class).single();
                boolean stillRunning = jdbc.sql("select running from capture_job where id = ? for update")
                        .param(job.getKey()).query(Boolean.class).single();
                if (gone && stillRunning) {
                    recordErrors(job.getKey(), List.of(new JobError(null, null, EpcisProblems.IMPLEMENTATION,
                            "Capture interrupted", "the server stopped before the capture finished; what it stored "
                            + "before is kept (nothing, under rollback)", null)), errorCount(job.getKey()));
                    finish(job.getKey(), null, false);
                }
            });
        }
    }

    /** Holds this process's runner lock on a connection of its own, for as long as the process lives. */
    private synchronized void holdRunnerLock() {
        try {
            if (alive != null && alive.isValid(2)) {
                return;
            }
            if (alive != null) {
                alive.close();
            }
            alive = dataSource.getConnection();
            alive.setAutoCommit(true);
            try (PreparedStatement ps = alive.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, RUNNER_LOCKS);
                ps.setString(2, runner);
                ps.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the capture runner's lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops after the web server has drained and before the ledger writer, letting the jobs under way end. */
    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("capture jobs still running after {}; they are ended as interrupted when next read", DRAIN);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                if (alive != null) {
                    // the connection goes back to the pool: the lock must not go with it
                    try (Statement st = alive.createStatement()) {
                        st.execute("select pg_advisory_unlock_all()");
                    }
                    alive.close();
                    alive = null;
                }
            } catch (SQLException e) {
                log.warn("could not release the capture runner's lock", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LedgerWriter.PHASE + 1024;
    }
}
