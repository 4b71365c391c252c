package org.reetrace.app.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.profile.ProfileReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Capture jobs: a checked document spooled on disk is captured on a small executor, its state a
 * {@link CaptureJobStore} job, each refused event one of its errors (a tombstone: index, id, why).
 *
 * <p>rollback (the default): the profile events of the whole document go to the ledger as one all-or-nothing
 * submission; only if the ledger accepts them all are the document's EPCIS rows inserted, in one transaction.
 * The ledger events are the one thing held in memory for the whole document (the ledger writer holds their
 * entries until commit anyway), with each new event's hash and ledger event type; the EPCIS rows are built from
 * a second reading of the document, which maps each event only as far as its row needs, and inserted in chunks.
 * proceed: one reading, chunk by chunk, each profile event its own ledger submission; refused ones are listed as
 * errors, everything else is stored.
 */
@Component
class CaptureJobs implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CaptureJobs.class);
    private static final int CHUNK = 500;

    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("epcis-capture-", 1).daemon(true).factory());
    private final Counter succeeded;
    private final Counter failed;
    private volatile boolean running;
    private final CaptureJobStore jobs;
    private final EpcisStore store;
    private final LedgerWriter ledger;
    private final StoredRegistry registry;
    private final Clock clock;
    /** This process as the runner of its jobs, alive for as long as it holds its lock in the store. */
    private final String runner = UUID.randomUUID().toString();

    CaptureJobs(CaptureJobStore jobs, EpcisStore store, LedgerWriter ledger, StoredRegistry registry, Clock clock,
                MeterRegistry meters) {
        this.succeeded = Counter.builder("reetrace.capture.jobs").tag("outcome", "success")
                .description("capture jobs ended").register(meters);
        this.failed = Counter.builder("reetrace.capture.jobs").tag("outcome", "failure")
                .description("capture jobs ended").register(meters);
        Gauge.builder("reetrace.capture.jobs.running", executor, e -> e.getActiveCount() + e.getQueue().size())
                .description("capture jobs running or waiting").register(meters);
        this.jobs = jobs;
        this.store = store;
        this.ledger = ledger;
        this.registry = registry;
        this.clock = clock;
    }

    enum Behaviour { rollback, proceed }

    /** Registers the job and starts it; the spooled document belongs to the job from here and is deleted by it. */
    String start(Path document, Binding binding, Behaviour behaviour, Caller caller, int eventCount) {
        jobs.holdRunnerLock(runner);
        String id = "capture-" + UUID.randomUUID();
        jobs.create(id, clock.instant(), behaviour.name(), caller.name(), caller.operatorId().orElse(null), eventCount,
                runner);
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
            // what the job stored is what its committed transactions stored: nothing for rollback
            jobs.abort(id, CaptureError.ofJob(EpcisProblems.IMPLEMENTATION, "Capture failed",
                    "the capture could not complete; quote errorRef " + ref), clock.instant());
            failed.increment();
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
        List<CaptureError> errors = new ArrayList<>();
        List<LedgerEvent> ledgerEvents = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        Map<String, CapturedEvent.Known> seen = new HashMap<>();
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            List<CapturedEvent> chunk = new ArrayList<>(CHUNK);
            while (events.hasNext()) {
                var next = events.next();
                chunk.add(CapturedEvent.of(next.index(), next.event(), recordTime));
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
            jobs.fail(id, errors, clock.instant());
            failed.increment();
            return;
        }
        ledger.submit(ledgerEvents, outcomes -> {
            List<CaptureError> refused = new ArrayList<>();
            for (Outcome o : outcomes) {
                refusal(o, indexOf.get(o.eventId())).ifPresent(refused::add);
            }
            if (!refused.isEmpty()) {
                jobs.recordErrors(id, refused, 0);
                finish(id, 0, false);
                return;
            }
            // seen says which events are new: store exactly those
            finish(id, storeNew(document, binding, recordTime, id, capturer, seen), true);
        }).join();
    }

    /**
     * Reads the document again and stores the rows of the events in {@code seen}, in chunks; what the first reading
     * learnt of each (its hash, its ledger event) is taken from there, not from the event again.
     */
    private int storeNew(Path document, Binding binding, Instant recordTime, String id, String capturer,
                         Map<String, CapturedEvent.Known> seen) {
        int n = 0;
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            List<CapturedEvent.StoredRow> rows = new ArrayList<>(CHUNK);
            while (events.hasNext()) {
                var next = events.next();
                CapturedEvent.Recorded e = CapturedEvent.recorded(next.event(), recordTime);
                CapturedEvent.Known known = seen.remove(e.key());
                if (known != null) {
                    rows.add(e.row(known, operatorOf(e.facility(), capturer), id));
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
        Map<String, CapturedEvent.Known> seen = new HashMap<>();
        int errorCount = 0;
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            List<CapturedEvent> chunk = new ArrayList<>(CHUNK);
            boolean last = !events.hasNext();
            if (last) {
                finish(id, 0, true);
            }
            while (!last) {
                var next = events.next();
                chunk.add(CapturedEvent.of(next.index(), next.event(), recordTime));
                last = !events.hasNext();
                if (chunk.size() == CHUNK || last) {
                    List<CaptureError> duplicates = new ArrayList<>();
                    List<CapturedEvent> fresh = fresh(chunk, seen, duplicates);
                    List<CapturedEvent> profiled = fresh.stream()
                            .filter(e -> e.reading() instanceof ProfileReading.Profiled).toList();
                    List<LedgerEvent> ledgerEvents = profiled.stream()
                            .map(e -> ((ProfileReading.Profiled) e.reading()).event()).toList();
                    // the rows are built here, so that the ledger's transaction only picks and inserts them
                    List<CapturedEvent.StoredRow> candidates = fresh.stream()
                            .map(e -> e.row(operatorOf(e.facility(), capturer), id)).toList();
                    int errorsBefore = errorCount;
                    boolean finished = last;
                    List<Outcome> outcomes = ledger.submitEach(ledgerEvents, answers -> {
                        List<CaptureError> chunkErrors = new ArrayList<>(duplicates);
                        List<CapturedEvent.StoredRow> rows = rowsOf(fresh, candidates, profiled, answers,
                                chunkErrors);
                        store.insert(rows);
                        jobs.recordErrors(id, chunkErrors, errorsBefore);
                        jobs.addStored(id, rows.size());
                        if (finished) {
                            finish(id, null, errorsBefore + chunkErrors.size() == 0);
                        }
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
                                                        List<CaptureError> errors) {
        Map<CapturedEvent, Outcome> outcomeOf = new IdentityHashMap<>();
        for (int i = 0; i < profiled.size(); i++) {
            outcomeOf.put(profiled.get(i), outcomes.get(i));
        }
        List<CapturedEvent.StoredRow> rows = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Outcome outcome = outcomeOf.get(fresh.get(i));
            Optional<CaptureError> refused = outcome == null ? Optional.empty()
                    : refusal(outcome, fresh.get(i).index());
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
    private List<CapturedEvent> fresh(List<CapturedEvent> chunk, Map<String, CapturedEvent.Known> seen,
                                      List<CaptureError> errors) {
        Map<String, String> stored = store.hashesOf(chunk.stream().map(CapturedEvent::eventId).toList());
        List<CapturedEvent> fresh = new ArrayList<>();
        for (CapturedEvent e : chunk) {
            CapturedEvent.Known earlier = seen.get(e.key());
            String before = stored.getOrDefault(e.key(), earlier == null ? null : earlier.hash());
            if (before == null) {
                seen.put(e.key(), e.known());
                fresh.add(e);
            } else if (!before.equals(e.hash())) {
                errors.add(new CaptureError(EpcisProblems.ALREADY_EXISTS, "Event ID already used",
                        "eventID " + e.eventId() + " names another event (hash " + before + ")", e.index(),
                        e.eventId(), null));
            }
        }
        return fresh;
    }

    /** An event that names no place belongs to the operator that captured it, who alone (and the regulator) sees it. */
    private String operatorOf(Optional<FacilityId> facility, String capturer) {
        return facility.flatMap(registry::facility).map(Facility::operator).map(Object::toString).orElse(capturer);
    }

    private static Optional<CaptureError> refusal(Outcome o, Integer index) {
        return switch (o) {
            case Outcome.Refused r -> Optional.of(new CaptureError(
                    "https://reetrace.org/problems/ledger-" + r.reason().code().replace('.', '-'),
                    "Event refused by the ledger", r.reason().message(), index, r.eventId(), r.reason().field()));
            case Outcome.Conflict c -> Optional.of(new CaptureError(EpcisProblems.ALREADY_EXISTS,
                    "Event ID already used", "event " + c.eventId() + " was booked at sequence " + c.sequence()
                    + " with other content", index, c.eventId(), null));
            default -> Optional.empty();
        };
    }

    /** Ends the job; {@code stored}, when given, is all it stored. */
    private void finish(String id, Integer stored, boolean success) {
        (success ? succeeded : failed).increment();
        jobs.finish(id, stored, success, clock.instant());
    }

    /**
     * Ends the running jobs among {@code ids} whose process is gone (killed or crashed before it could end them): each
     * failed, with an error saying so. What they stored stays: nothing under rollback, the committed chunks under
     * proceed, since each commits with its ledger events.
     */
    void endAbandoned(List<String> ids) {
        int ended = jobs.endAbandoned(ids, runner, CaptureError.ofJob(EpcisProblems.IMPLEMENTATION,
                "Capture interrupted", "the server stopped before the capture finished; what it stored "
                        + "before is kept (nothing, under rollback)"), clock.instant());
        failed.increment(ended);
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
        jobs.releaseRunnerLock();
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
