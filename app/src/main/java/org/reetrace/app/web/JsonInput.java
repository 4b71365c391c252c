package org.reetrace.app.web;

import java.util.Map;
import java.util.Optional;

import org.reetrace.core.text.StorableText;
import org.reetrace.epcis.json.JsonInputCheck;
import org.reetrace.epcis.json.JsonInputCheck.Fault;
import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How JSON enters: strictly. A key given twice is an error (not "the last wins"), numbers stay exact, and the
 * whole tree is checked before anything reads it: text (keys and values) holds only characters that may be
 * kept ({@link StorableText}), and a number has at most {@value #MAX_DIGITS} digits before and after the point,
 * so that no exponent such as {@code 1e999999999} reaches arithmetic or storage. What is wrong is answered as
 * a 400 problem naming the place by JSON pointer ({@code pointer}).
 */
public final class JsonInput {

    /** Enough for every quantity the platform keeps (masses to the mg, shares, coordinates) and far from harm. */
    static final int MAX_DIGITS = 30;

    /** Exact and strict: for request bodies a controller parses itself. */
    public static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    /**
     * Parses and checks a request body; throws the 400 problem to answer. An empty body is a missing node,
     * for the caller to refuse in its own words.
     */
    public static JsonNode read(byte[] body) {
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw malformed(e);
        }
        if (node != null) {
            check(node).ifPresent(f -> {
                throw refused(f);
            });
        }
        return node;
    }

    /** The first text or number in the tree that may not be taken, depth first in document order. */
    public static Optional<Fault> check(JsonNode root) {
        return JsonInputCheck.check(root, MAX_DIGITS);
    }

    /** The problem for a fault found in a body. */
    public static ProblemException refused(Fault f) {
        String where = f.pointer().isEmpty() ? "the body" : f.pointer();
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                where + ": " + f.reason(), Map.of("pointer", f.pointer(),
                "errors", java.util.List.of(Map.of("field", f.pointer(), "reason", f.reason()))));
    }

    /** The problem for a body that is not JSON (or names a key twice): Jackson's words and the place. */
    public static ProblemException malformed(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        boolean located = at != null && at.getLineNr() > 0;
        return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request body",
                "Invalid JSON: " + e.getOriginalMessage() + (located ? " (line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + ")" : ""),
                located ? Map.of("line", at.getLineNr(), "column", at.getColumnNr()) : Map.of());
    }

    /** Checks plain text (a CSV file, a rule pack); the fault is placed by line and column. */
    public static void checkText(String text, String field) {
        int i = StorableText.firstRefused(text);
        if (i < 0) {
            return;
        }
        int line = 1;
        int column = 1;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String why = StorableText.refusal(text.substring(i, Math.min(text.length(), i + 2)));
        String reason = "line " + line + ", column " + column + ": text " + why.replaceFirst(" at character \\d+", "");
        throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + reason,
                Map.of("field", field, "line", line, "column", column,
                        "errors", java.util.List.of(Map.of("field", field, "reason", reason))));
    }
}
