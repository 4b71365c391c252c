package org.reetrace.app.epcis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.reetrace.app.security.Caller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SimpleEventQuery kept under a name by whoever made it (the binding's {@code /queries/{queryName}}). The query
 * is the binding's query object: {@code {"eventType": ["ObjectEvent"], "GE_eventTime": "2026-..."}}.
 */
record NamedQuery(String name, Caller owner, ObjectNode query, Instant createdAt) {

    /** A name is one path segment that needs no escaping, so that its URL reads as it was given. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

    /** Parameters that place a page, not a question: given when the query is run, never kept with it. */
    static final java.util.Set<String> PAGING = java.util.Set.of("perPage", "nextPageToken");

    /**
     * The query as the REST binding's query string writes it ({@link EventQuery#parse} reads it): a list's values
     * joined with '|', a single value as it is. Anything else (an object, a list of lists) is refused.
     */
    static Map<String, String[]> parameters(JsonNode query) {
        if (query == null || !query.isObject()) {
            throw EpcisProblems.queryParameter("query", "must be an object of query parameters");
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : query.properties()) {
            String name = p.getKey();
            if (PAGING.contains(name)) {
                throw EpcisProblems.queryParameter(name, "places a page: give it when the query is run");
            }
            JsonNode v = p.getValue();
            String value;
            if (v.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode item : v.values()) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw EpcisProblems.queryParameter(name, "must be a list of values");
                    }
                    joined.append(joined.isEmpty() ? "" : "|").append(item.asString());
                }
                value = joined.toString();
            } else if (v.isValueNode() && !v.isNull()) {
                value = v.asString();
            } else {
                throw EpcisProblems.queryParameter(name, "must be a value or a list of values");
            }
            parameters.put(name, new String[] {value});
        }
        return parameters;
    }

    Map<String, String[]> parameters() {
        return parameters(query);
    }
}
