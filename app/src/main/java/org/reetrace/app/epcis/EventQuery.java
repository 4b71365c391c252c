package org.reetrace.app.epcis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.security.Caller;
import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EventField;

/**
 * A SimpleEventQuery as the REST binding writes it in query parameters, checked and turned into SQL. List
 * parameters take several values separated by '|' (the OpenAPI's pipeDelimited style); a value matches if it
 * equals any of them. Parameters this repository does not support are refused, never silently ignored: a
 * filter dropped without a word would answer a different question.
 */
record EventQuery(Map<String, List<String>> filters, int perPage, long afterSeq) {

    /** The query parameters this repository supports, with what each asks (the API description shows them). */
    static final Map<String, String> PARAMETERS = parameters(
            "eventType", "Events of these types (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, "
                    + "AssociationEvent), separated by '|'",
            "GE_eventTime", "Events that happened at or after this date-time with offset",
            "LT_eventTime", "Events that happened before this date-time with offset",
            "GE_recordTime", "Events recorded at or after this date-time with offset",
            "LT_recordTime", "Events recorded before this date-time with offset",
            "EQ_action", "Events with one of these actions: ADD, OBSERVE, DELETE, separated by '|'",
            "EQ_bizStep", "Events with one of these business steps (CBV word or URI), separated by '|'",
            "EQ_disposition", "Events with one of these dispositions (CBV word or URI), separated by '|'",
            "EQ_bizLocation", "Events at one of these business locations, separated by '|'",
            "EQ_readPoint", "Events at one of these read points, separated by '|'",
            "MATCH_epc", "Events that list one of these EPCs (epcList, childEPCs), separated by '|'",
            "MATCH_anyEPC", "Events that name one of these EPCs in any role (also parent, input, output), "
                    + "separated by '|'",
            "MATCH_epcClass", "Events with quantities of one of these classes (quantityList, childQuantityList), "
                    + "separated by '|'",
            "MATCH_anyEPCClass", "Events with quantities of one of these classes in any role (also input, output), "
                    + "separated by '|'",
            "EQ_eventID", "Events with one of these eventIDs, separated by '|'",
            "perPage", "Events per page, from 1 to the repository's maximum (1000 unless configured); 30 by default",
            "nextPageToken", "The token of the page to read, from the previous page's Link header; sent with the "
                    + "same other parameters, before the time its GS1-Next-Page-Token-Expires header gave");

    static final Set<String> SUPPORTED = PARAMETERS.keySet();

    private static Map<String, String> parameters(String... namesAndDescriptions) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            m.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** WHERE fragments (each starting with " and ") with their named parameters (times as {@code Instant}s). */
    record Sql(String where, Map<String, Object> params) {
    }

    /** The query of {@code raw}; {@code now} decides whether its {@code nextPageToken} has expired. */
    static EventQuery parse(Map<String, String[]> raw, EpcisSettings settings, Instant now) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        int perPage = settings.perPageDefault();
        long afterSeq = 0;
        for (Map.Entry<String, String[]> p : raw.entrySet()) {
            String name = p.getKey();
            if (!SUPPORTED.contains(name)) {
                throw EpcisProblems.queryParameter(name, "not a query parameter this repository supports; supported: "
                        + SUPPORTED.stream().sorted().toList());
            }
            if (p.getValue().length != 1 || p.getValue()[0].isBlank()) {
                throw EpcisProblems.queryParameter(name, "give it once, with a value");
            }
            String value = p.getValue()[0];
            switch (name) {
                case "perPage" -> {
                    try {
                        perPage = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        perPage = -1;
                    }
                    if (perPage < 1 || perPage > settings.perPageMax()) {
                        throw EpcisProblems.queryParameter(name, "must be a whole number from 1 to "
                                + settings.perPageMax() + ", not " + value);
                    }
                }
                case "nextPageToken" -> afterSeq = decodeToken(value, now);
                case "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime" -> {
                    try {
                        OffsetDateTime.parse(value);
                    } catch (DateTimeParseException e) {
                        throw EpcisProblems.queryParameter(name, "must be a date-time with offset such as "
                                + "2026-03-02T08:00:00+08:00, not " + value);
                    }
                    filters.put(name, List.of(value));
                }
                default -> {
                    List<String> values = Arrays.stream(value.split("\\|")).map(String::strip).toList();
                    for (String v : values) {
                        check(name, v);
                    }
                    filters.put(name, values);
                }
            }
        }
        return new EventQuery(Map.copyOf(filters), perPage, afterSeq);
    }

    private static void check(String name, String v) {
        if (v.isEmpty()) {
            throw EpcisProblems.queryParameter(name, "has an empty value");
        }
        if (name.equals("eventType") && EventField.orderOf(v) == null) {
            throw EpcisProblems.queryParameter(name, "not an EPCIS event type: " + v);
        }
        if (name.equals("EQ_action")) {
            try {
                Action.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw EpcisProblems.queryParameter(name, "must be ADD, OBSERVE or DELETE, not " + v);
            }
        }
    }

    /** Adds one filter and returns a new query (for the sub-resources, e.g. /bizSteps/{bizStep}/events). */
    EventQuery with(String name, String value) {
        check(name, value);
        Map<String, List<String>> more = new LinkedHashMap<>(filters);
        more.put(name, List.of(value));
        return new EventQuery(more, perPage, afterSeq);
    }

    Sql sql(Caller caller) {
        StringBuilder where = new StringBuilder(visibility(caller).where());
        Map<String, Object> params = new HashMap<>(visibility(caller).params());
        filters.forEach((name, values) -> {
            String p = "p" + params.size();
            switch (name) {
                case "eventType" -> in(where, params, p, "event_type", values);
                case "EQ_action" -> in(where, params, p, "action", values);
                case "EQ_bizStep" -> in(where, params, p, "biz_step", values.stream().map(Cbv.BIZ_STEP::canonical).toList());
                case "EQ_disposition" -> in(where, params, p, "disposition",
                        values.stream().map(Cbv.DISPOSITION::canonical).toList());
                case "EQ_bizLocation" -> in(where, params, p, "biz_location", values);
                case "EQ_readPoint" -> in(where, params, p, "read_point", values);
                case "EQ_eventID" -> in(where, params, p, "event_id", values);
                case "MATCH_epc" -> overlaps(where, params, p, "epcs", values);
                case "MATCH_anyEPC" -> overlaps(where, params, p, "any_epcs", values);
                case "MATCH_epcClass" -> overlaps(where, params, p, "epc_classes", values);
                case "MATCH_anyEPCClass" -> overlaps(where, params, p, "any_epc_classes", values);
                case "GE_eventTime" -> time(where, params, p, "event_time >= :", values.getFirst());
                case "LT_eventTime" -> time(where, params, p, "event_time < :", values.getFirst());
                case "GE_recordTime" -> time(where, params, p, "record_time >= :", values.getFirst());
                case "LT_recordTime" -> time(where, params, p, "record_time < :", values.getFirst());
                default -> throw new IllegalStateException("unhandled parameter " + name);
            }
        });
        return new Sql(where.toString(), params);
    }

    /** The regulator, customs and auditors see every event; an operator only those of its own facilities. */
    static Sql visibility(Caller caller) {
        if (caller.readsAll()) {
            return new Sql("", Map.of());
        }
        if (caller.operatorId().isEmpty()) {
            throw org.reetrace.app.web.ProblemException.forbidden("only operators and those who read every record "
                    + "query EPCIS events");
        }
        return new Sql(" and operator_id = :visibleTo", Map.of("visibleTo", caller.operatorId().get()));
    }

    private static void in(StringBuilder where, Map<String, Object> params, String p, String column, List<String> values) {
        where.append(" and ").append(column).append(" = any(:").append(p).append(")");
        params.put(p, values.toArray(String[]::new));
    }

    private static void overlaps(StringBuilder where, Map<String, Object> params, String p, String column,
                                 List<String> values) {
        where.append(" and ").append(column).append(" && :").append(p).append("::text[]");
        params.put(p, values.toArray(String[]::new));
    }

    private static void time(StringBuilder where, Map<String, Object> params, String p, String condition, String value) {
        where.append(" and ").append(condition).append(p);
        params.put(p, OffsetDateTime.parse(value).toInstant());
    }

    /**
     * An opaque token for the page after {@code seq}, good until {@code expires}; the client sends the same
     * parameters with it. A token is a position, not a snapshot: events captured meanwhile are on later pages.
     */
    static String token(long seq, Instant expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + seq + ":" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeToken(String token, Instant now) {
        long seq;
        Instant expires;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !parts[0].equals("after")) {
                throw new IllegalArgumentException(token);
            }
            seq = Long.parseLong(parts[1]);
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw EpcisProblems.queryParameter("nextPageToken", "not a token this repository issued: " + token);
        }
        if (!now.isBefore(expires)) {
            throw EpcisProblems.queryParameter("nextPageToken", "expired at " + expires
                    + "; run the query again from its first page");
        }
        return seq;
    }
}
