package org.reetrace.app.ledger;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.JsonInput;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.rules.Finding;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Submitting events in the native JSON form, one or a batch. An operator submits only for its own facilities.
 * A batch is all or nothing, in order. Submitting an event id again with the same content answers as the first
 * time; with other content it is a conflict.
 */
@RestController
@RequestMapping("/api/events")
public class EventController {

    private final LedgerWriter writer;
    private final StoredRegistry registry;
    private final LotQueries lots;

    public EventController(LedgerWriter writer, StoredRegistry registry, LotQueries lots) {
        this.writer = writer;
        this.registry = registry;
        this.lots = lots;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> submit(Caller caller, @RequestBody byte[] body) {
        LedgerEvent event = decode(parse(body), "");
        authorise(caller, event);
        Outcome outcome = writer.apply(List.of(event)).getFirst();
        failIfNotBooked(List.of(outcome), false);
        Outcome.Booked booked = (Outcome.Booked) outcome;
        ResponseEntity.BodyBuilder response = booked.replay() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/events/" + booked.eventId()));
        return response.body(view(booked));
    }

    /** Body: {"events": [ ... ]}. */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> submitBatch(Caller caller, @RequestBody byte[] body) {
        JsonNode root = parse(body);
        JsonNode array = root.get("events");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw invalid("events", "must be a non-empty array of events");
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            LedgerEvent e = decode(array.get(i), "events[" + i + "]");
            authorise(caller, e);
            events.add(e);
        }
        List<Outcome> outcomes = writer.apply(events);
        failIfNotBooked(outcomes, true);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("booked", outcomes.stream().map(o -> view((Outcome.Booked) o)).toList());
        return result;
    }

    @GetMapping("/{id}")
    public JsonNode event(Caller caller, @PathVariable String id) {
        LotQueries.EventRecord record = lots.event(id).orElseThrow(() -> ProblemException.notFound("event", id));
        Facility facility = registry.facility(FacilityId.of(record.facility()))
                .orElseThrow(() -> ProblemException.notFound("event", id));
        caller.requireReader(facility.operator().value());
        return record.json();
    }

    /** Strictly, through the one gate of JSON input: no key twice, no text or number that cannot be kept. */
    private static JsonNode parse(byte[] body) {
        JsonNode node = JsonInput.read(body);
        if (node == null || node.isMissingNode()) {
            throw invalid("", "the request body is empty");
        }
        if (!node.isObject()) {
            throw invalid("", "the request body is a JSON object");
        }
        return node;
    }

    private LedgerEvent decode(JsonNode node, String prefix) {
        try {
            return EventJson.read(node, lots::mass);
        } catch (EventFormatException e) {
            EventFormatException at = prefix.isEmpty() ? e : e.under(prefix);
            throw invalid(at.field(), at.getMessage());
        }
    }

    /** Only operators write events, each for its own facilities; an unknown facility is the ledger's to refuse. */
    private void authorise(Caller caller, LedgerEvent event) {
        registry.facility(event.facility()).ifPresentOrElse(f -> caller.requireOperator(f.operator().value()),
                () -> caller.requireRole(Role.OPERATOR));
    }

    private static void failIfNotBooked(List<Outcome> outcomes, boolean batch) {
        for (int i = 0; i < outcomes.size(); i++) {
            String prefix = batch ? "events[" + i + "]." : "";
            switch (outcomes.get(i)) {
                case Outcome.Refused r when r.blockingRule().isPresent() -> throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "rule-blocked", "Event blocked by a rule",
                        r.reason().message(), blocked(r, prefix, batch ? i : -1));
                case Outcome.Refused r -> throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "ledger-" + r.reason().code().replace('.', '-'), "Event refused by the ledger",
                        r.reason().message(), refusal(r, prefix, batch ? i : -1));
                case Outcome.Conflict c -> throw new ProblemException(HttpStatus.CONFLICT, "event-id-conflict",
                        "Event id already used", "event " + c.eventId() + " was booked at sequence " + c.sequence()
                        + " with other content", Map.of("eventId", c.eventId(), "field", prefix + "id"));
                default -> {
                }
            }
        }
    }

    private static Map<String, Object> refusal(Outcome.Refused r, String prefix, int index) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", r.reason().code());
        p.put("field", prefix + r.reason().field());
        p.put("eventId", r.eventId());
        if (index >= 0) {
            p.put("index", index);
        }
        if (!r.reason().figures().isEmpty()) {
            p.put("figures", r.reason().figures());
        }
        p.put("errors", List.of(Map.of("field", prefix + r.reason().field(), "reason", r.reason().message())));
        return p;
    }

    /** A BLOCK rule's refusal: the rule, the law it states, the pack and version that decided, and the numbers. */
    private static Map<String, Object> blocked(Outcome.Refused r, String prefix, int index) {
        Finding f = r.blockingRule().orElseThrow();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", r.reason().code());
        p.put("eventId", r.eventId());
        if (index >= 0) {
            p.put("index", index);
        }
        p.put("ruleId", f.ruleId());
        p.put("citation", f.citation());
        p.put("jurisdiction", String.valueOf(f.jurisdiction()));
        p.put("pack", f.pack());
        p.put("packVersion", f.packVersion());
        p.put("explanation", f.detail());
        String field = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        p.put("field", field);
        p.put("errors", List.of(Map.of("field", field, "reason", f.ruleId() + ": " + f.message())));
        return p;
    }

    private static ProblemException invalid(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event",
                (field.isEmpty() ? "" : field + ": ") + reason,
                Map.of("errors", List.of(Map.of("field", field, "reason", reason))));
    }

    private static Map<String, Object> view(Outcome.Booked b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", b.eventId());
        m.put("sequence", b.sequence());
        m.put("hash", b.hash());
        m.put("lots", b.lots());
        return m;
    }
}
