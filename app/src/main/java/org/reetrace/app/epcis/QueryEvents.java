package org.reetrace.app.epcis;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * One page of events in capture order.
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

    Page events(Caller caller, EventQuery query) {
        // one more row than a page, to know whether another page follows
        List<EpcisStore.Row> rows = store.query(query.sql(caller), query.afterSeq(), query.perPage() + 1);
        Optional<NextPage> next = Optional.empty();
        if (rows.size() > query.perPage()) {
            rows = rows.subList(0, query.perPage());
            // whole seconds, as the token and the header say it
            Instant expires = clock.instant().plus(settings.nextPageTokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
            next = Optional.of(new NextPage(EventQuery.token(rows.getLast().seq(), expires), expires));
        }
        return new Page(rows.stream().map(r -> JsonDocumentReader.readEvent(r.body())).toList(), next);
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
