package org.reetrace.app.epcis;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.json.JsonDocumentReader;

/**
 * Someone who may read events queries them (the GS1 SimpleEventQuery of the REST binding), or the EPCs and
 * vocabulary values they use. An operator sees the events of its own facilities, the regulator, customs and
 * auditors all ({@link EventQuery#visibility}).
 */
@UseCase
class QueryEvents {
    static final List<String> EVENT_TYPES = List.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    /** Vocabulary resources: path, stored column, the query parameter its sub-resource filters on. */
    static final Map<String, Vocabulary> VOCABULARIES = Map.of(
            "bizSteps", new Vocabulary("biz_step", "EQ_bizStep", Cbv.BIZ_STEP),
            "bizLocations", new Vocabulary("biz_location", "EQ_bizLocation", null),
            "readPoints", new Vocabulary("read_point", "EQ_readPoint", null),
            "dispositions", new Vocabulary("disposition", "EQ_disposition", Cbv.DISPOSITION));

    /** A vocabulary resource: its stored column, its query parameter and its CBV (null for plain URIs). */
    record Vocabulary(String column, String parameter, Cbv cbv) {
    }

    private final EpcisStore store;
    private final EpcisSettings settings;
    private final Clock clock;

    QueryEvents(EpcisStore store, EpcisSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One page of events in capture order or the order the query asks.
     *
     * @param next the token of the next page, empty on the last page
     */
    record Page(List<EpcisEvent> events, Optional<NextPage> next) {
    }

    /** The {@code nextPageToken} of the page that follows, and when it stops being taken. */
    record NextPage(String token, Instant expires) {
    }

    /** The query of these query parameters, as of now (a {@code nextPageToken} expires). */
    EventQuery parse(Map<String, String[]> parameters) {
        return EventQuery.parse(parameters, settings, clock.instant());
    }

    /** The most events an order by an extension field sorts at once (they are read and sorted here). */
    static final int SORT_LIMIT = 10_000;
    /** Rows read at a time when the events themselves must be tested. */
    private static final int CHUNK = 500;

    /**
     * One page of the events the query selects, in capture order or the order asked. The SQL selects and orders
     * by the stored columns; parameters only the stored event answers are tested on each row it gives, reading
     * further rows until the page is full.
     */
    Page events(Caller caller, EventQuery query) {
        EventQuery.Sql sql = query.sql(caller);
        Optional<Predicate<EpcisEvent>> test = query.eventTest();
        QueryOrder order = query.order().orElse(null);
        if (query.firstPage() && query.maxEventCount().isPresent()) {
            int max = query.maxEventCount().getAsInt();
            long found = count(sql, test, max + 1L);
            if (found > max) {
                throw EpcisProblems.queryTooLarge("the query selects more than maxEventCount=" + max + " events", max);
            }
        }
        int want = query.perPage();
        OptionalInt cut = query.eventCountLimit();
        if (cut.isPresent()) {
            want = (int) Math.max(0, Math.min(want, cut.getAsInt() - query.served()));
        }
        if (want == 0) {
            return new Page(List.of(), Optional.empty());
        }
        if (order != null && order.field().isPresent()) {
            return sortedPage(sql, test, order, query, want, cut);
        }
        List<Found> found = new ArrayList<>();
        long afterSeq = query.afterSeq();
        Instant afterKey = query.afterKey();
        boolean more = true;
        // one more than a page, to know whether another page follows
        while (more && found.size() <= want) {
            int limit = test.isEmpty() ? want + 1 - found.size() : Math.max(CHUNK, want + 1);
            List<EpcisStore.Scanned> rows = store.scan(sql, order, afterSeq, afterKey, limit);
            more = rows.size() == limit;
            for (EpcisStore.Scanned row : rows) {
                afterSeq = row.seq();
                afterKey = row.key();
                EpcisEvent event = JsonDocumentReader.readEvent(row.body());
                if (test.isEmpty() || test.get().test(event)) {
                    found.add(new Found(row, event));
                    if (found.size() > want) {
                        break;
                    }
                }
            }
        }
        Optional<NextPage> next = Optional.empty();
        long served = query.served() + Math.min(want, found.size());
        if (found.size() > want && (cut.isEmpty() || served < cut.getAsInt())) {
            EpcisStore.Scanned last = found.get(want - 1).row();
            Instant expires = expires();
            next = Optional.of(new NextPage(order == null ? EventQuery.token(last.seq(), expires)
                    : EventQuery.token(last.seq(), last.key(), served, expires), expires));
        }
        return new Page(found.stream().limit(want).map(Found::event).toList(), next);
    }

    /** An event of a page, with the row it was read from (its position). */
    private record Found(EpcisStore.Scanned row, EpcisEvent event) {
    }

    /** A page of the events in the order of an extension field: all are read and sorted, the page cut out. */
    private Page sortedPage(EventQuery.Sql sql, Optional<Predicate<EpcisEvent>> test, QueryOrder order,
                            EventQuery query, int want, OptionalInt cut) {
        List<EpcisEvent> all = new ArrayList<>();
        scanAll(sql, test, SORT_LIMIT + 1L, all::add);
        if (all.size() > SORT_LIMIT) {
            throw EpcisProblems.queryTooLarge("an order by an extension field sorts at most " + SORT_LIMIT
                    + " events; narrow the query or order by eventTime or recordTime", SORT_LIMIT);
        }
        List<EpcisEvent> sorted = all.stream().sorted(order.byField()).toList();
        int from = (int) Math.min(query.served(), sorted.size());
        int to = Math.min(from + want, sorted.size());
        Optional<NextPage> next = Optional.empty();
        if (to < sorted.size() && (cut.isEmpty() || to < cut.getAsInt())) {
            Instant expires = expires();
            next = Optional.of(new NextPage(EventQuery.token(0, null, to, expires), expires));
        }
        return new Page(sorted.subList(from, to), next);
    }

    /** How many events the query selects, counted up to {@code atMost}. */
    private long count(EventQuery.Sql sql, Optional<Predicate<EpcisEvent>> test, long atMost) {
        if (test.isEmpty()) {
            return store.count(sql, atMost);
        }
        long[] n = {0};
        scanAll(sql, test, atMost, e -> n[0]++);
        return n[0];
    }

    /** Gives the selected events in capture order, up to {@code atMost}. */
    private void scanAll(EventQuery.Sql sql, Optional<Predicate<EpcisEvent>> test, long atMost,
                         Consumer<EpcisEvent> take) {
        long afterSeq = 0;
        long taken = 0;
        boolean more = true;
        while (more && taken < atMost) {
            List<EpcisStore.Scanned> rows = store.scan(sql, null, afterSeq, null, CHUNK);
            more = rows.size() == CHUNK;
            for (EpcisStore.Scanned row : rows) {
                afterSeq = row.seq();
                EpcisEvent event = JsonDocumentReader.readEvent(row.body());
                if (test.isEmpty() || test.get().test(event)) {
                    take.accept(event);
                    if (++taken >= atMost) {
                        break;
                    }
                }
            }
        }
    }

    /** When a token given now stops being taken: whole seconds, as the token and the header say it. */
    private Instant expires() {
        return clock.instant().plus(settings.nextPageTokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The event with {@code eventId} (and its error declaration, if any) that the caller may see. */
    List<EpcisEvent> event(Caller caller, String eventId) {
        List<EpcisEvent> found = events(caller, parse(Map.of()).with("EQ_eventID", eventId))
                .events();
        if (found.isEmpty()) {
            throw EpcisProblems.noSuchResource("no event " + eventId);
        }
        return found;
    }

    /** Checks that {@code eventType} is an EPCIS event type. */
    void requireEventType(String eventType) {
        if (!EVENT_TYPES.contains(eventType)) {
            throw EpcisProblems.noSuchResource("no event type " + eventType);
        }
    }

    /** The EPCs (of events, parents, inputs and outputs) of the events the caller may see. */
    List<String> epcs(Caller caller) {
        return store.epcs(EventQuery.visibility(caller));
    }

    /** The values of a vocabulary the events the caller may see use, CBV values in their bare JSON spelling. */
    List<String> vocabulary(Caller caller, String vocabulary) {
        Vocabulary v = VOCABULARIES.get(vocabulary);
        List<String> values = store.distinct(v.column(), EventQuery.visibility(caller));
        return v.cbv() == null ? values : values.stream().map(v.cbv()::jsonSpelling).toList();
    }
}
