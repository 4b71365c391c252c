package org.reetrace.app.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.reetrace.core.registry.Validity;
import org.springframework.http.HttpStatus;

/**
 * Instants and periods as the API takes them: an ISO-8601 instant ({@code 2026-03-01T00:00:00Z}) or a calendar
 * date ({@code 2026-03-01}), which is read at midnight in Malaysia, where licences and gazettes are dated.
 */
public final class Instants {

    /** The zone in which registry dates are read: licences, gazettes and the rules of the Malaysian pack. */
    public static final ZoneId LOCAL = ZoneId.of("Asia/Kuala_Lumpur");

    private Instants() {
    }

    /** {@code null} or blank gives {@code otherwise}. @throws ProblemException 400 naming the field */
    public static Instant parse(String text, String field, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(LOCAL).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + text + "' is neither an ISO-8601 instant such as 2026-03-01T00:00:00Z"
                    + " nor a date such as 2026-03-01");
        }
    }

    /** A validity from two optional bounds (an open start is the start of the records). */
    public static Validity validity(String from, String until, String fromField, String untilField) {
        Instant start = parse(from, fromField, Instant.MIN);
        Instant end = parse(until, untilField, null);
        try {
            return new Validity(start, end);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid(untilField, e.getMessage());
        }
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field + ": " + reason, Map.of("errors", List.of(Map.of("field", field, "reason", reason))));
    }

    /** A domain rule broken by a well-formed request: 422 naming the field. */
    public static ProblemException unprocessable(String field, String reason) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-registry-entry", "Invalid registry entry",
                field + ": " + reason, Map.of("errors", List.of(Map.of("field", field, "reason", reason))));
    }
}
