package org.reetrace.app.analytics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.ledger.CommittedEntries;
import org.reetrace.app.ledger.LedgerSettings;
import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.event.EventId;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link EnforcementAnalytics} fed with every committed ledger entry, in order, and turns each new
 * finding into an alert of the alert store (source ANALYTICS; a finding already stored is not stored again).
 *
 * <p>It starts lazily, at the first committed batch or the first question: it replays the stored events through a
 * fresh ledger as {@link org.reetrace.app.ledger.LedgerVerification} does (the registry as of each event's time), so
 * after a restart it holds what it held before; entries the writer then hands over whose sequence it has already
 * replayed are skipped. Everything runs under one lock: the writer's thread feeds, request threads read.
 *
 * <p>Findings about a month (material unaccounted for, capacity) are raised only once the month is closed, i.e.
 * once an event of a later month has been booked: an open month's balance is still moving. Residue deadlines run
 * on the books' time (the latest event booked), never on the wall clock, so the alerts do not depend on how the
 * events were batched or when they were sent.
 */
@Component
public class AnalyticsFeed implements CommittedEntries {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsFeed.class);

    private final LedgerStore store;
    private final StoredRegistry registry;
    private final LedgerSettings ledgerSettings;
    private final AnalyticsProperties properties;
    private final AlertStore alerts;

    private EnforcementAnalytics analytics;
    private long lastSequence;
    private Set<String> stored;
    private final Counter raised;

    public AnalyticsFeed(LedgerStore store, StoredRegistry registry, LedgerSettings ledgerSettings,
                         AnalyticsProperties properties, AlertStore alerts, MeterRegistry meters) {
        this.raised = Counter.builder("reetrace.alerts.raised").tag("source", "ANALYTICS")
                .description("alerts raised and committed").register(meters);
        this.store = store;
        this.registry = registry;
        this.ledgerSettings = ledgerSettings;
        this.properties = properties;
        this.alerts = alerts;
    }

    @Override
    public synchronized void committed(List<Entry> entries) {
        if (!properties.enabled()) {
            return;
        }
        boolean started = analytics != null;
        start();
        if (started) {
            for (Entry e : entries) {
                accept(e);
            }
        }
        raiseNewFindings();
    }

    /** Answers a question of the analytics, caught up with the ledger. */
    public synchronized <T> T read(Function<EnforcementAnalytics, T> question) {
        if (!properties.enabled()) {
            throw new IllegalStateException("the enforcement analytics are switched off (reetrace.analytics.enabled=false)");
        }
        start();
        return question.apply(analytics);
    }

    /** Raises the alerts of what mirror trade found (they are not part of the books, so {@link #committed} cannot). */
    public synchronized int raise(List<Alert> found) {
        start();
        return store(found);
    }

    /** How many ledger entries the analytics have seen. */
    public synchronized long sequence() {
        start();
        return lastSequence;
    }

    private void start() {
        if (analytics != null) {
            return;
        }
        long t0 = System.nanoTime();
        analytics = new EnforcementAnalytics(AnalyticsSettingsSource.settings(registry, properties));
        stored = alerts.findingKeys();
        Ledger replay = Ledger.empty(registry, ledgerSettings.tolerance());
        // reversals find their originals among the replayed entries
        MemoryHistory history = new MemoryHistory();
        store.eachEvent((seq, event) -> {
            if (replay.apply(event, history) instanceof Verdict.Accepted(Entry entry)) {
                history.record(entry);
                accept(entry);
            } else {
                log.warn("analytics: stored event {} (seq {}) is refused on replay; run reetrace verify", event.id(), seq);
            }
            lastSequence = Math.max(lastSequence, seq);
        });
        log.info("analytics caught up with {} ledger events in {} ms", lastSequence, (System.nanoTime() - t0) / 1_000_000);
    }

    private void accept(Entry e) {
        if (e.sequence() <= lastSequence) {
            return;
        }
        analytics.accept(e);
        lastSequence = e.sequence();
    }

    private void raiseNewFindings() {
        Instant latest = analytics.booksTime().orElse(Instant.EPOCH);
        YearMonth open = YearMonth.from(latest.atOffset(analytics.settings().offset()));
        store(analytics.alerts(open));
    }

    private int store(List<Alert> found) {
        List<AlertStore.Finding> fresh = new ArrayList<>();
        for (Alert a : found) {
            String key = key(a);
            if (stored.contains(key)) {
                continue;
            }
            fresh.add(finding(key, a));
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            int added = alerts.raise(fresh, properties.jurisdiction());
            fresh.forEach(f -> stored.add(f.key()));
            raised.increment(added);
            return added;
        } catch (RuntimeException e) {
            log.error("analytics: {} findings could not be stored as alerts; they are tried again with the next batch",
                    fresh.size(), e);
            return 0;
        }
    }

    static String key(Alert a) {
        return a.kind() + "|" + a.subject() + "|" + a.period();
    }

    private AlertStore.Finding finding(String key, Alert a) {
        String facility = null;
        String operator = null;
        Long seq = null;
        String eventId = null;
        Instant time = a.period().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        FacilityId about = safeFacility(a.subject());
        Optional<Facility> subject = about == null ? Optional.empty() : registry.facility(about);
        if (!a.events().isEmpty()) {
            EventId first = a.events().getFirst();
            Optional<LedgerStore.EventPlace> place = store.place(first);
            if (place.isPresent()) {
                seq = place.get().sequence();
                eventId = first.value();
                facility = place.get().facility();
                time = place.get().time();
            }
        }
        if (subject.isPresent()) {
            facility = subject.get().id().value();
        }
        if (facility != null) {
            operator = registry.facility(FacilityId.of(facility)).map(f -> f.operator().value()).orElse(null);
        }
        return new AlertStore.Finding(key, a.kind().name(), a.subject(), a.period().toString(), a.message(), a.figures(),
                a.events().stream().map(EventId::value).toList(), facility, operator, seq, eventId, time);
    }

    private static FacilityId safeFacility(String subject) {
        try {
            return FacilityId.of(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
