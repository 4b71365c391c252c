package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.reetrace.app.security.Caller;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Serves the standing queries: webhook subscriptions (stored, with their cursors) and open WebSockets. A poller
 * looks for new events after the ledger committed them (never in the writer's transaction) and for subscriptions
 * that are due; each subscription is served by one task at a time, so its events go out in order.
 *
 * <p>A webhook delivery is a POST of an EPCISQueryDocument with the events after the subscription's cursor; only a
 * 2xx answer moves the cursor (in PostgreSQL), so delivery is at least once and survives a restart. A failed
 * delivery is retried after a wait that doubles, and the subscription shows itself failing until one succeeds.
 *
 * <p>One process delivers webhooks at a time (a lock in PostgreSQL); each serves its own WebSockets.
 *
 * <p>Events are read only up to a horizon below which every seq is settled: a gap in the seqs may be a capture
 * still committing, and the events after it wait until it fills or {@link SubscriptionSettings#gapWait} passes.
 */
@Component
class SubscriptionDelivery implements SmartLifecycle {
    /** The header of a signed delivery: {@code sha256=} and the hex HMAC-SHA256 of the body under the token. */
    static final String SIGNATURE = "GS1-Signature";

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDelivery.class);

    private final NamedQueryStore store;
    private final EpcisStore events;
    private final QueryEvents query;
    private final SubscriptionSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Set<Object> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Watching> sockets = new ConcurrentHashMap<>();
    /** The horizon up to which a stream subscription was last found to have nothing to send. */
    private final Map<UUID, Long> checked = new ConcurrentHashMap<>();

    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private final boolean web;
    private volatile boolean running;
    private long horizon;
    private long gapAt = -1;
    private Instant gapSince;

    SubscriptionDelivery(NamedQueryStore store, EpcisStore events, QueryEvents query, SubscriptionSettings settings,
                         Clock clock, ApplicationContext context) {
        this.web = context instanceof WebApplicationContext;
        this.store = store;
        this.events = events;
        this.query = query;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized void start() {
        // what is stored now has committed (or never will): only what comes later can arrive out of order
        horizon = store.lastSeq(java.util.Optional.empty());
        gapAt = -1;
        senders = Executors.newVirtualThreadPerTaskExecutor();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "subscription-delivery");
            t.setDaemon(true);
            return t;
        });
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops looking and lets the deliveries under way end; the cursors keep where each subscription is. */
    @Override
    public synchronized void stop() {
        running = false;
        poller.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        busy.clear();
        checked.clear();
        store.releaseDeliveryLock();
    }

    /** Only a web server delivers: a command run on the same database leaves that to it. */
    @Override
    public boolean isAutoStartup() {
        return web;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        try {
            Instant now = clock.instant();
            long safe = advanceHorizon(now);
            List<NamedQueryStore.Due> due = store.holdDeliveryLock() ? store.due(now) : List.of();
            for (NamedQueryStore.Due d : due) {
                UUID id = d.subscription().id();
                if (d.subscription().stream() && checked.getOrDefault(id, -1L) >= safe) {
                    continue; // nothing new since the last look
                }
                if (running && busy.add(id)) {
                    senders.execute(() -> {
                        try {
                            deliver(d, safe);
                        } catch (RuntimeException e) {
                            log.warn("delivery of subscription {} failed", id, e);
                        } finally {
                            busy.remove(id);
                        }
                    });
                }
            }
            for (Watching w : sockets.values()) {
                if (running && busy.add(w.session.getId())) {
                    senders.execute(() -> {
                        try {
                            send(w, safe, now);
                        } catch (RuntimeException e) {
                            log.warn("sending to a WebSocket on {} failed", w.watch.query().name(), e);
                        } finally {
                            busy.remove(w.session.getId());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            // the next poll tries again: a database that is away for a moment must not end delivery
            log.warn("looking for subscriptions to serve failed", e);
        }
    }

    /** Moves the horizon over the seqs that follow it without a gap, and over a gap older than the wait. */
    private synchronized long advanceHorizon(Instant now) {
        for (long seq : store.seqsAfter(horizon, 10_000)) {
            if (seq != horizon + 1) {
                if (gapAt != horizon + 1) {
                    gapAt = horizon + 1;
                    gapSince = now;
                }
                if (Duration.between(gapSince, now).compareTo(settings.gapWait()) < 0) {
                    break;
                }
            }
            horizon = seq;
        }
        return horizon;
    }

    private void deliver(NamedQueryStore.Due due, long safe) {
        // read again now that this task alone serves it: the list of those due may predate the last delivery
        Subscription s = store.subscription(due.query().name(), due.subscription().id()).orElse(null);
        if (s == null || s.nextAttemptAt().isAfter(clock.instant())) {
            if (s == null) {
                checked.remove(due.subscription().id());
            }
            return;
        }
        NamedQuery q = due.query();
        EventQuery eventQuery;
        try {
            eventQuery = query.parse(q.parameters());
        } catch (RuntimeException e) {
            store.failed(s.id(), "the query no longer runs: " + e.getMessage(), retryAt(s.failures() + 1));
            return;
        }
        long cursor = s.cursor();
        Batch batch;
        boolean first = true;
        do {
            Instant now = clock.instant();
            batch = batch(q.owner(), eventQuery, cursor, safe);
            Instant next = s.schedule().map(schedule -> schedule.next(now)).orElse(now);
            // a scheduled run reports, if asked, that it found nothing; not that the last of several batches was full
            if (batch.events().isEmpty() && !(first && s.schedule().isPresent() && s.reportIfEmpty())) {
                // rows the query's event tests turned down are passed for good
                cursor = batch.last(cursor);
                store.delivered(s.id(), cursor, null, next);
                if (s.schedule().isEmpty() && !batch.full()) {
                    checked.put(s.id(), safe);
                }
                if (!batch.full()) {
                    return;
                }
                first = false;
                continue;
            }
            byte[] body = QueryAnswers.json(batch.events(), now, q.name(), s.id().toString());
            String error = post(s, body);
            if (error != null) {
                store.failed(s.id(), error, retryAt(s.failures() + 1));
                return;
            }
            cursor = batch.last(cursor);
            store.delivered(s.id(), cursor, clock.instant(), next);
            s = new Subscription(s.id(), s.queryName(), s.dest(), s.signatureToken(), s.schedule(),
                    s.reportIfEmpty(), s.initialRecordTime(), s.createdAt(), cursor, now, 0, null, next);
            first = false;
        } while (batch.full() && running);
    }

    private Instant retryAt(int failures) {
        return clock.instant().plus(Subscription.backOff(failures, settings.firstRetry(), settings.longestRetry()));
    }

    /** Posts a delivery; null if the destination took it, else what went wrong. */
    private String post(Subscription s, byte[] body) {
        // checked again at each delivery: what a name resolves to may have changed since the subscription was made
        java.util.Optional<String> refused = Destinations.refusal(s.dest(), settings);
        if (refused.isPresent()) {
            return "the destination is refused: " + refused.get();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(s.dest()).timeout(settings.timeout())
                .header("Content-Type", "application/ld+json")
                .header("GS1-EPCIS-Version", EpcisWeb.EPCIS_VERSION)
                .header("GS1-CBV-Version", EpcisWeb.CBV_VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (s.signatureToken() != null && !s.signatureToken().isEmpty()) {
            request.header(SIGNATURE, signature(s.signatureToken(), body));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null
                    : "the destination answered HTTP " + response.statusCode();
        } catch (IOException e) {
            return "the destination could not be reached: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "delivery interrupted";
        }
    }

    /** {@code sha256=} and the HMAC-SHA256 of {@code body} under {@code token}, in lower-case hex. */
    static String signature(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * A batch of the rows after a cursor: the query's events among them (those its event tests take, in order, with
     * their sequence numbers), the last row read, and whether the batch was full (more may follow).
     */
    private record Batch(List<EpcisEvent> events, List<Long> seqs, long lastRead, boolean full) {

        long last(long cursor) {
            return lastRead < 0 ? cursor : lastRead;
        }
    }

    /**
     * The events of the query after {@code cursor} and up to the horizon that {@code owner} may see, in order: the SQL
     * narrows the rows, and the query's tests of the stored event (those parameters only the event answers) decide.
     */
    private Batch batch(Caller owner, EventQuery eventQuery, long cursor, long safe) {
        EventQuery.Sql sql = eventQuery.sql(owner);
        Map<String, Object> params = new HashMap<>(sql.params());
        params.put("horizon", safe);
        List<EpcisStore.Row> rows = events.query(new EventQuery.Sql(sql.where() + " and seq <= :horizon", params),
                cursor, settings.batch());
        Optional<Predicate<EpcisEvent>> test = eventQuery.eventTest();
        List<EpcisEvent> found = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (EpcisStore.Row row : rows) {
            EpcisEvent event = JsonDocumentReader.readEvent(row.body());
            if (test.map(t -> t.test(event)).orElse(true)) {
                found.add(event);
                seqs.add(row.seq());
            }
        }
        return new Batch(found, seqs, rows.isEmpty() ? -1 : rows.getLast().seq(), rows.size() == settings.batch());
    }

    // --- WebSockets ---

    /** An open WebSocket and where it is: the last event sent, and (on a schedule) when it next runs. */
    private static final class Watching {
        final Session session;
        final RunNamedQuery.Watch watch;
        final EventQuery eventQuery;
        volatile long cursor;
        /** The horizon up to which it was last found to have nothing more to send. */
        volatile long checked = -1;
        volatile Instant next;

        Watching(Session session, RunNamedQuery.Watch watch, EventQuery eventQuery, Instant now) {
            this.session = session;
            this.watch = watch;
            this.eventQuery = eventQuery;
            this.cursor = watch.cursor();
            this.next = watch.schedule().map(s -> s.next(now)).orElse(now);
        }
    }

    void watch(Session session, RunNamedQuery.Watch watch) {
        sockets.put(session.getId(), new Watching(session, watch, query.parse(watch.query().parameters()),
                clock.instant()));
    }

    void unwatch(Session session) {
        sockets.remove(session.getId());
    }

    /** Ends the WebSockets on a query that was deleted. */
    void closeSockets(String queryName) {
        for (Watching w : List.copyOf(sockets.values())) {
            if (w.watch.query().name().equals(queryName)) {
                sockets.remove(w.session.getId());
                try {
                    w.session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the query was deleted"));
                } catch (IOException e) {
                    log.debug("closing a WebSocket failed", e);
                }
            }
        }
    }

    /** A stream sends each event in a document of its own; a schedule, when due, the events found since. */
    private void send(Watching w, long safe, Instant now) {
        if (!w.session.isOpen()) {
            sockets.remove(w.session.getId());
            return;
        }
        boolean scheduled = w.watch.schedule().isPresent();
        if (scheduled ? now.isBefore(w.next) : w.checked >= safe) {
            return;
        }
        Batch batch = batch(w.watch.caller(), w.eventQuery, w.cursor, safe);
        if (!batch.full()) {
            w.checked = safe;
        }
        try {
            if (scheduled) {
                w.next = w.watch.schedule().get().next(now);
                if (!batch.events().isEmpty() || w.watch.reportIfEmpty()) {
                    w.session.getBasicRemote().sendText(new String(QueryAnswers.json(batch.events(), now,
                            w.watch.query().name(), null), StandardCharsets.UTF_8));
                }
            } else {
                for (int i = 0; i < batch.events().size(); i++) {
                    w.session.getBasicRemote().sendText(new String(QueryAnswers.json(List.of(batch.events().get(i)),
                            now, w.watch.query().name(), null), StandardCharsets.UTF_8));
                    w.cursor = batch.seqs().get(i);
                }
            }
            w.cursor = batch.last(w.cursor);
        } catch (IOException | IllegalStateException e) {
            log.debug("a WebSocket on {} went away", w.watch.query().name(), e);
            sockets.remove(w.session.getId());
        }
    }
}
