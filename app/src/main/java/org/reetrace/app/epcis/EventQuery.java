package org.reetrace.app.epcis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.reetrace.app.security.Caller;
import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EventField;
import org.reetrace.epcis.document.QuantityElement;

/**
 * A SimpleEventQuery (EPCIS 2.0 section 8.2.7.1) as the REST binding writes it in query parameters, checked and
 * turned into SQL and, for what only the stored event holds, into a test of the event ({@link EventFilters}).
 * List parameters take several values separated by '|' (the OpenAPI's pipeDelimited style); a value matches if it
 * equals any of them. Parameters this repository does not support are refused, never silently ignored: a filter
 * dropped without a word would answer a different question.
 *
 * @param filters  every parameter but the paging ones, with its values (orderBy and the counts too)
 * @param afterSeq the page starts after the event with this seq (0: the first page)
 * @param afterKey with orderBy eventTime or recordTime, that event's time: pages follow the order asked
 * @param served   the events given on the pages before (eventCountLimit counts them; an offset where the
 *                 order is an extension field's)
 */
record EventQuery(Map<String, List<String>> filters, int perPage, long afterSeq, Instant afterKey, long served) {

    EventQuery(Map<String, List<String>> filters, int perPage, long afterSeq) {
        this(filters, perPage, afterSeq, null, 0);
    }

    /** The query parameters of fixed name this repository supports, with what each asks (the API description). */
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
            "EQ_persistentDisposition_set", "Events whose persistent disposition sets one of these dispositions, "
                    + "separated by '|'",
            "EQ_persistentDisposition_unset", "Events whose persistent disposition unsets one of these dispositions, "
                    + "separated by '|'",
            "EQ_bizLocation", "Events at one of these business locations (an EPC URN and its Digital Link alike), "
                    + "separated by '|'",
            "WD_bizLocation", "Events at one of these business locations or a location nested in it (an SGLN with "
                    + "extension 0 covers its other extensions; other ids cover those that continue them after '/' "
                    + "or ':'), separated by '|'",
            "EQ_readPoint", "Events at one of these read points (an EPC URN and its Digital Link alike), separated "
                    + "by '|'",
            "WD_readPoint", "Events at one of these read points or a location nested in it, as WD_bizLocation, "
                    + "separated by '|'",
            "EQ_transformationID", "Transformations with one of these transformationIDs, separated by '|'",
            "MATCH_epc", "Events that list one of these EPCs or EPC patterns (epcList, childEPCs), separated by '|'. "
                    + "An EPC URN and its GS1 Digital Link match each other; urn:epc:idpat: patterns match the EPCs "
                    + "they cover",
            "MATCH_parentID", "Events whose parentID is one of these EPCs or patterns, separated by '|'",
            "MATCH_inputEPC", "Transformations with one of these EPCs or patterns among their inputs, separated by '|'",
            "MATCH_outputEPC", "Transformations with one of these EPCs or patterns among their outputs, separated by "
                    + "'|'",
            "MATCH_anyEPC", "Events that name one of these EPCs or patterns in any role (also parent, input, "
                    + "output), separated by '|'",
            "MATCH_epcClass", "Events with quantities of one of these classes or patterns (quantityList, "
                    + "childQuantityList), separated by '|'",
            "MATCH_inputEPCClass", "Transformations with input quantities of one of these classes or patterns, "
                    + "separated by '|'",
            "MATCH_outputEPCClass", "Transformations with output quantities of one of these classes or patterns, "
                    + "separated by '|'",
            "MATCH_anyEPCClass", "Events with quantities of one of these classes or patterns in any role (also "
                    + "input, output), separated by '|'",
            "EQ_quantity", "Events with a quantity equal to one of these numbers, separated by '|' (EQ_quantity_KGM: "
                    + "only quantities in that unit; also GT_, GE_, LT_, LE_quantity with one number)",
            "GT_quantity", "Events with a quantity greater than this number",
            "GE_quantity", "Events with a quantity at least this number",
            "LT_quantity", "Events with a quantity less than this number",
            "LE_quantity", "Events with a quantity at most this number",
            "EQ_eventID", "Events with one of these eventIDs, separated by '|'",
            "EXISTS_errorDeclaration", "true: only error declarations",
            "GE_errorDeclarationTime", "Error declarations declared at or after this date-time with offset",
            "LT_errorDeclarationTime", "Error declarations declared before this date-time with offset",
            "EQ_errorReason", "Error declarations with one of these reasons (CBV word or URI), separated by '|'",
            "EQ_correctiveEventID", "Error declarations that name one of these corrective eventIDs, separated by '|'",
            "orderBy", "eventTime, recordTime or an extension field (as in EQ_fieldname): the order of the answer; "
                    + "without it, the order of capture",
            "orderDirection", "ASC or DESC (the default) with orderBy",
            "eventCountLimit", "With orderBy: only the first this many events (over all pages)",
            "maxEventCount", "At most this many events: a query that finds more is refused "
                    + "(413 epcisException:QueryTooLargeException)",
            "EXISTS_sensorElementList", "true: only events with sensor data",
            "GE_time", "Events with a sensor report or metadata time at or after this date-time with offset",
            "LT_time", "Events with a sensor report or metadata time before this date-time with offset",
            "GE_startTime", "Events with sensor metadata starting at or after this date-time with offset",
            "LT_startTime", "Events with sensor metadata starting before this date-time with offset",
            "GE_endTime", "Events with sensor metadata ending at or after this date-time with offset",
            "LT_endTime", "Events with sensor metadata ending before this date-time with offset",
            "EQ_type", "Events with a sensor report of one of these measurement types (bare word such as "
                    + "Temperature, gs1:Temperature or URI), separated by '|'",
            "EQ_deviceID", "Events with sensor data of one of these devices, separated by '|'",
            "EQ_deviceMetadata", "Events with sensor data of one of these device metadata URIs, separated by '|'",
            "EQ_rawData", "Events with sensor data of one of these raw data URIs, separated by '|'",
            "EQ_dataProcessingMethod", "Events with sensor data processed by one of these methods, separated by '|'",
            "EQ_microorganism", "Events with a sensor report on one of these microorganisms, separated by '|'",
            "EQ_chemicalSubstance", "Events with a sensor report on one of these chemical substances, separated by '|'",
            "EQ_bizRules", "Events with sensor metadata under one of these business rules, separated by '|'",
            "EQ_stringValue", "Events with a sensor report of one of these string values, separated by '|'",
            "EQ_booleanValue", "Events with a sensor report of this boolean value (true or false)",
            "EQ_hexBinaryValue", "Events with a sensor report of one of these hexBinary values, separated by '|'",
            "EQ_uriValue", "Events with a sensor report of one of these URI values, separated by '|'",
            "EQ_uom", "Events with a sensor report in one of these units (UN/CEFACT codes), separated by '|'",
            "EQ_component", "Events with a sensor report on one of these components, separated by '|'",
            "EQ_value", "Events with a sensor report whose value is one of these numbers, separated by '|' "
                    + "(EQ_value_CEL: only reports in that unit; also GT_, GE_, LT_, LE_value and the same for "
                    + "minValue, maxValue, meanValue, sDev, percValue, percRank)",
            "GT_value", "Events with a sensor report whose value is greater than this number",
            "GE_value", "Events with a sensor report whose value is at least this number",
            "LT_value", "Events with a sensor report whose value is less than this number",
            "LE_value", "Events with a sensor report whose value is at most this number",
            "perPage", "Events per page, from 1 to the repository's maximum (1000 unless configured); 30 by default",
            "nextPageToken", "The token of the page to read, from the previous page's Link header; sent with the "
                    + "same other parameters, before the time its GS1-Next-Page-Token-Expires header gave");

    /**
     * The families of parameters named with a type, a unit or an extension field, with what each asks (the API
     * description lists them; a field is namespace#name, a namespace URI ending in '/' then the name, or ree:name).
     */
    static final Map<String, String> FAMILIES = parameters(
            "EQ_bizTransaction_{type}", "Events with a business transaction of this type (CBV word such as po, or "
                    + "URI) and one of these ids, separated by '|'",
            "EQ_source_{type}", "Events with a source of this type (CBV word such as owning_party, or URI) and one "
                    + "of these ids, separated by '|'",
            "EQ_destination_{type}", "Events with a destination of this type and one of these ids, separated by '|'",
            "{EQ|GT|GE|LT|LE}_{quantity|value|minValue|maxValue|meanValue|sDev|percValue|percRank}_{uom}",
            "Quantities or sensor figures in that unit (e.g. GE_quantity_KGM=1000) compared with the number given",
            "EQ_{field}", "Events with this top-level extension field equal to one of these values (as text, number "
                    + "or date-time), separated by '|'",
            "{GT|GE|LT|LE}_{field}", "Events with this top-level extension field compared with a number or "
                    + "date-time",
            "EXISTS_{field}", "true: only events with this top-level extension field",
            "{EQ|GT|GE|LT|LE|EXISTS}_INNER_{field}", "As above, for the field nested at any depth inside a "
                    + "top-level extension field",
            "{EQ|GT|GE|LT|LE|EXISTS}_[INNER_]ILMD_{field}", "As above, for the field in the event's ILMD",
            "{EQ|GT|GE|LT|LE|EXISTS}_[INNER_]{SENSORELEMENT|SENSORMETADATA|SENSORREPORT}_{field}", "As above, for "
                    + "the field in a sensor element, its metadata or one of its reports",
            "{EQ|GT|GE|LT|LE|EXISTS}_[INNER_]ERROR_DECLARATION_{field}", "As above, for the field in the error "
                    + "declaration",
            "EQ_[INNER_]{readPoint|bizLocation}_{field}", "As above, for the field written inside the read point "
                    + "or business location");

    static final Set<String> SUPPORTED = PARAMETERS.keySet();

    /** Parameters that name no filter: how the answer is ordered and counted. */
    private static final Set<String> SHAPING = Set.of("orderBy", "orderDirection", "eventCountLimit", "maxEventCount");

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
        Position at = new Position(0, null, 0);
        for (Map.Entry<String, String[]> p : raw.entrySet()) {
            String name = p.getKey();
            if (name.startsWith("HASATTR_") || name.startsWith("EQATTR_") || name.startsWith("EQ_ATTR_")) {
                throw EpcisProblems.queryParameter(name, "master-data attributes are not kept by this repository, so "
                        + "no event can be selected by them");
            }
            if (!SUPPORTED.contains(name) && !EventFilters.handles(name)) {
                throw EpcisProblems.queryParameter(name, "not a query parameter this repository supports; supported: "
                        + SUPPORTED.stream().sorted().toList() + " and the families " + FAMILIES.keySet());
            }
            boolean flag = name.startsWith("EXISTS_");
            if (p.getValue().length != 1 || (p.getValue()[0].isBlank() && !flag)) {
                throw EpcisProblems.queryParameter(name, "give it once, with a value");
            }
            String value = p.getValue()[0];
            switch (name) {
                case "perPage" -> perPage = whole(name, value, settings.perPageMax());
                case "nextPageToken" -> at = decodeToken(value, now);
                default -> {
                    List<String> values = value.isBlank() ? List.of()
                            : Arrays.stream(value.split("\\|")).map(String::strip).toList();
                    if (!value.isBlank() && values.isEmpty()) {
                        throw EpcisProblems.queryParameter(name, "has an empty value");
                    }
                    if (values.size() > 1 && singleValued(name)) {
                        throw EpcisProblems.queryParameter(name, "takes one value, not a list");
                    }
                    for (String v : values) {
                        check(name, v);
                    }
                    filters.put(name, values);
                }
            }
        }
        shaping(filters);
        // compiled once here so that a value the filter cannot take is refused before any row is read
        filters.forEach(EventFilters::compile);
        return new EventQuery(Map.copyOf(filters), perPage, at.seq(), at.key(), at.served());
    }

    /** orderBy, orderDirection, eventCountLimit and maxEventCount, checked together as 8.2.7.1 asks. */
    private static void shaping(Map<String, List<String>> filters) {
        for (String name : SHAPING) {
            if (filters.containsKey(name) && filters.get(name).size() != 1) {
                throw EpcisProblems.queryParameter(name, "takes one value, not a list");
            }
        }
        if (filters.containsKey("eventCountLimit") && filters.containsKey("maxEventCount")) {
            throw EpcisProblems.queryParameter("eventCountLimit", "cannot be given with maxEventCount: the one cuts "
                    + "the answer, the other refuses it when larger");
        }
        if (filters.containsKey("eventCountLimit") && !filters.containsKey("orderBy")) {
            throw EpcisProblems.queryParameter("eventCountLimit", "needs orderBy, which says which events are first");
        }
        for (String count : List.of("eventCountLimit", "maxEventCount")) {
            if (filters.containsKey(count)) {
                whole(count, filters.get(count).getFirst(), Integer.MAX_VALUE);
            }
        }
        if (filters.containsKey("orderBy")) {
            QueryOrder.of(filters.get("orderBy").getFirst(),
                    filters.getOrDefault("orderDirection", List.of("DESC")).getFirst());
        } else if (filters.containsKey("orderDirection")) {
            QueryOrder.of("eventTime", filters.get("orderDirection").getFirst());
        }
    }

    /** Bounds, flags and the shaping parameters take one value; the others a list of alternatives. */
    private static boolean singleValued(String name) {
        return TIMES.containsKey(name) || SHAPING.contains(name) || name.startsWith("EXISTS_")
                || name.startsWith("GT_") || name.startsWith("GE_") || name.startsWith("LT_") || name.startsWith("LE_")
                || name.equals("EQ_booleanValue");
    }

    private static int whole(String name, String value, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) {
            throw EpcisProblems.queryParameter(name, "must be a whole number from 1 to " + max + ", not " + value);
        }
        return n;
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
        if (TIMES.containsKey(name)) {
            EventFilters.instant(name, v);
        }
        if (name.equals("EXISTS_errorDeclaration")) {
            EventFilters.truth(name, List.of(v));
        }
    }

    /** The time parameters the stored columns answer: the condition each puts on its column. */
    private static final Map<String, String> TIMES = Map.of("GE_eventTime", "event_time >= :",
            "LT_eventTime", "event_time < :", "GE_recordTime", "record_time >= :", "LT_recordTime", "record_time < :");

    /** The order asked: by orderBy and orderDirection, or empty for the order of capture. */
    Optional<QueryOrder> order() {
        return Optional.ofNullable(filters.get("orderBy")).map(o -> QueryOrder.of(o.getFirst(),
                filters.getOrDefault("orderDirection", List.of("DESC")).getFirst()));
    }

    /** eventCountLimit: the answer is cut after this many events. */
    OptionalInt eventCountLimit() {
        return count("eventCountLimit");
    }

    /** maxEventCount: an answer of more events is refused. */
    OptionalInt maxEventCount() {
        return count("maxEventCount");
    }

    private OptionalInt count(String name) {
        return filters.containsKey(name) ? OptionalInt.of(Integer.parseInt(filters.get(name).getFirst()))
                : OptionalInt.empty();
    }

    /** Whether this is the first page (no nextPageToken). */
    boolean firstPage() {
        return afterSeq == 0 && served == 0;
    }

    /** Adds one filter and returns a new query (for the sub-resources, e.g. /bizSteps/{bizStep}/events). */
    EventQuery with(String name, String value) {
        check(name, value);
        Map<String, List<String>> more = new LinkedHashMap<>(filters);
        more.put(name, List.of(value));
        return new EventQuery(more, perPage, afterSeq, afterKey, served);
    }

    /**
     * The SQL of the parameters the stored columns answer, and of the narrowing of the others (which
     * {@link #eventTest} then decides on each event).
     */
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
                case "EQ_bizLocation" -> in(where, params, p, "biz_location", spellings(values));
                case "EQ_readPoint" -> in(where, params, p, "read_point", spellings(values));
                case "WD_bizLocation" -> withDescendants(where, params, p, "biz_location", values);
                case "WD_readPoint" -> withDescendants(where, params, p, "read_point", values);
                case "EQ_eventID" -> in(where, params, p, "event_id", values);
                case "EXISTS_errorDeclaration" -> {
                    if (EventFilters.truth(name, values)) {
                        where.append(" and error_declaration");
                    }
                }
                // the any_ columns carry the GIN indexes; what they hold is a superset of the narrower column's
                case "MATCH_epc" -> matches(where, params, p, "epcs", "any_epcs", values, false);
                case "MATCH_anyEPC" -> matches(where, params, p, "any_epcs", null, values, false);
                case "MATCH_epcClass" -> matches(where, params, p, "epc_classes", "any_epc_classes", values, true);
                case "MATCH_anyEPCClass" -> matches(where, params, p, "any_epc_classes", null, values, true);
                case "MATCH_parentID", "MATCH_inputEPC", "MATCH_outputEPC" ->
                        matches(where, params, p, "any_epcs", null, values, false);
                case "MATCH_inputEPCClass", "MATCH_outputEPCClass" ->
                        matches(where, params, p, "any_epc_classes", null, values, true);
                case "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime" ->
                        time(where, params, p, TIMES.get(name), values.getFirst());
                default -> {
                    if (!SHAPING.contains(name)) {
                        List<String> likes = EventFilters.compile(name, values)
                                .orElseThrow(() -> new IllegalStateException("unhandled parameter " + name))
                                .bodyLikes();
                        if (!likes.isEmpty()) {
                            where.append(" and body like any(:").append(p).append(")");
                            params.put(p, likes.toArray(String[]::new));
                        }
                    }
                }
            }
        });
        return new Sql(where.toString(), params);
    }

    /** The test of the parameters only the stored event answers; empty when the SQL says everything. */
    Optional<Predicate<EpcisEvent>> eventTest() {
        List<Predicate<EpcisEvent>> tests = filters.entrySet().stream()
                .filter(f -> EventFilters.handles(f.getKey()))
                .map(f -> EventFilters.compile(f.getKey(), f.getValue()).orElseThrow().test()).toList();
        List<Predicate<EpcisEvent>> patterns = PATTERN_CHECKED.stream().filter(filters::containsKey)
                .filter(name -> filters.get(name).stream().map(v -> EpcMatch.of(v, name.contains("Class")))
                        .anyMatch(EpcMatch::pattern))
                .map(this::patternTest).toList();
        List<Predicate<EpcisEvent>> all = new ArrayList<>(tests);
        all.addAll(patterns);
        return all.stream().reduce(Predicate::and);
    }

    /** MATCH_ parameters the columns answer exactly but for patterns, whose SQL only narrows. */
    private static final List<String> PATTERN_CHECKED = List.of("MATCH_epc", "MATCH_anyEPC", "MATCH_epcClass",
            "MATCH_anyEPCClass");

    private Predicate<EpcisEvent> patternTest(String name) {
        boolean classes = name.contains("Class");
        List<EpcMatch> matches = filters.get(name).stream().map(v -> EpcMatch.of(v, classes)).toList();
        Function<EpcisEvent, List<String>> read = switch (name) {
            case "MATCH_epc" -> e -> concat(e.epcList(), e.childEPCs());
            case "MATCH_anyEPC" -> e -> concat(e.epcList(), e.childEPCs(), e.parentID() == null ? List.of()
                    : List.of(e.parentID()), e.inputEPCList(), e.outputEPCList());
            case "MATCH_epcClass" -> e -> classes(e.quantityList(), e.childQuantityList());
            default -> e -> classes(e.quantityList(), e.childQuantityList(), e.inputQuantityList(),
                    e.outputQuantityList());
        };
        return e -> read.apply(e).stream().anyMatch(s -> matches.stream().anyMatch(m -> m.matches(s)));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    @SafeVarargs
    private static List<String> classes(List<QuantityElement>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).map(QuantityElement::epcClass).toList();
    }

    /** Every spelling of these ids: an EPC URN and its Digital Link are one location or EPC. */
    private static List<String> spellings(List<String> values) {
        return values.stream().flatMap(v -> EpcMatch.of(v, false).spellings().stream()).distinct().toList();
    }

    /**
     * WD_: the location or one nested in it. No location hierarchy is kept as master data, so nesting is read
     * from the ids: an SGLN with extension 0 (the GLN itself) covers its other extensions, as its Digital Link
     * covers those with a 254 qualifier; any other id covers the ids that continue it after '/' or ':'.
     */
    private static void withDescendants(StringBuilder where, Map<String, Object> params, String p, String column,
                                        List<String> values) {
        List<String> exact = spellings(values);
        List<String> likes = new ArrayList<>();
        for (String id : exact) {
            if (id.startsWith("urn:epc:id:sgln:") && id.endsWith(".0")) {
                likes.add(EpcMatch.like(id.substring(0, id.length() - 1)) + "%");
            } else if (id.startsWith("https://id.gs1.org/414/")) {
                likes.add(EpcMatch.like(id) + "/254/%");
            } else {
                likes.add(EpcMatch.like(id) + "/%");
                likes.add(EpcMatch.like(id) + ":%");
            }
        }
        where.append(" and (").append(column).append(" = any(:").append(p).append(") or ").append(column)
                .append(" like any(:").append(p).append("l))");
        params.put(p, exact.toArray(String[]::new));
        params.put(p + "l", likes.toArray(String[]::new));
    }

    /**
     * MATCH_: every spelling of the values overlaps the column (and {@code indexed}, a superset of it with a GIN
     * index, so that the index is used); patterns add prefixes an element of the column starts with.
     */
    private static void matches(StringBuilder where, Map<String, Object> params, String p, String column,
                                String indexed, List<String> values, boolean classes) {
        List<EpcMatch> matches = values.stream().map(v -> EpcMatch.of(v, classes)).toList();
        String[] spellings = matches.stream().flatMap(m -> m.spellings().stream()).distinct().toArray(String[]::new);
        String[] likes = matches.stream().flatMap(m -> m.likes().stream()).distinct().toArray(String[]::new);
        params.put(p, spellings);
        if (likes.length == 0) {
            if (indexed != null) {
                where.append(" and ").append(indexed).append(" && :").append(p).append("::text[]");
            }
            where.append(" and ").append(column).append(" && :").append(p).append("::text[]");
            return;
        }
        params.put(p + "l", likes);
        where.append(" and (").append(column).append(" && :").append(p).append("::text[] or exists (select 1 from ")
                .append("unnest(").append(column).append(") as e where e like any(:").append(p).append("l)))");
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

    /**
     * The token of the page after the event {@code seq} whose sort key (eventTime or recordTime, with orderBy)
     * is {@code key}, {@code served} events having been given before it.
     */
    static String token(long seq, Instant key, long served, Instant expires) {
        long micros = key == null ? 0 : ChronoUnit.MICROS.between(Instant.EPOCH, key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("at:" + seq + ":" + (key == null ? "-" : micros)
                + ":" + served + ":" + expires.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a page starts: after {@code seq} (and {@code key}), {@code served} events given before. */
    record Position(long seq, Instant key, long served) {
    }

    /** The times a token's key may hold: those a timestamptz column keeps. */
    private static final Instant FIRST_KEY = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_KEY = Instant.parse("9999-12-31T23:59:59Z");

    private static Position decodeToken(String token, Instant now) {
        Position at;
        Instant expires;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("after")) {
                at = new Position(Long.parseLong(parts[1]), null, 0);
            } else if (parts.length == 5 && parts[0].equals("at")) {
                at = new Position(Long.parseLong(parts[1]), parts[2].equals("-") ? null
                        : Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS),
                        Long.parseLong(parts[3]));
            } else {
                throw new IllegalArgumentException(token);
            }
            if (at.seq() < 0 || at.served() < 0 || (at.key() != null
                    && (at.key().isBefore(FIRST_KEY) || at.key().isAfter(LAST_KEY)))) {
                throw new IllegalArgumentException(token);
            }
            expires = Instant.ofEpochSecond(Long.parseLong(parts[parts.length - 1]));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw EpcisProblems.queryParameter("nextPageToken", "not a token this repository issued: " + token);
        }
        if (!now.isBefore(expires)) {
            throw EpcisProblems.queryParameter("nextPageToken", "expired at " + expires
                    + "; run the query again from its first page");
        }
        return at;
    }
}
