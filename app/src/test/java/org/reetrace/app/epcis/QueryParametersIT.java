package org.reetrace.app.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.epcis.hash.DigitalLink;

import tools.jackson.databind.JsonNode;

/**
 * The parameters of EPCIS 2.0 section 8.2.7.1 over HTTP, on events written after GS1's examples (business
 * transactions, sources and destinations, quantities, sensor data, ILMD and extension fields, a transformation):
 * which events come back and in what order, EPC patterns and a URN and its Digital Link found both ways, and
 * maxEventCount exceeded refused. Each run's events sit below read points of their own, which WD_readPoint
 * selects, so that the events of other tests in the same database stay out.
 */
class QueryParametersIT extends EpcisBase {
    private static final String NS = "https://ns.example.com/epcis/";
    private static final String GTIN_PATTERN = "urn:epc:idpat:sgtin:9555000.012345.*";

    /** One run's events, captured once for the class. */
    private static Run run;

    String operator;
    String regulator;

    record Run(String scope, String u, String e1, String e2, String e3, String e4) {
        String sgtin(int n) {
            return "urn:epc:id:sgtin:9555000.012345." + u + "-" + n;
        }

        String lot() {
            return "urn:epc:class:lgtin:9555000.012345.L" + u;
        }
    }

    @BeforeEach
    void world() {
        operator = tokenFor(Caller.operator("ree-ops", OPERATOR));
        regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        facility("MY-MINE-1", FacilityKind.MINE, Map.of());
        if (run == null) {
            String u = UUID.randomUUID().toString().substring(0, 8);
            Run captured = new Run("urn:reetrace:facility:MY-MINE-1:" + u, u, id(), id(), id(), id());
            JsonNode job = jobOf(operator, "application/ld+json", document(captured), null);
            assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
            run = captured;
        }
    }

    private static String id() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /**
     * E4, a transformation, happened first; then E1 (an ADD with a purchase order, an owner, 250 kg of a lot,
     * ILMD, grade 7 and a nested lab), E2 (an OBSERVE of an EPC written as a Digital Link, with a destination,
     * a temperature and grade 3) and E3 (an aggregation of grade 12, read at the scope itself).
     */
    private static String document(Run r) {
        String rp = r.scope() + ":dock";
        String e1 = """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T09:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "%s", "epcList": ["%s"], "action": "ADD", "bizStep": "commissioning",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"},
                 "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9555000000001:PO-%s"}],
                 "sourceList": [{"type": "owning_party", "source": "urn:epc:id:pgln:9555000.00001"}],
                 "quantityList": [{"epcClass": "%s", "quantity": 250, "uom": "KGM"}],
                 "ilmd": {"example:bestBefore": "2027-01-01T00:00:00Z"},
                 "example:grade": 7, "example:batch": {"example:lab": "LAB-%s"}}""".formatted(r.e1(), r.sgtin(1),
                rp, r.u(), r.lot(), r.u());
        String e2 = """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T10:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "%s", "epcList": ["%s"], "action": "OBSERVE", "bizStep": "shipping",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"},
                 "destinationList": [{"type": "location", "destination": "urn:epc:id:sgln:9555000.00002.0"}],
                 "sensorElementList": [{"sensorMetadata": {"time": "2026-03-02T02:00:00Z",
                                                           "deviceID": "urn:epc:id:giai:9555000.S%s"},
                   "sensorReport": [{"type": "Temperature", "value": 26.5, "uom": "CEL"}]}],
                 "example:grade": 3}""".formatted(r.e2(), DigitalLink.canonical(r.sgtin(2)), rp, r.u());
        String e3 = """
                {"type": "AggregationEvent", "eventTime": "2026-03-02T11:00:00.000+08:00",
                 "eventTimeZoneOffset": "+08:00", "eventID": "%s", "parentID": "urn:epc:id:sscc:9555000.0%s",
                 "childEPCs": ["%s"], "action": "ADD", "bizStep": "packing",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"},
                 "example:grade": 12}""".formatted(r.e3(), digits(r.u()), r.sgtin(3), r.scope());
        String e4 = """
                {"type": "TransformationEvent", "eventTime": "2026-03-02T08:00:00.000+08:00",
                 "eventTimeZoneOffset": "+08:00", "eventID": "%s", "transformationID": "urn:uuid:%s",
                 "inputEPCList": ["%s"],
                 "outputQuantityList": [{"epcClass": "%s", "quantity": 200, "uom": "KGM"}],
                 "bizStep": "commissioning", "readPoint": {"id": "%s"},
                 "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"}}""".formatted(r.e4(), r.u(), r.sgtin(1),
                DigitalLink.canonical(r.lot()), rp);
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"example": "%s"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-02T08:00:00Z",
                 "epcisBody": {"eventList": [%s, %s, %s, %s]}}""".formatted(NS, e1, e2, e3, e4);
    }

    /** Nine digits from the run's id, for an SSCC's serial reference. */
    private static String digits(String u) {
        return String.format("%09d", Math.abs((long) u.hashCode()) % 1_000_000_000L);
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Response query(String... namesAndValues) {
        StringBuilder q = new StringBuilder("/epcis/events?WD_readPoint=").append(encoded(run.scope()));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            q.append('&').append(encoded(namesAndValues[i])).append('=').append(encoded(namesAndValues[i + 1]));
        }
        return get(q.toString(), regulator);
    }

    /** The eventIDs the query answers, in the order given (one page). */
    private List<String> ids(String... namesAndValues) {
        Response r = query(namesAndValues);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().at("/epcisBody/queryResults/resultsBody/eventList").forEach(e -> ids.add(e.path("eventID").asString()));
        return ids;
    }

    @Test
    void epc_patterns_and_a_urn_and_its_digital_link_find_each_other_both_ways() {
        // E2 stored its EPC as a Digital Link: the pattern and the URN find it
        assertThat(ids("MATCH_epc", GTIN_PATTERN)).containsExactly(run.e1(), run.e2(), run.e3());
        assertThat(ids("MATCH_epc", run.sgtin(2))).containsExactly(run.e2());
        // E1 stored a URN: its Digital Link finds it
        assertThat(ids("MATCH_epc", DigitalLink.canonical(run.sgtin(1)))).containsExactly(run.e1());
        assertThat(ids("MATCH_anyEPC", run.sgtin(1))).containsExactly(run.e1(), run.e4());
        assertThat(ids("MATCH_inputEPC", DigitalLink.canonical(run.sgtin(1)))).containsExactly(run.e4());
        assertThat(ids("MATCH_outputEPC", run.sgtin(1))).isEmpty();
        assertThat(ids("MATCH_parentID", "urn:epc:idpat:sscc:9555000.*")).containsExactly(run.e3());
        // the output lot was stored as a Digital Link, the quantity of E1 as a URN
        assertThat(ids("MATCH_outputEPCClass", run.lot())).containsExactly(run.e4());
        assertThat(ids("MATCH_epcClass", DigitalLink.canonical(run.lot()))).containsExactly(run.e1());
        assertThat(ids("MATCH_epcClass", GTIN_PATTERN)).containsExactly(run.e1());
        assertThat(ids("MATCH_anyEPCClass", GTIN_PATTERN)).containsExactly(run.e1(), run.e4());
    }

    @Test
    void transactions_sources_destinations_quantities_and_transformations_select_their_events() {
        String po = "urn:epcglobal:cbv:bt:9555000000001:PO-" + run.u();
        assertThat(ids("EQ_bizTransaction_po", po)).containsExactly(run.e1());
        assertThat(ids("EQ_bizTransaction_bol", po)).isEmpty();
        assertThat(ids("EQ_source_owning_party", "urn:epc:id:pgln:9555000.00001")).containsExactly(run.e1());
        // the destination's Digital Link finds the SGLN stored
        assertThat(ids("EQ_destination_location", DigitalLink.canonical("urn:epc:id:sgln:9555000.00002.0")))
                .containsExactly(run.e2());
        assertThat(ids("GE_quantity_KGM", "220")).containsExactly(run.e1());
        assertThat(ids("LT_quantity", "210")).containsExactly(run.e4());
        assertThat(ids("EQ_quantity", "250|200")).containsExactly(run.e1(), run.e4());
        assertThat(ids("EQ_transformationID", "urn:uuid:" + run.u())).containsExactly(run.e4());
        assertThat(ids("EQ_readPoint", run.scope())).containsExactly(run.e3());
    }

    @Test
    void sensor_data_ilmd_and_extension_fields_select_their_events() {
        assertThat(ids("EXISTS_sensorElementList", "true")).containsExactly(run.e2());
        assertThat(ids("EQ_type", "Temperature", "GT_value", "25")).containsExactly(run.e2());
        assertThat(ids("GT_value_CEL", "30")).isEmpty();
        assertThat(ids("EQ_deviceID", "urn:epc:id:giai:9555000.S" + run.u())).containsExactly(run.e2());
        assertThat(ids("GE_time", "2026-03-02T10:00:00+08:00")).containsExactly(run.e2());
        assertThat(ids("GT_" + NS + "#grade", "5")).containsExactly(run.e1(), run.e3());
        assertThat(ids("EQ_" + NS + "grade", "3")).containsExactly(run.e2());
        assertThat(ids("EXISTS_" + NS + "#grade", "true")).containsExactly(run.e1(), run.e2(), run.e3());
        assertThat(ids("EQ_INNER_" + NS + "#lab", "LAB-" + run.u())).containsExactly(run.e1());
        assertThat(ids("EQ_" + NS + "#lab", "LAB-" + run.u())).isEmpty();
        assertThat(ids("GE_ILMD_" + NS + "#bestBefore", "2026-12-31T00:00:00Z")).containsExactly(run.e1());
    }

    @Test
    void order_by_a_time_or_a_field_in_either_direction_and_a_cut_after_the_first_events() {
        assertThat(ids("orderBy", "eventTime", "orderDirection", "ASC"))
                .containsExactly(run.e4(), run.e1(), run.e2(), run.e3());
        assertThat(ids("orderBy", "eventTime")).containsExactly(run.e3(), run.e2(), run.e1(), run.e4());
        assertThat(ids("orderBy", NS + "#grade", "orderDirection", "ASC"))
                .containsExactly(run.e2(), run.e1(), run.e3(), run.e4());
        assertThat(ids("orderBy", NS + "#grade")).containsExactly(run.e3(), run.e1(), run.e2(), run.e4());
        assertThat(ids("orderBy", "eventTime", "eventCountLimit", "2")).containsExactly(run.e3(), run.e2());
    }

    @Test
    void pages_follow_the_order_asked_and_stop_at_the_event_count_limit() {
        assertThat(pages("orderBy", "eventTime", "perPage", "1"))
                .containsExactly(run.e3(), run.e2(), run.e1(), run.e4());
        assertThat(pages("orderBy", "recordTime", "orderDirection", "ASC", "perPage", "3"))
                .containsExactly(run.e1(), run.e2(), run.e3(), run.e4());
        assertThat(pages("orderBy", "eventTime", "eventCountLimit", "3", "perPage", "2"))
                .containsExactly(run.e3(), run.e2(), run.e1());
        assertThat(pages("orderBy", NS + "#grade", "perPage", "3")).containsExactly(run.e3(), run.e1(), run.e2(),
                run.e4());
        // a test on the event itself reads further rows until the page is full
        assertThat(pages("EQ_quantity", "250|200", "perPage", "1")).containsExactly(run.e1(), run.e4());
    }

    @Test
    void error_declarations_are_found_by_their_existence_time_reason_and_corrective_event() {
        // in a scope of their own: an error declaration is one more event under its original's eventID
        String scope = run.scope() + "-declared";
        String original = id();
        String corrective = id();
        String event = """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T09:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "%s", "epcList": ["%s"], "action": "OBSERVE", "bizStep": "inspecting",
                 %s "readPoint": {"id": "%s"}, "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"}}""";
        String declaration = """
                "errorDeclaration": {"declarationTime": "2026-03-03T09:00:00Z", "reason": "incorrect_data",
                                     "correctiveEventIDs": ["%s"]},""".formatted(corrective);
        for (String doc : List.of(event.formatted(original, run.sgtin(9), "", scope),
                event.formatted(original, run.sgtin(9), declaration, scope))) {
            JsonNode job = jobOf(operator, "application/ld+json", """
                    {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                     "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-02T08:00:00Z",
                     "epcisBody": {"eventList": [%s]}}""".formatted(doc), null);
            assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
        }
        String where = "/epcis/events?WD_readPoint=" + encoded(scope) + "&";

        assertThat(declared(where)).containsExactly(false, true);
        assertThat(declared(where + "EXISTS_errorDeclaration=true")).containsExactly(true);
        assertThat(declared(where + "EQ_errorReason=incorrect_data")).containsExactly(true);
        assertThat(declared(where + "EQ_errorReason=did_not_occur")).isEmpty();
        assertThat(declared(where + "EQ_correctiveEventID=" + encoded(corrective))).containsExactly(true);
        assertThat(declared(where + "GE_errorDeclarationTime=" + encoded("2026-03-03T17:00:00+08:00")))
                .containsExactly(true);
        assertThat(declared(where + "LT_errorDeclarationTime=" + encoded("2026-03-03T17:00:00+08:00"))).isEmpty();
    }

    /** For each event the query answers, whether it is an error declaration. */
    private List<Boolean> declared(String query) {
        Response r = get(query, regulator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Boolean> declared = new ArrayList<>();
        r.json().at("/epcisBody/queryResults/resultsBody/eventList").forEach(e -> declared.add(e.has("errorDeclaration")));
        return declared;
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    /** Every page's eventIDs, following the Link headers. */
    private List<String> pages(String... namesAndValues) {
        List<String> ids = new ArrayList<>();
        Response r = query(namesAndValues);
        for (int page = 0; page < 10; page++) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().at("/epcisBody/queryResults/resultsBody/eventList")
                    .forEach(e -> ids.add(e.path("eventID").asString()));
            String link = lastHeaders.firstValue("Link").orElse(null);
            if (link == null) {
                return ids;
            }
            Matcher m = NEXT.matcher(link);
            assertThat(m.find()).as(link).isTrue();
            r = get(m.group(1), regulator);
        }
        throw new AssertionError("more than 10 pages");
    }

    @Test
    void more_events_than_max_event_count_is_a_query_too_large_problem() {
        Response tooMany = query("maxEventCount", "3");
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(413);
        assertThat(tooMany.json().path("type").asString()).isEqualTo("epcisException:QueryTooLargeException");
        assertThat(ids("maxEventCount", "4")).hasSize(4);
        // counted after the tests on the events themselves
        assertThat(ids("EQ_quantity", "250|200", "maxEventCount", "2")).containsExactly(run.e1(), run.e4());
    }

    @Test
    void odd_values_of_every_family_are_answered_or_refused_never_a_server_error() {
        List<String> names = List.of("GT_quantity", "EQ_value_CEL", "GE_time", "GT_" + NS + "#grade",
                "EQ_INNER_ILMD_" + NS + "#lab", "MATCH_epc", "MATCH_anyEPCClass", "MATCH_parentID",
                "EQ_bizTransaction_po", "EQ_destination_location", "WD_bizLocation", "EQ_readPoint", "orderBy",
                "eventCountLimit", "maxEventCount", "EXISTS_sensorElementList", "nextPageToken");
        List<String> values = List.of("1e999999999", "-1", "NaN", "1e99999999999", "2147483648", "x|y", "|",
                "urn:epc:idpat:sgtin:*.*.*", "urn:epc:idpat:sgtin:1", "urn:epc:id:sgtin:", "https://id.gs1.org/01/",
                "https://id.gs1.org/01/1/21/%", "https://e.org/gtin/x/ser/1", "%_\\", "ree:", "#", "a#b",
                "9999-12-31T23:59:59+14:00", "0000-01-01T00:00:00Z", "true");
        for (String name : names) {
            for (String value : values) {
                Response r = query(name, value, "orderBy", "eventTime").status() == 400 ? query(name, value)
                        : query(name, value, "orderBy", "eventTime");
                assertThat(r.status()).as(name + "=" + value + ": " + r.body()).isIn(200, 400, 413);
            }
        }
    }

    @Test
    void an_unknown_parameter_or_a_malformed_value_is_a_query_parameter_problem_naming_it() {
        for (String[] bad : List.of(new String[] {"EQ_nothing", "x"}, new String[] {"GT_quantity", "heavy"},
                new String[] {"eventCountLimit", "2"}, new String[] {"orderDirection", "UP"},
                new String[] {"EQ_acme:grade", "1"}, new String[] {"GE_time", "noon"})) {
            Response r = query(bad);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().path("type").asString()).isEqualTo("epcisException:QueryParameterException");
            assertThat(r.json().path("parameter").asString()).isEqualTo(bad[0]);
        }
    }
}
