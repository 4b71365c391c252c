package org.reetrace.app.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.web.ProblemException;
import org.reetrace.core.rules.Finding;
import org.springframework.http.HttpStatus;

/**
 * The problems of a submission the ledger did not book: what the caller sent could not be read
 * ({@code invalid-event}), the ledger refused an event ({@code ledger-<code>}), a BLOCK rule stopped one
 * ({@code rule-blocked}), or an id was used before for other content ({@code event-id-conflict}). In a batch, fields
 * are named under {@code events[i]} and the refusal carries the event's {@code index}.
 */
final class BookingProblems {

    private BookingProblems() {
    }

    /** Throws the problem of the first event not booked, if any; a skipped event only follows such a one. */
    static void failIfNotBooked(List<Outcome> outcomes, boolean batch) {
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

    /** What was sent is no event: {@code field} names where, empty for the body as a whole. */
    static ProblemException invalid(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event",
                (field.isEmpty() ? "" : field + ": ") + reason,
                Map.of("errors", List.of(Map.of("field", field, "reason", reason))));
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
}
