package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.JsonInput;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.rules.Finding;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

/**
 * Booking events in the ledger, one or a batch, in order and all or nothing. An operator books only for its own
 * facilities; the command line and the demo, which hold the database, book as the system for any facility. Booking
 * an event id again with the same content answers as the first time; with other content it is a conflict.
 */
@UseCase
public class BookEvents {

    /** A booked event: its place in the chain and the lots it left. {@code replay}: it was booked before. */
    public record BookedEvent(String eventId, long sequence, String hash, List<String> lots,
                              @JsonIgnore boolean replay) {

        public BookedEvent {
            lots = List.copyOf(lots);
        }

        static BookedEvent of(Outcome.Booked b) {
            return new BookedEvent(b.eventId(), b.sequence(), b.hash(), b.lots(), b.replay());
        }
    }

    /** The events of a batch, booked in the order given. */
    public record BookedEvents(List<BookedEvent> booked) {

        public BookedEvents {
            booked = List.copyOf(booked);
        }
    }

    private final LedgerWriter writer;
    private final LedgerStore store;
    private final StoredRegistry registry;

    public BookEvents(LedgerWriter writer, LedgerStore store, StoredRegistry registry) {
        this.writer = writer;
        this.store = store;
        this.registry = registry;
    }

    /** Books one event of the native JSON form. */
    public BookedEvent bookOne(Caller caller, byte[] json) {
        LedgerEvent event = decode(parse(json), "");
        authorise(caller, event);
        List<Outcome> outcomes = writer.apply(List.of(event));
        BookingProblems.failIfNotBooked(outcomes, false);
        return BookedEvent.of((Outcome.Booked) outcomes.getFirst());
    }

    /** Books a batch of the native JSON form, {@code {"events": [ ... ]}}. */
    public BookedEvents bookBatch(Caller caller, byte[] json) {
        JsonNode array = parse(json).get("events");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw BookingProblems.invalid("events", "must be a non-empty array of events");
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            LedgerEvent e = decode(array.get(i), "events[" + i + "]");
            authorise(caller, e);
            events.add(e);
        }
        List<Outcome> outcomes = writer.apply(events);
        BookingProblems.failIfNotBooked(outcomes, true);
        return new BookedEvents(outcomes.stream().map(o -> BookedEvent.of((Outcome.Booked) o)).toList());
    }

    /**
     * What became of one event of a file booked event by event: {@code index} is its place in the file. Booked (or
     * booked before, with the same content), with its sequence and lots; or not, with why: the ledger's refusal
     * ({@code code}, an invariant), a BLOCK rule ({@code ruleId}, {@code citation}), an id used for other content, an
     * event that could not be read ({@code field}), or a facility that is not the operator's.
     */
    public record EventOutcome(int index, String eventId, Kind kind, Long sequence, List<String> lots, String code,
                               String field, String ruleId, String citation, String message, String detail) {

        public enum Kind {
            BOOKED, BOOKED_BEFORE, REFUSED, BLOCKED, CONFLICT, INVALID, NOT_ALLOWED;

            public boolean booked() {
                return this == BOOKED || this == BOOKED_BEFORE;
            }
        }

        public EventOutcome {
            lots = lots == null ? List.of() : List.copyOf(lots);
        }

        static EventOutcome notBooked(int index, String eventId, Kind kind, String code, String field,
                                      String message) {
            return new EventOutcome(index, eventId, kind, null, List.of(), code, field, null, null, message, null);
        }
    }

    /** The outcomes of a file's events, in the file's order. */
    public record FileBooking(List<EventOutcome> events) {

        public FileBooking {
            events = List.copyOf(events);
        }

        public long booked() {
            return events.stream().filter(e -> e.kind().booked()).count();
        }
    }

    /**
     * Books a file of the native JSON form (one event, or {@code {"events": [ ... ]}}) event by event, as the pages'
     * upload does: each event is booked or refused on its own, so one refusal takes back nothing else, and the
     * answer says what became of every event. The same gate, checks and rules as {@link #bookBatch}; only the
     * operator itself books for its facilities.
     */
    public FileBooking bookFile(Caller caller, byte[] json) {
        caller.requireRole(Role.OPERATOR);
        JsonNode root = parse(json);
        JsonNode array = root.get("events");
        boolean batch = array != null;
        if (batch && (!array.isArray() || array.isEmpty())) {
            throw BookingProblems.invalid("events", "must be a non-empty array of events");
        }
        int size = batch ? array.size() : 1;
        EventOutcome[] answers = new EventOutcome[size];
        List<LedgerEvent> events = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            JsonNode node = batch ? array.get(i) : root;
            String id = node.path("id").isString() ? node.path("id").asString() : null;
            try {
                LedgerEvent e = decode(node, batch ? "events[" + i + "]" : "");
                authorise(caller, e);
                events.add(e);
                places.add(i);
            } catch (ProblemException problem) {
                boolean invalid = problem.status() == HttpStatus.BAD_REQUEST;
                answers[i] = EventOutcome.notBooked(i, id, invalid ? EventOutcome.Kind.INVALID
                        : EventOutcome.Kind.NOT_ALLOWED, invalid ? "invalid-event" : "forbidden",
                        invalid ? firstField(problem) : "facility", problem.detail());
            }
        }
        List<Outcome> outcomes;
        try {
            outcomes = events.isEmpty() ? List.of() : writer.submitEach(events, LedgerWriter.Companion.NONE).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ProblemException problem ? problem : e;
        }
        for (int k = 0; k < outcomes.size(); k++) {
            int i = places.get(k);
            answers[i] = switch (outcomes.get(k)) {
                case Outcome.Booked b -> new EventOutcome(i, b.eventId(), b.replay() ? EventOutcome.Kind.BOOKED_BEFORE
                        : EventOutcome.Kind.BOOKED, b.sequence(), b.lots(), null, null, null, null, null, null);
                case Outcome.Refused r when r.blockingRule().isPresent() -> {
                    Finding f = r.blockingRule().get();
                    yield new EventOutcome(i, r.eventId(), EventOutcome.Kind.BLOCKED, null, List.of(),
                            r.reason().code(), null, f.ruleId(), f.citation(), f.message(), f.detail());
                }
                case Outcome.Refused r -> EventOutcome.notBooked(i, r.eventId(), EventOutcome.Kind.REFUSED,
                        r.reason().code(), r.reason().field(), r.reason().message());
                case Outcome.Conflict c -> EventOutcome.notBooked(i, c.eventId(), EventOutcome.Kind.CONFLICT,
                        "event-id-conflict", "id", "event " + c.eventId() + " was booked at sequence " + c.sequence()
                                + " with other content");
                case Outcome.Skipped skipped -> throw new IllegalStateException("an event booked on its own was skipped");
            };
        }
        return new FileBooking(List.of(answers));
    }

    private static String firstField(ProblemException problem) {
        if (problem.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.getFirst() instanceof java.util.Map<?, ?> error && error.get("field") instanceof String field) {
            return field;
        }
        return "";
    }

    /** Books events already read, for any facility, as whoever holds the database does (command line, demo). */
    public List<Outcome> bookAsSystem(List<LedgerEvent> events) {
        return writer.apply(events);
    }

    /**
     * Reads one event of the native JSON form; an assay in oxide percent takes its lot's mass from the books.
     *
     * @throws EventFormatException naming the field that is wrong
     */
    public LedgerEvent read(JsonNode event) {
        return EventJson.read(event, store::mass);
    }

    /** Strictly, through the one gate of JSON input: no key twice, no text or number that cannot be kept. */
    private static JsonNode parse(byte[] body) {
        JsonNode node = JsonInput.read(body);
        if (node == null || node.isMissingNode()) {
            throw BookingProblems.invalid("", "the request body is empty");
        }
        if (!node.isObject()) {
            throw BookingProblems.invalid("", "the request body is a JSON object");
        }
        return node;
    }

    private LedgerEvent decode(JsonNode node, String prefix) {
        try {
            return read(node);
        } catch (EventFormatException e) {
            EventFormatException at = prefix.isEmpty() ? e : e.under(prefix);
            throw BookingProblems.invalid(at.field(), at.getMessage());
        }
    }

    /** Only operators write events, each for its own facilities; an unknown facility is the ledger's to refuse. */
    private void authorise(Caller caller, LedgerEvent event) {
        registry.facility(event.facility()).ifPresentOrElse(f -> caller.requireOperator(f.operator().value()),
                () -> caller.requireRole(Role.OPERATOR));
    }
}
