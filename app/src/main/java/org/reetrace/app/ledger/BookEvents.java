package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.JsonInput;
import org.reetrace.core.event.LedgerEvent;

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
