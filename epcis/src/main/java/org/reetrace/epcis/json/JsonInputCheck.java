package org.reetrace.epcis.json;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.text.StorableText;

import tools.jackson.databind.JsonNode;

/**
 * What an event's JSON may hold to be kept: text (keys and values) of characters {@link StorableText} allows, and
 * numbers PostgreSQL can store and arithmetic can take (at most {@value #MAX_DIGITS} digits either side of the
 * point by default, so that {@code 1e999999999} is refused here, not by the database). The one check of JSON trees
 * that enter: EPCIS events here, the native API's bodies with a tighter bound on digits.
 */
public final class JsonInputCheck {
    static final int MAX_DIGITS = 100;

    private JsonInputCheck() {
    }

    /** Where (a JSON pointer) and what. */
    public record Fault(String pointer, String reason) {
    }

    /** The first fault in document order, its pointer relative to {@code root}. */
    static Optional<Fault> check(JsonNode root) {
        return check(root, MAX_DIGITS);
    }

    /** As {@link #check(JsonNode)}, with numbers of at most {@code maxDigits} digits either side of the point. */
    public static Optional<Fault> check(JsonNode root, int maxDigits) {
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        todo.push(Map.entry("", root));
        while (!todo.isEmpty()) {
            Map.Entry<String, JsonNode> next = todo.pop();
            String at = next.getKey();
            JsonNode node = next.getValue();
            if (node.isString()) {
                String why = StorableText.refusal(node.stringValue());
                if (why != null) {
                    return Optional.of(new Fault(at, "text " + why));
                }
            } else if (node.isBigDecimal() || node.isBigInteger()) {
                BigDecimal n = node.decimalValue();
                if (n.precision() - n.scale() > maxDigits || n.scale() > maxDigits) {
                    return Optional.of(new Fault(at, "a number out of range (at most " + maxDigits
                            + " digits before and after the decimal point)"));
                }
            } else if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                return Optional.of(new Fault(at, "a number out of range"));
            } else if (node.isObject()) {
                List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String child = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                    String why = StorableText.refusal(e.getKey());
                    if (why != null) {
                        return Optional.of(new Fault(child, "the key " + why));
                    }
                    children.add(Map.entry(child, e.getValue()));
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    todo.push(children.get(i));
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    todo.push(Map.entry(at + "/" + i, node.get(i)));
                }
            }
        }
        return Optional.empty();
    }
}
