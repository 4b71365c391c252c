package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityKind;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EPCIS interface against the running application and its PostgreSQL: the rare-earth example documents
 * (docs/epcis-examples) drive the ledger, bad documents and queries are refused with the GS1 problem types.
 */
class EpcisIT extends EpcisBase {
    static final Path EXAMPLES = Path.of("..", "docs", "epcis-examples");
    String operator;
    String regulator;

    @BeforeEach
    void registerTheChain() {
        operator = tokenFor(Caller.operator("ree-ops", OPERATOR));
        regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        registry.reload();
        facility("MY-MINE-1", FacilityKind.MINE, Map.of());
        facility("MY-PLANT-1", FacilityKind.CRACKING_PLANT, Map.of(ProcessKind.CRACKING, CountryCode.of("MY")));
        facility("MY-RWDF-1", FacilityKind.DISPOSAL_FACILITY, Map.of());
    }

    static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name + ".jsonld"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of several example documents in one document, in order. */
    static String chain(String... names) {
        StringBuilder events = new StringBuilder();
        for (String n : names) {
            String doc = example(n);
            String list = doc.substring(doc.indexOf("\"eventList\" : [") + "\"eventList\" : [".length(), doc.lastIndexOf("]"));
            events.append(events.isEmpty() ? "" : ",").append(list);
        }
        String first = example(names[0]);
        return first.substring(0, first.indexOf("\"eventList\" : [") + "\"eventList\" : [".length()) + events + "] } }";
    }

    @Test
    void the_capture_interface_advertises_versions_limits_and_error_behaviours() {
        Response r = send(request("/epcis/capture", operator).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(r.status()).isEqualTo(204);
        assertThat(lastHeaders.firstValue("GS1-EPCIS-Version")).contains("2.0.0");
        assertThat(lastHeaders.firstValue("GS1-EPCIS-Capture-Limit")).contains("200000");
        assertThat(lastHeaders.firstValue("GS1-EPCIS-Capture-File-Size-Limit")).isPresent();
        assertThat(lastHeaders.firstValue("GS1-Capture-Error-Behaviour")).contains("rollback, proceed");
        assertThat(lastHeaders.firstValue("Allow")).contains("OPTIONS, POST, GET");
    }

    @Test
    void a_profile_document_drives_the_ledger_and_its_lots_appear_in_the_native_api() {
        JsonNode job = jobOf(operator, "application/ld+json",
                chain("extract", "assay", "ship", "receive", "transform", "export", "import", "adjust"), null);

        assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
        assertThat(job.path("storedCount").asInt()).isEqualTo(8);
        JsonNode mrec = get("/api/lots/urn:epc:class:lgtin:9555000.012345.MREC-7", operator).json();
        assertThat(mrec.path("status").asString()).isEqualTo("EXPORTED");
        assertThat(mrec.path("form").asString()).isEqualTo("MIXED_RE_COMPOUND");
        JsonNode imported = get("/api/lots/IMP-AU-2026-3", operator).json();
        assertThat(imported.path("massKg").decimalValue()).isEqualByComparingTo("19990");
        Response transform = get("/epcis/events?EQ_eventID=urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000005", operator);
        assertThat(transform.json().at("/epcisBody/queryResults/resultsBody/eventList/0/ree:process").asString())
                .isEqualTo("CRACKING");
    }

    @Test
    void under_rollback_an_event_the_ledger_refuses_fails_the_job_and_nothing_is_stored() {
        // DISPOSE at the disposal facility of a lot it does not hold: the ledger refuses it
        String doc = chain("dispose").replace("000000000008", "0000000000a8");
        JsonNode job = jobOf(operator, "application/ld+json", doc, "rollback");

        assertThat(job.path("success").asBoolean()).isFalse();
        assertThat(job.path("captureErrorBehaviour").asString()).isEqualTo("rollback");
        assertThat(job.at("/errors/0/eventIndex").asInt()).isEqualTo(0);
        assertThat(job.at("/errors/0/type").asString()).startsWith("https://reetrace.org/problems/ledger-");
        assertThat(get("/epcis/events?EQ_eventID=urn:uuid:7f0c2a4e-0001-4c1a-9a51-0000000000a8", regulator).json()
                .at("/epcisBody/queryResults/resultsBody/eventList").size()).isZero();
    }

    @Test
    void under_proceed_the_refused_event_is_listed_and_the_others_are_stored() {
        String doc = chain("dispose").replace("000000000008", "0000000000b8");
        // one valid non-profile event after the refused one, at a facility of this operator
        String other = plainEvent("urn:reetrace:facility:MY-PLANT-1", 1);
        String both = doc.substring(0, doc.lastIndexOf("]")) + "," + other + "] } }";
        JsonNode job = jobOf(operator, "application/ld+json", both, "proceed");

        assertThat(job.path("success").asBoolean()).as(job.toString()).isFalse();
        assertThat(job.path("storedCount").asInt()).isEqualTo(1);
        assertThat(job.path("errors").size()).isEqualTo(1);
        assertThat(job.at("/errors/0/eventIndex").asInt()).isZero();
    }

    @Test
    void an_operator_cannot_capture_at_another_operator_s_facility() {
        String other = tokenFor(Caller.operator("competitor", "OP-EPCIS-OTHER"));

        Response r = capture(other, "application/ld+json", example("ship").replace("000000000003", "0000000000c3"), null);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/errors/0/eventIndex").asInt()).isZero();
    }

    @Test
    void an_operator_queries_only_events_of_its_own_facilities_and_the_regulator_all() {
        String doc = example("ship").replace("000000000003", "0000000000d3");
        assertThat(jobOf(operator, "application/ld+json", doc, null).path("success").asBoolean()).isFalse(); // lot unknown
        String gs1 = plainDocument("urn:reetrace:facility:MY-MINE-1", 2);
        JsonNode job = jobOf(operator, "application/ld+json", gs1, null);
        assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
        String other = tokenFor(Caller.operator("competitor", "OP-EPCIS-OTHER"));

        String query = "/epcis/events?EQ_bizLocation=urn:reetrace:facility:MY-MINE-1&eventType=ObjectEvent";
        assertThat(get(query, operator).json().at("/epcisBody/queryResults/resultsBody/eventList").size()).isPositive();
        assertThat(get(query, regulator).json().at("/epcisBody/queryResults/resultsBody/eventList").size()).isPositive();
        assertThat(get(query, other).json().at("/epcisBody/queryResults/resultsBody/eventList").size()).isZero();
        assertThat(get("/epcis/bizLocations", other).json().path("member").size()).isZero();
        assertThat(get("/epcis/bizLocations", operator).json().path("member").toString()).contains("MY-MINE-1");
    }

    @Test
    void pages_follow_with_a_next_page_token_in_the_link_header() {
        String gs1 = plainDocument("urn:reetrace:facility:MY-PLANT-1", 2);
        Instant before = Instant.now().minusMillis(1);
        assertThat(jobOf(operator, "application/ld+json", gs1, null).path("success").asBoolean()).isTrue();

        String query = "/epcis/events?GE_recordTime=" + before + "&perPage=1";
        Response first = get(query, regulator);
        String link = lastHeaders.firstValue("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("nextPageToken=");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Response second = get(next, regulator);

        assertThat(first.json().at("/epcisBody/queryResults/resultsBody/eventList").size()).isEqualTo(1);
        assertThat(second.json().at("/epcisBody/queryResults/resultsBody/eventList/0/eventID").asString())
                .isNotEqualTo(first.json().at("/epcisBody/queryResults/resultsBody/eventList/0/eventID").asString());
    }

    @Test
    void answers_come_in_xml_when_the_client_asks_for_xml() {
        Response r = send(request("/epcis/events?perPage=1", regulator).setHeader("Accept", "application/xml").GET());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(r.body()).contains("EPCISQueryDocument");
    }

    @Test
    void a_single_event_is_captured_with_201_and_its_location() {
        String event = plainEvent("urn:reetrace:facility:MY-PLANT-1", 7);
        String withContext = "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
                + event.substring(1);

        Response r = post("/epcis/events", operator, "application/ld+json", withContext);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(lastLocation).startsWith("/epcis/events/");
        assertThat(get(lastLocation, regulator).status()).isEqualTo(200);
    }

    @Test
    void every_query_resource_answers_options_with_its_methods_and_the_gs1_versions() {
        for (String path : List.of("/epcis/eventTypes", "/epcis/eventTypes/ObjectEvent/events", "/epcis/epcs",
                "/epcis/epcs/urn:epc:id:sgtin:9555000.012345.1", "/epcis/epcs/urn:epc:id:sgtin:9555000.012345.1/events",
                "/epcis/bizSteps", "/epcis/bizLocations/urn:reetrace:facility:MY-MINE-1/events", "/epcis/readPoints",
                "/epcis/dispositions/in_progress", "/epcis")) {
            Response r = send(request(path, regulator).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

            assertThat(r.status()).as(path).isEqualTo(204);
            assertThat(lastHeaders.firstValue("Allow")).as(path).contains("OPTIONS, GET");
            assertThat(lastHeaders.firstValue("GS1-EPCIS-Version")).as(path).contains("2.0.0");
            assertThat(lastHeaders.firstValue("GS1-EPCIS-Min")).as(path).contains("2.0.0");
            assertThat(lastHeaders.firstValue("GS1-CBV-Max")).as(path).contains("2.0.0");
            assertThat(lastHeaders.firstValue("GS1-Extensions")).as(path).hasValueSatisfying(v -> assertThat(v).contains("ree="));
        }
        send(request("/epcis/events", regulator).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(lastHeaders.firstValue("Allow")).contains("OPTIONS, GET, POST");
    }

    @Test
    void the_epcs_of_an_operator_s_events_are_listed_for_it_and_not_for_another_operator() {
        String doc = plainDocument("urn:reetrace:facility:MY-MINE-1", 1).replace("9555000.012345.0", "9555000.012345.EPCS-1");
        assertThat(jobOf(operator, "application/ld+json", doc, null).path("success").asBoolean()).isTrue();
        String other = tokenFor(Caller.operator("competitor", "OP-EPCIS-OTHER"));

        assertThat(get("/epcis/epcs", operator).json().path("member").toString())
                .contains("urn:epc:id:sgtin:9555000.012345.EPCS-1");
        assertThat(get("/epcis/epcs", other).json().path("member").toString()).doesNotContain("EPCS-1");
        assertThat(get("/epcis/epcs/urn:epc:id:sgtin:9555000.012345.EPCS-1", operator).json().path("member").toString())
                .contains("events");
    }

    @Test
    void the_epcis_interface_needs_a_bearer_token() {
        for (String path : List.of("/epcis", "/epcis/events", "/epcis/capture")) {
            Response r = get(path, null);

            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.isProblem()).as(path).isTrue();
        }
        assertThat(get("/epcis/events", "rtk_not-a-token").status()).isEqualTo(401);
    }
}
