package org.reetrace.app.web;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.text.StorableText;
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

    /** A fault in a JSON tree: where (a JSON pointer) and what. */
    public record Fault(String pointer, String reason) {
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
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {"", root});
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            String at = (String) next[0];
            JsonNode node = (JsonNode) next[1];
            if (node.isString()) {
                String why = StorableText.refusal(node.stringValue());
                if (why != null) {
                    return Optional.of(new Fault(at, "text " + why));
                }
            } else if (node.isNumber()) {
                String why = numberRefusal(node);
                if (why != null) {
                    return Optional.of(new Fault(at, why));
                }
            } else if (node.isObject()) {
                // pushed in reverse so that the first fault in document order is found first
                Deque<Object[]> children = new ArrayDeque<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String child = at + "/" + escape(e.getKey());
                    String why = StorableText.refusal(e.getKey());
                    if (why != null) {
                        return Optional.of(new Fault(child, "the key " + why));
                    }
                    children.push(new Object[] {child, e.getValue()});
                }
                children.forEach(todo::push);
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    todo.push(new Object[] {at + "/" + i, node.get(i)});
                }
            }
        }
        return Optional.empty();
    }

    private static String numberRefusal(JsonNode node) {
        if (node.isFloat() || node.isDouble()) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? null : "a number out of range";
        }
        if (!node.isBigDecimal() && !node.isBigInteger()) {
            return null; // int and long are in range by construction
        }
        BigDecimal n = node.decimalValue();
        int integerDigits = n.precision() - n.scale();
        if (integerDigits > MAX_DIGITS || n.scale() > MAX_DIGITS) {
            return "a number out of range (at most " + MAX_DIGITS + " digits before and after the decimal point)";
        }
        return null;
    }

    /** RFC 6901: {@code ~} and {@code /} in a key are escaped. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
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
