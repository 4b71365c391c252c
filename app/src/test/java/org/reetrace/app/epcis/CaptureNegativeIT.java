package org.reetrace.app.epcis;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityKind;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of violation, posted over HTTP, is refused with a problem typed with the GS1 exception name and
 * naming where the fault is (event index and JSON pointer, or XML line), and leaves nothing behind: no event row,
 * no capture job. (The event-count and file-size limits, 413, are tested one level down in DocumentCheckTest and
 * SpoolTest: their defaults are too large to pass over HTTP, and lowering them would start a second application.)
 */
class CaptureNegativeIT extends EpcisBase {
    static final String VALIDATION = "epcisException:ValidationException";
    static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    static final String CONTEXT = "\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],";
    static final String GOOD_EVENT = """
            {"type": "ObjectEvent", "eventTime": "2026-01-05T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["urn:epc:id:sgtin:9555555.012345.1"], "action": "OBSERVE", "bizStep": "inspecting",
             "quantityList": [{"epcClass": "urn:epc:class:lgtin:9555555.012345.L1", "quantity": 5, "uom": "KGM"}]}""";


    String operator;
    String regulator;

    @BeforeEach
    void registerTheMine() {
        operator = tokenFor(Caller.operator("ree-ops", EpcisIT.OPERATOR));
        regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        registry.reload();
        facility("MY-MINE-1", FacilityKind.MINE, Map.of());
    }

    /** A document whose first event is good and whose second is {@code second}; {@code context} may be empty. */
    static String document(String context, String second) {
        return "{" + context + """
                "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-05T08:00:00Z",
                "epcisBody": {"eventList": [""" + GOOD_EVENT + "," + second + "]}}";
    }

    static String secondEventWith(String field, String value) {
        return GOOD_EVENT.replaceFirst("\"" + field + "\": [^,}\\]]+", "\"" + field + "\": " + value);
    }

    // ---- capture: the document is refused whole, with where the fault is ----

    @Test
    void a_document_without_context_is_refused_at_document_level() {
        JsonNode problem = refusedCapture("application/ld+json", document("", GOOD_EVENT), 400, VALIDATION);

        assertThat(problem.path("errors").toString()).contains("@context");
    }

    @Test
    void a_bad_action_is_refused_at_the_second_event_s_action() {
        JsonNode problem = refusedCapture("application/ld+json", document(CONTEXT, secondEventWith("action", "\"MOVE\"")),
                400, VALIDATION);

        assertThat(problem.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/epcisBody/eventList/1/action");
    }

    @Test
    void an_event_time_that_is_no_time_is_refused_at_the_second_event_s_event_time() {
        JsonNode problem = refusedCapture("application/ld+json",
                document(CONTEXT, secondEventWith("eventTime", "\"yesterday noon\"")), 400, VALIDATION);

        assertThat(problem.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/epcisBody/eventList/1/eventTime");
    }

    @Test
    void a_quantity_written_as_text_is_refused_at_that_quantity() {
        JsonNode problem = refusedCapture("application/ld+json",
                document(CONTEXT, secondEventWith("quantity", "\"five\"")), 400, VALIDATION);

        assertThat(problem.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/epcisBody/eventList/1/quantityList/0/quantity");
    }

    @Test
    void an_unknown_top_level_field_is_refused() {
        String doc = document(CONTEXT, GOOD_EVENT).replaceFirst("\"type\": \"EPCISDocument\",",
                "\"type\": \"EPCISDocument\", \"colour\": \"red\",");

        JsonNode problem = refusedCapture("application/ld+json", doc, 400, VALIDATION);

        assertThat(problem.path("errors").toString()).contains("colour");
        assertThat(problem.at("/errors/0/eventIndex").isMissingNode()).as("a document-level problem").isTrue();
    }

    @Test
    void an_unknown_field_without_namespace_in_an_event_is_refused_at_that_event() {
        JsonNode problem = refusedCapture("application/ld+json",
                document(CONTEXT, GOOD_EVENT.replace("\"action\"", "\"colour\": \"red\", \"action\"")), 400, VALIDATION);

        assertThat(problem.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        assertThat(problem.at("/errors/0/pointer").asString()).startsWith("/epcisBody/eventList/1");
    }

    @Test
    void an_xml_event_with_its_elements_in_the_wrong_order_is_refused_at_its_line() {
        String good = """
                <ObjectEvent><eventTime>2026-01-05T08:00:00.000+08:00</eventTime>
                  <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:9555555.012345.1</epc></epcList><action>OBSERVE</action>
                </ObjectEvent>""";
        String swapped = """
                <ObjectEvent><eventTime>2026-01-05T08:00:00.000+08:00</eventTime>
                  <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                  <action>OBSERVE</action><epcList><epc>urn:epc:id:sgtin:9555555.012345.1</epc></epcList>
                </ObjectEvent>""";

        JsonNode problem = refusedCapture("application/xml", xmlDocument(good + "\n" + swapped), 400, VALIDATION);

        assertThat(problem.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        assertThat(problem.at("/errors/0/line").asString()).matches("\\d+:\\d+");
    }

    @Test
    void an_xml_document_with_a_doctype_and_an_external_entity_is_refused() {
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + xmlDocument("<ObjectEvent><eventTime>2026-01-05T08:00:00.000+08:00</eventTime>"
                + "<eventTimeZoneOffset>+08:00</eventTimeZoneOffset><epcList><epc>&secret;</epc></epcList>"
                + "<action>OBSERVE</action></ObjectEvent>");

        JsonNode problem = refusedCapture("application/xml", hostile, 400, VALIDATION);

        assertThat(problem.toString()).doesNotContain("root:");
    }

    @Test
    void malformed_json_is_refused() {
        JsonNode problem = refusedCapture("application/ld+json", document(CONTEXT, GOOD_EVENT).replace("]}}", "]"),
                400, VALIDATION);

        assertThat(problem.path("problemCount").asInt()).isPositive();
    }

    @Test
    void an_empty_body_is_refused() {
        refusedCapture("application/ld+json", "", 400, VALIDATION);
        refusedCapture("application/xml", "", 400, VALIDATION);
    }

    @Test
    void a_document_with_no_events_is_refused() {
        JsonNode problem = refusedCapture("application/ld+json", document(CONTEXT, GOOD_EVENT)
                .replace(GOOD_EVENT + "," + GOOD_EVENT, ""), 400, VALIDATION);

        assertThat(problem.path("detail").asString()).contains("no events");
    }

    @Test
    void a_media_type_that_is_not_epcis_is_refused_with_415() {
        refusedCapture("text/csv", "eventTime,action\n2026-01-05T08:00:00Z,OBSERVE", 415,
                "epcisException:UnsupportedMediaTypeException");
    }

    @Test
    void an_unknown_capture_error_behaviour_is_refused() {
        long before = storedRows();
        Response r = capture(operator, "application/ld+json", document(CONTEXT, GOOD_EVENT), "ignore");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).isEqualTo(VALIDATION);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void a_profile_event_with_its_mass_in_pounds_is_refused_at_its_unit() {
        String extract = EpcisIT.example("extract").replace("000000000001", uniqueSuffix())
                .replace("ORE-2026-0001", "ORE-NEG-" + uniqueSuffix()).replace("\"KGM\"", "\"LBR\"");

        JsonNode problem = refusedCapture("application/ld+json", extract, 400, VALIDATION);

        assertThat(problem.at("/errors/0/eventIndex").asInt()).isZero();
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/epcisBody/eventList/0/quantityList/0/uom");
        assertThat(problem.at("/errors/0/message").asString()).contains("rare-earth profile");
    }

    // ---- rollback: a refusal by the ledger fails the job and keeps every event out ----

    @Test
    void under_rollback_a_second_event_the_ledger_refuses_keeps_the_first_out_too() {
        String suffix = uniqueSuffix();
        String firstId = "urn:uuid:7f0c2a4e-0001-4c1a-9a51-" + suffix;
        String lot = "ORE-NEG-" + suffix;
        String extract = EpcisIT.example("extract").replace("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000001", firstId)
                .replace("ORE-2026-0001", lot);
        // a shipment of a lot nobody ever extracted: the ledger refuses it
        String ship = EpcisIT.example("ship").replace("000000000003", uniqueSuffix())
                .replace("ORE-2026-0001", "ORE-NEVER-" + suffix);
        registerPlant();
        String both = extract.substring(0, extract.lastIndexOf(']')) + ","
                + ship.substring(ship.indexOf("\"eventList\" : [") + "\"eventList\" : [".length(), ship.lastIndexOf(']'))
                + "] } }";
        long before = storedRows();

        JsonNode job = jobOf(operator, "application/ld+json", both, "rollback");

        assertThat(job.path("success").asBoolean()).as(job.toString()).isFalse();
        assertThat(job.path("storedCount").asInt()).isZero();
        assertThat(job.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        assertThat(job.at("/errors/0/type").asString()).startsWith("https://reetrace.org/problems/ledger-");
        assertThat(jdbc.sql("select count(*) from epcis_event where event_id = ?").param(firstId).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from epcis_event").query(Long.class).single()).isEqualTo(before);
        assertThat(get("/api/lots/" + lot, operator).status()).as("the first event's lot").isEqualTo(404);
    }

    // ---- single events ----

    @Test
    void a_single_event_without_context_is_refused_at_its_context() {
        long before = storedRows();
        Response r = post("/epcis/events", operator, "application/ld+json", GOOD_EVENT);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).isEqualTo(VALIDATION);
        assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("/@context");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void a_single_event_with_a_bad_action_is_refused_at_its_action() {
        long before = storedRows();
        String event = "{" + CONTEXT + GOOD_EVENT.substring(1).replace("\"OBSERVE\"", "\"MOVE\"");
        Response r = post("/epcis/events", operator, "application/ld+json", event);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/eventIndex").asInt()).isZero();
        assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("/action");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void a_single_event_in_xml_is_refused_with_415() {
        Response r = post("/epcis/events", operator, "application/xml", "<ObjectEvent/>");

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().path("type").asString()).isEqualTo("epcisException:UnsupportedMediaTypeException");
    }

    // ---- query parameters ----

    @Test
    void an_unknown_query_parameter_is_refused_by_name() {
        assertQueryRefused("/epcis/events?EQ_colour=red", "EQ_colour");
    }

    @Test
    void a_ge_event_time_that_is_no_time_is_refused() {
        assertQueryRefused("/epcis/events?GE_eventTime=yesterday", "GE_eventTime");
    }

    @Test
    void a_page_size_out_of_range_or_not_a_number_is_refused() {
        assertQueryRefused("/epcis/events?perPage=0", "perPage");
        assertQueryRefused("/epcis/events?perPage=1000000", "perPage");
        assertQueryRefused("/epcis/events?perPage=many", "perPage");
    }

    @Test
    void a_next_page_token_this_repository_did_not_issue_is_refused() {
        assertQueryRefused("/epcis/events?nextPageToken=not-a-token", "nextPageToken");
    }

    @Test
    void an_unknown_action_or_event_type_in_a_query_is_refused() {
        assertQueryRefused("/epcis/events?EQ_action=MOVE", "EQ_action");
        assertQueryRefused("/epcis/events?eventType=ShipEvent", "eventType");
        assertQueryRefused("/epcis/eventTypes/ObjectEvent/events?perPage=-1", "perPage");
    }

    // ---- helpers ----

    private JsonNode refusedCapture(String contentType, String body, int status, String type) {
        long before = storedRows();
        long jobs = jobs();
        Response r = capture(operator, contentType, body, null);

        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.body()).isTrue();
        JsonNode problem = r.json();
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(storedRows()).as("event rows").isEqualTo(before);
        assertThat(jobs()).as("capture jobs").isEqualTo(jobs);
        return problem;
    }

    private void assertQueryRefused(String query, String parameter) {
        Response r = get(query, regulator);

        assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).isEqualTo(QUERY_PARAMETER);
        assertThat(r.json().path("parameter").asString()).isEqualTo(parameter);
    }

    private long storedRows() {
        return jdbc.sql("select count(*) from epcis_event").query(Long.class).single();
    }

    private long jobs() {
        return jdbc.sql("select count(*) from capture_job").query(Long.class).single();
    }

    private void registerPlant() {
        facility("MY-PLANT-1", FacilityKind.CRACKING_PLANT,
                Map.of(org.reetrace.core.process.ProcessKind.CRACKING, CountryCode.of("MY")));
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String xmlDocument(String events) {
        return """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2026-01-05T08:00:00Z"><EPCISBody><EventList>
                """ + events + "\n</EventList></EPCISBody></epcis:EPCISDocument>";
    }
}
