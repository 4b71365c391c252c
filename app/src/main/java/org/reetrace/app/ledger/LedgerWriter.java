package org.reetrace.app.ledger;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.reetrace.app.alerts.RaisedAlert;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.transparency.TransparencyLog;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.History;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.rules.Evaluation;
import org.reetrace.core.rules.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The single writer of the ledger. Submissions queue up; one thread takes as many as are waiting (up to a
 * batch), applies their events in order to the in-memory ledger, writes every accepted entry and the state it
 * produced in one PostgreSQL transaction, and only then answers. Validation needs no locks because nothing else
 * writes; two conflicting submissions are simply applied one after the other.
 *
 * <p>Writing is pipelined: while batches are being committed (on the committer thread, PostgreSQL's work), the
 * writer already applies the next one in memory on top of them and encodes its rows (the writer's work), so the two
 * cores of a small server are both busy. Up to {@link #BATCHES_IN_FLIGHT} batches wait for their commit, so that a
 * batch slow to apply and one slow to store even out. The committer stores them in order, each only on the chain
 * head the one before it left; listeners and answers follow commit, in order, on the writer thread.
 *
 * <p>Before the ledger sees an event, the rule packs in force judge it against the registry as it stood at the
 * event's time ({@link IngestCheck}): a failed BLOCK rule refuses it like a ledger refusal, naming the rule; the
 * alerts of an accepted event are stored in the same transaction as the event, and so are the tiles of the
 * transparency log that the batch's events complete ({@link TransparencyLog}). The ledger itself also sees the
 * registry as of each event's time (it asks {@link StoredRegistry#asOf} for each event).
 *
 * <p>A submission is all or nothing: if one of its events is refused, the ledger is rolled back to before the
 * submission and nothing of it is stored. If a transaction fails, every submission in it fails, and so does every
 * submission of the batches applied on top of it (their transactions find the chain head not where they expect it,
 * and store nothing); the in-memory books are then read again from the store, which holds exactly what was
 * committed.
 */
@Component
public class LedgerWriter implements SmartLifecycle {

    /** How long a client should wait before submitting again when the writer cannot take its submission. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final int MAX_EVENTS_PER_TRANSACTION = 2_000;
    private static final int BATCHES_IN_FLIGHT = 2;
    /** The phase of {@link #getPhase}, for what must stop between the web server and the writer. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final LedgerStore store;
    private final LedgerSettings settings;
    private final StoredRegistry registry;
    private final IngestCheck rules;
    private final List<CommittedEntries> listeners;
    private final TransparencyLog transparencyLog;
    private final Clock clock;
    private static final int QUEUE_CAPACITY = 10_000;
    private final BlockingQueue<Submission> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Timer commits;
    private final Counter booked;
    private final Counter refused;
    private final Counter ruleAlerts;
    private final ExecutorService committer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ledger-committer").daemon(true).factory());
    private Ledger ledger;
    /** The batches handed to the committer and not yet answered, oldest first; only the writer thread touches it. */
    private final Deque<Batch> inFlight = new ArrayDeque<>();
    private volatile Thread thread;
    private volatile boolean running;

    /**
     * What a submission stores beside its ledger rows (an EPCIS capture's events, its job's state): called with the
     * submission's outcomes inside the transaction that stores the batch the submission is in, so that one answer is
     * one transaction. It runs on the committer thread; if it throws, the whole batch fails.
     */
    @FunctionalInterface
    public interface Companion {
        Companion NONE = outcomes -> { };

        void store(List<Outcome> outcomes);
    }

    /** {@code each}: every event is its own all-or-nothing unit, instead of the whole submission. */
    private record Submission(List<LedgerEvent> events, boolean each, Companion companion,
                              CompletableFuture<List<Outcome>> result) {
    }

    /**
     * A batch applied in memory: its submissions and their answers, the entries and alerts to store, the events it
     * booked (for idempotency until they can be found in the store), and its commit.
     */
    private record Batch(List<Submission> submissions, List<List<Outcome>> answers, List<Entry> entries,
                         List<RaisedAlert> alerts, Map<String, StoredEvent> booked,
                         CompletableFuture<Void> commit) {
    }

    public LedgerWriter(LedgerStore store, LedgerSettings settings, StoredRegistry registry, IngestCheck rules,
                        List<CommittedEntries> listeners, TransparencyLog transparencyLog, Clock clock,
                        MeterRegistry meters) {
        this.commits = Timer.builder("reetrace.ledger.commit").description("one batch's PostgreSQL transaction")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.booked = Counter.builder("reetrace.ledger.events").tag("outcome", "booked")
                .description("events booked, answered after commit").register(meters);
        this.refused = Counter.builder("reetrace.ledger.events").tag("outcome", "refused")
                .description("events refused by the ledger or a blocking rule").register(meters);
        this.ruleAlerts = Counter.builder("reetrace.alerts.raised").tag("source", "RULE")
                .description("alerts raised and committed").register(meters);
        Gauge.builder("reetrace.ledger.queue", queue, BlockingQueue::size)
                .description("submissions waiting for the writer").register(meters);
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        this.rules = rules;
        this.listeners = List.copyOf(listeners);
        this.transparencyLog = transparencyLog;
        this.ledger = store.load(registry, settings.tolerance());
    }

    /** Applies events in order, all or nothing; the future completes after commit. */
    public CompletableFuture<List<Outcome>> submit(List<LedgerEvent> events) {
        return submit(events, false, Companion.NONE);
    }

    /** Applies events in order, all or nothing, and stores what {@code companion} stores in the same transaction. */
    public CompletableFuture<List<Outcome>> submit(List<LedgerEvent> events, Companion companion) {
        return submit(events, false, companion);
    }

    /**
     * Applies each event on its own (a refused one takes back nothing else), in order, and stores what
     * {@code companion} stores in the same transaction.
     */
    public CompletableFuture<List<Outcome>> submitEach(List<LedgerEvent> events, Companion companion) {
        return submit(events, true, companion);
    }

    private CompletableFuture<List<Outcome>> submit(List<LedgerEvent> events, boolean each, Companion companion) {
        CompletableFuture<List<Outcome>> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(unavailable("the ledger writer is not running (the server is starting or stopping)"));
            return result;
        }
        try {
            if (!queue.offer(new Submission(List.copyOf(events), each, companion, result), 30, TimeUnit.SECONDS)) {
                result.completeExceptionally(unavailable("the ledger writer is overloaded: its queue stayed full for 30 s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        return result;
    }

    /** A submission the writer cannot take now: a 503 the client may retry, as nothing of it was booked. */
    private static ProblemException unavailable(String why) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "ledger-unavailable", "Ledger unavailable",
                why + "; nothing was booked, try again", Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    /** Submits and waits. */
    public List<Outcome> apply(List<LedgerEvent> events) {
        return submit(events).join();
    }

    private void run() {
        List<Submission> submissions = new ArrayList<>();
        while (running || !queue.isEmpty() || !inFlight.isEmpty()) {
            try {
                if (!inFlight.isEmpty() && queue.isEmpty()) {
                    // nothing to apply meanwhile: answer the oldest batch as soon as it is committed
                    settle();
                    continue;
                }
                Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                submissions.add(first);
                int events = first.events().size();
                while (events < MAX_EVENTS_PER_TRANSACTION && queue.peek() != null) {
                    Submission next = queue.poll();
                    submissions.add(next);
                    events += next.events().size();
                }
                process(submissions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("ledger writer failed a batch of {} submissions", submissions.size(), e);
                submissions.forEach(s -> s.result().completeExceptionally(e));
                // the batch may be half applied: answer the ones in flight, then read the books again (settling
                // reads them itself if one of those failed too)
                boolean committed = true;
                while (committed && !inFlight.isEmpty()) {
                    committed = settle();
                }
                if (committed) {
                    reload();
                }
            } finally {
                submissions = new ArrayList<>();
            }
        }
    }

    /**
     * Applies a batch on top of the ones being committed and hands it over; then answers the oldest until no more
     * than {@link #BATCHES_IN_FLIGHT} wait.
     */
    private void process(List<Submission> submissions) {
        List<Entry> uncommitted = new ArrayList<>();
        Map<String, StoredEvent> known = new HashMap<>(store.find(submissions.stream()
                .flatMap(s -> s.events().stream()).map(e -> e.id().value()).distinct().toList()));
        for (Batch b : inFlight) {
            uncommitted.addAll(b.entries());
            known.putAll(b.booked());
        }
        int fromInFlight = uncommitted.size();
        Batch batch = new Batch(submissions, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>(),
                new CompletableFuture<>());
        List<Runnable> companions = new ArrayList<>();
        for (Submission s : submissions) {
            List<Outcome> answer;
            if (s.each()) {
                answer = new ArrayList<>(s.events().size());
                for (LedgerEvent e : s.events()) {
                    answer.add(applyAll(List.of(e), known, uncommitted, batch).getFirst());
                }
            } else {
                answer = applyAll(s.events(), known, uncommitted, batch);
            }
            batch.answers().add(answer);
            if (s.companion() != Companion.NONE) {
                companions.add(() -> s.companion().store(answer));
            }
        }
        batch.entries().addAll(uncommitted.subList(fromInFlight, uncommitted.size()));
        LedgerStore.Staged staged = batch.entries().isEmpty() ? null
                : store.stage(batch.entries(), batch.alerts(), ledger, clock.instant());
        if (staged != null) {
            companions.add(transparencyLog.stage(batch.entries()));
        }
        inFlight.add(batch);
        committer.execute(() -> {
            try {
                if (staged != null || !companions.isEmpty()) {
                    commits.record(() -> store.write(staged, companions));
                }
                batch.commit().complete(null);
            } catch (RuntimeException e) {
                batch.commit().completeExceptionally(e);
            }
        });
        while (inFlight.size() > BATCHES_IN_FLIGHT || !inFlight.isEmpty() && inFlight.peek().commit().isDone()) {
            if (!settle()) {
                return;
            }
        }
    }

    /**
     * Waits for the oldest batch in flight to commit, then tells the listeners and answers its submissions. If its
     * commit failed, its submissions fail, and so do those of every batch applied on top of it (once their own
     * transactions have refused them), and the books are read again from the store. Answers whether it committed.
     */
    private boolean settle() {
        Batch done = inFlight.poll();
        try {
            done.commit().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            log.error("the ledger transaction of {} entries failed; its {} submissions fail", done.entries().size(),
                    done.submissions().size(), cause);
            done.submissions().forEach(s -> s.result().completeExceptionally(cause));
            for (Batch after = inFlight.poll(); after != null; after = inFlight.poll()) {
                after.commit().exceptionally(failure -> null).join();
                after.submissions().forEach(s -> s.result().completeExceptionally(new IllegalStateException(
                        "the transaction this submission was applied after failed: " + cause.getMessage(), cause)));
            }
            reload();
            return false;
        }
        if (!done.entries().isEmpty()) {
            transparencyLog.committed(done.entries().getLast().sequence());
        }
        // after commit nothing may undo the batch: a listener that fails is logged, never rolled back
        for (CommittedEntries listener : listeners) {
            try {
                listener.committed(done.entries());
            } catch (RuntimeException e) {
                log.error("{} failed on {} committed entries", listener.getClass().getSimpleName(),
                        done.entries().size(), e);
            }
        }
        for (int i = 0; i < done.submissions().size(); i++) {
            List<Outcome> answer = done.answers().get(i);
            for (Outcome o : answer) {
                if (o instanceof Outcome.Booked b && !b.replay()) {
                    booked.increment();
                } else if (o instanceof Outcome.Refused) {
                    refused.increment();
                }
            }
            done.submissions().get(i).result().complete(answer);
        }
        ruleAlerts.increment(done.alerts().size());
        return true;
    }

    /** The in-memory books as the store holds them: what was applied but never stored goes. */
    private void reload() {
        ledger = store.load(registry, settings.tolerance());
        transparencyLog.reload();
    }

    /**
     * Applies one submission, all or nothing. {@code entries} are the entries not yet committed, in order (the batch
     * in flight's, then this batch's so far); the accepted ones are added to it.
     */
    private List<Outcome> applyAll(List<LedgerEvent> events, Map<String, StoredEvent> known, List<Entry> entries,
                                   Batch batch) {
        List<RaisedAlert> alerts = batch.alerts();
        Ledger.Savepoint beforeSubmission = ledger.savepoint();
        int entriesBefore = entries.size();
        int alertsBefore = alerts.size();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, StoredEvent> added = new HashMap<>();
        // a reversal may name an event of this very batch, not yet committed
        History history = store.history(entries);
        boolean failed = false;
        for (LedgerEvent event : events) {
            String id = event.id().value();
            if (failed) {
                outcomes.add(new Outcome.Skipped(id));
                continue;
            }
            StoredEvent before = known.containsKey(id) ? known.get(id) : added.get(id);
            if (before != null) {
                if (before.contentDigest().equals(CanonicalForm.digest(event))) {
                    outcomes.add(new Outcome.Booked(id, before.sequence(), before.hash(), before.lots(), true));
                } else {
                    outcomes.add(new Outcome.Conflict(id, before.sequence()));
                    failed = true;
                }
                continue;
            }
            // the rules see the books as they stand before the event; the ledger's own refusal is the more
            // fundamental one (an unknown facility, a lot not held), so it is reported first
            Evaluation evaluation = rules.evaluate(event, ledger, entries);
            Verdict verdict = ledger.apply(event, history);
            Finding blocking = evaluation.block().orElse(null);
            if (verdict instanceof Verdict.Accepted && blocking != null) {
                // taken back with the rest of the submission below
                outcomes.add(new Outcome.Refused(id, rules.refusal(blocking), blocking));
                failed = true;
                continue;
            }
            switch (verdict) {
                case Verdict.Accepted a -> {
                    Entry entry = a.entry();
                    entries.add(entry);
                    if (!evaluation.alerts().isEmpty()) {
                        Facility f = registry.asOf(event.time()).facility(event.facility()).orElseThrow();
                        evaluation.alerts().forEach(finding -> alerts.add(
                                new RaisedAlert(entry.sequence(), event, f.operator(), finding)));
                    }
                    List<String> lots = entry.lots().stream().map(Lot::id).map(Object::toString).toList();
                    added.put(id, new StoredEvent(id, entry.sequence(), entry.hash(), entry.digest(), lots));
                    outcomes.add(new Outcome.Booked(id, entry.sequence(), entry.hash(), lots, false));
                }
                case Verdict.Rejected r -> {
                    outcomes.add(new Outcome.Refused(id, r));
                    failed = true;
                }
            }
        }
        if (failed) {
            ledger.rollbackTo(beforeSubmission);
            entries.subList(entriesBefore, entries.size()).clear();
            alerts.subList(alertsBefore, alerts.size()).clear();
            // the events that were accepted before the failure are taken back too: say so
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) instanceof Outcome.Booked b && !b.replay()) {
                    outcomes.set(i, new Outcome.Skipped(b.eventId()));
                }
            }
        } else {
            ledger.release(beforeSubmission);
            known.putAll(added);
            batch.booked().putAll(added);
        }
        return outcomes;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("ledger-writer").daemon(false).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server and stops after it has drained: a request in flight at shutdown still gets its
     * answer, and the writer books what is queued before it stops.
     */
    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Whether the writer's thread is alive and taking submissions. */
    public boolean taking() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** Submissions waiting, and how many may wait before a submitter is held back. */
    public int queued() {
        return queue.size();
    }

    public int queueCapacity() {
        return QUEUE_CAPACITY;
    }
}
