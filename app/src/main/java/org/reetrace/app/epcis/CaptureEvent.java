package org.reetrace.app.epcis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.profile.ProfileReading;
import org.reetrace.epcis.validation.ValidationProblem;
import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator captures one EPCIS event synchronously ({@code POST /epcis/events}): checked as one event of a
 * document, then booked and stored at once, with the same problems a capture job would list.
 */
@UseCase
class CaptureEvent {
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final DocumentCheck check;
    private final EpcisStore store;
    private final LedgerWriter ledger;
    private final StoredRegistry registry;
    private final Clock clock;

    CaptureEvent(DocumentCheck check, EpcisStore store, LedgerWriter ledger, StoredRegistry registry,
                 Clock clock) {
        this.check = check;
        this.store = store;
        this.ledger = ledger;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The event captured.
     *
     * @param created false when the same event (same eventID, same hash) was stored before: nothing was done again
     */
    record Captured(String eventId, boolean created) {
    }

    /** Captures the event written in {@code json} (JSON-LD, with its own @context). */
    Captured capture(Caller caller, byte[] json) {
        JsonNode node;
        try {
            node = EXACT.readTree(json);
        } catch (JacksonException e) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(0, "", "not JSON: " + e.getOriginalMessage())), false);
        }
        List<ValidationProblem> problems = new ArrayList<>(check.jsonValidator().validateEvent(0, "", node));
        if (node == null || !node.has("@context")) {
            problems.add(new ValidationProblem(0, "/@context", "a single event carries its JSON-LD @context"));
        }
        if (!problems.isEmpty()) {
            throw EpcisProblems.invalid(problems, false);
        }
        EpcisEvent raw;
        try {
            raw = JsonDocumentReader.readEvent(node);
        } catch (MalformedEventException e) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(0, e.location(), e.reason())), false);
        }
        CapturedEvent captured = CapturedEvent.of(0, raw, clock.instant());
        if (captured.reading() instanceof ProfileReading.Invalid invalid) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(0, invalid.field(),
                    "rare-earth profile: " + invalid.message())), false);
        }
        check.authorise(caller, 0, captured.facility()).ifPresent(refused -> {
            throw ProblemException.forbidden(refused.message());
        });
        String stored = store.hashesOf(List.of(captured.eventId())).get(captured.key());
        if (stored != null) {
            if (stored.equals(captured.hash())) {
                return new Captured(captured.eventId(), false);
            }
            throw new ProblemException(HttpStatus.CONFLICT, EpcisProblems.ALREADY_EXISTS, "Event ID already used",
                    "eventID " + captured.eventId() + " names another event", Map.of("eventID", captured.eventId()));
        }
        String operator = captured.facility().flatMap(registry::facility).map(f -> f.operator().value())
                .orElse(caller.operatorId().orElse(null));
        CapturedEvent.StoredRow row = captured.row(operator, null);
        // the EPCIS row commits in the ledger's transaction, and only with a booked event
        List<LedgerEvent> booked = captured.reading() instanceof ProfileReading.Profiled p ? List.of(p.event())
                : List.of();
        List<Outcome> outcomes = ledger.submit(booked, answers -> {
            if (answers.stream().allMatch(a -> a instanceof Outcome.Booked)) {
                store.insert(List.of(row));
            }
        }).join();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Refused r) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "ledger-" + r.reason().code().replace('.', '-'), "Event refused by the ledger",
                        r.reason().message(), Map.of("code", r.reason().code(), "field", r.reason().field(),
                        "eventID", r.eventId(), "figures", r.reason().figures()));
            }
            if (outcome instanceof Outcome.Conflict c) {
                throw new ProblemException(HttpStatus.CONFLICT, EpcisProblems.ALREADY_EXISTS, "Event ID already used",
                        "event " + c.eventId() + " was booked at sequence " + c.sequence() + " with other content",
                        Map.of("eventID", c.eventId()));
            }
        }
        return new Captured(captured.eventId(), true);
    }
}
