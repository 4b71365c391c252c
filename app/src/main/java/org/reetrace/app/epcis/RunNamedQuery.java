package org.reetrace.app.epcis;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/**
 * The maker of a named query runs it: a page of its events, as {@code GET /epcis/events} would answer the same
 * parameters (the caller sees what it may see there, no more), or a standing run over a WebSocket that sends each
 * new event as it is found (or, on a schedule, the events found since the last run).
 */
@UseCase
class RunNamedQuery {
    /** The query parameters of a standing run over a WebSocket, as the binding names them. */
    static final Set<String> WATCH_PARAMETERS = Set.of("stream", "reportIfEmpty", "initialRecordTime", "second",
            "minute", "hour", "dayOfMonth", "month", "dayOfWeek");

    private final ReadNamedQueries queries;
    private final QueryEvents events;
    private final NamedQueryStore store;
    private final Clock clock;

    RunNamedQuery(ReadNamedQueries queries, QueryEvents events, NamedQueryStore store, Clock clock) {
        this.queries = queries;
        this.events = events;
        this.store = store;
        this.clock = clock;
    }

    /** A page of the query's events; {@code paging} may hold {@code perPage} and {@code nextPageToken}, nothing else. */
    QueryEvents.Page run(Caller caller, String name, Map<String, String[]> paging) {
        NamedQuery q = queries.owned(caller, name);
        Map<String, String[]> parameters = new LinkedHashMap<>(q.parameters());
        for (Map.Entry<String, String[]> p : paging.entrySet()) {
            if (!NamedQuery.PAGING.contains(p.getKey())) {
                throw EpcisProblems.queryParameter(p.getKey(), "a named query is run with perPage and nextPageToken "
                        + "only; its other parameters are those it was named with");
            }
            parameters.put(p.getKey(), p.getValue());
        }
        return events.events(caller, events.parse(parameters));
    }

    /** What a WebSocket on the query watches: the caller, the query, when to send, and the event it starts after. */
    record Watch(Caller caller, NamedQuery query, Optional<Schedule> schedule, boolean reportIfEmpty, long cursor) {
    }

    /**
     * A standing run of the query: {@code stream=true}, or a schedule ({@code second} ... {@code dayOfWeek}), with
     * {@code reportIfEmpty} and {@code initialRecordTime} (the first events sent are those recorded from then;
     * without it, those recorded from now).
     */
    Watch watch(Caller caller, String name, Map<String, String[]> parameters) {
        NamedQuery q = queries.owned(caller, name);
        events.parse(q.parameters());
        Map<String, String> p = new LinkedHashMap<>();
        parameters.forEach((key, values) -> {
            if (!WATCH_PARAMETERS.contains(key)) {
                throw EpcisProblems.subscriptionControls(key + ": not a parameter of a subscription; these are: "
                        + WATCH_PARAMETERS.stream().sorted().toList());
            }
            if (values.length != 1 || values[0].isBlank()) {
                throw EpcisProblems.subscriptionControls(key + ": give it once, with a value");
            }
            p.put(key, values[0]);
        });
        Schedule schedule = List.of("second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek").stream()
                .anyMatch(p::containsKey) ? new Schedule(p.get("second"), p.get("minute"), p.get("hour"),
                p.get("dayOfMonth"), p.get("month"), p.get("dayOfWeek")) : null;
        Boolean stream = p.containsKey("stream") ? bool("stream", p.get("stream")) : null;
        requireStreamOrSchedule(stream, schedule);
        boolean reportIfEmpty = p.containsKey("reportIfEmpty") && bool("reportIfEmpty", p.get("reportIfEmpty"));
        Optional<java.time.Instant> initial = Optional.ofNullable(p.get("initialRecordTime")).map(RunNamedQuery::time);
        if (schedule != null) {
            schedule.next(clock.instant());
        }
        return new Watch(caller, q, Optional.ofNullable(schedule), reportIfEmpty, store.lastSeq(initial));
    }

    /** The binding: either {@code stream} is true or there is a schedule, never both, never neither. */
    static void requireStreamOrSchedule(Boolean stream, Schedule schedule) {
        if (stream != null && !stream) {
            throw EpcisProblems.subscriptionControls("stream: only true; for runs on a schedule give the schedule");
        }
        if ((stream != null) == (schedule != null)) {
            throw EpcisProblems.subscriptionControls(stream == null ? "give stream=true or a schedule"
                    : "stream and a schedule exclude each other");
        }
    }

    static java.time.Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw EpcisProblems.subscriptionControls("initialRecordTime: a date-time with offset such as "
                    + "2026-03-02T08:00:00+08:00, not " + value);
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw EpcisProblems.subscriptionControls(name + ": true or false, not " + value);
        };
    }
}
