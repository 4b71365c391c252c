package org.reetrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

import tools.jackson.databind.JsonNode;

/**
 * The inputs that broke the server (a 500) or were silently taken differently from what was sent, each answered
 * with a 400 problem naming the place, and nothing stored.
 */
class BadInputIT extends RunningAppIT {

    String p;
    String regulator;
    String miner;

    @BeforeEach
    void world() {
        p = UUID.randomUUID().toString().substring(0, 8);
        regulator = tokenFor(Caller.of("registrar " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-%s", "name": "Bad Input Pty", "country": "AU", "effective": "2025-01-01"}""".formatted(p))
                .status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "MINE-%1$s", "operator": "OP-%1$s", "name": "Mine", "kind": "MINE", "country": "AU",
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        miner = tokenFor(Caller.operator("miner " + p, "OP-" + p));
    }

    private String extract(String lot) {
        return """
                {"id": "x-%3$s", "type": "EXTRACT", "time": "2026-03-01T00:00:00Z", "facility": "MINE-%1$s",
                 "lot": "%2$s", "form": "ORE", "massKg": 1000, "compositionMg": {"Nd": 1000000}}""".formatted(p, lot, UUID.randomUUID());
    }

    private int events() {
        return jdbc.sql("select count(*) from ledger_event").query(Integer.class).single();
    }

    private static JsonNode problem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.body()).isTrue();
        return r.json();
    }

    @Test
    void a_nul_in_an_event_field_is_refused_naming_the_field() {
        int before = events();

        JsonNode problem = problem(postJson("/api/events", miner, extract("L-\\u0000-" + p)), 400);

        assertThat(problem.path("pointer").asString()).isEqualTo("/lot");
        assertThat(problem.path("detail").asString()).contains("U+0000 (NUL)");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void control_characters_unpaired_surrogates_and_non_characters_are_refused_in_keys_and_values() {
        for (String bad : new String[] {"\\u0001", "\\u001f", "\\ud800", "\\udfff", "\\uffff"}) {
            JsonNode problem = problem(postJson("/api/operators", regulator, """
                    {"id": "OPX-%s", "name": "Name %s", "country": "AU"}""".formatted(p, bad)), 400);
            assertThat(problem.path("pointer").asString()).as(bad).isEqualTo("/name");
        }
        JsonNode key = problem(postJson("/api/operators", regulator, """
                {"id": "OPX-%s", "name": "Name", "country": "AU", "k\\u0000": 1}""".formatted(p)), 400);
        assertThat(key.path("detail").asString()).contains("key");
        assertThat(get("/api/operators/OPX-" + p, regulator).status()).isEqualTo(404);
    }

    @Test
    void a_key_given_twice_is_refused_not_last_wins() {
        Response r = postJson("/api/operators", regulator, """
                {"id": "OPD-%s", "name": "First", "name": "Second", "country": "AU"}""".formatted(p));

        assertThat(problem(r, 400).path("detail").asString()).contains("Duplicate").contains("name");
        assertThat(get("/api/operators/OPD-" + p, regulator).status()).isEqualTo(404);
        assertThat(problem(postJson("/api/events", miner, extract("L-d-" + p).replace("\"form\": \"ORE\",",
                "\"form\": \"ORE\", \"form\": \"CONCENTRATE\",")), 400).path("detail").asString()).contains("Duplicate");
    }

    @Test
    void a_null_in_a_list_is_refused_naming_its_place() {
        Response r = send(request("/api/operators/OP-" + p + "/shareholders", regulator)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"holdings\": [null]}")));

        JsonNode problem = problem(r, 400);
        assertThat(problem.path("field").asString()).startsWith("holdings");
        assertThat(problem.path("detail").asString()).contains("must not be null");
        assertThat(get("/api/operators/OP-" + p, regulator).json().path("shareholders").size()).isZero();
    }

    @Test
    void a_capacity_that_is_no_number_or_out_of_range_is_refused_naming_it() {
        for (String capacity : new String[] {"\"a lot\"", "{}", "true"}) {
            JsonNode problem = problem(postJson("/api/facilities", regulator, """
                    {"id": "PLANT-%1$s", "operator": "OP-%1$s", "name": "Plant", "kind": "CONCENTRATOR", "country": "AU",
                     "processes": [{"process": "CONCENTRATION", "licensorCountry": "AU", "annualCapacityKg": %2$s}]}"""
                    .formatted(p, capacity)), 400);
            assertThat(problem.toString()).as(capacity).contains("processes[0].annualCapacityKg");
        }
        JsonNode huge = problem(postJson("/api/facilities", regulator, """
                {"id": "PLANT-%1$s", "operator": "OP-%1$s", "name": "Plant", "kind": "CONCENTRATOR", "country": "AU",
                 "processes": [{"process": "CONCENTRATION", "licensorCountry": "AU", "annualCapacityKg": 1e999999999}]}"""
                .formatted(p)), 400);
        assertThat(huge.path("pointer").asString()).isEqualTo("/processes/0/annualCapacityKg");
        assertThat(get("/api/facilities/PLANT-" + p, regulator).status()).isEqualTo(404);
    }

    @Test
    void a_control_character_in_a_csv_file_or_a_query_parameter_is_refused_with_its_place() {
        JsonNode csv = problem(post("/api/mirror-trade?from=2026-01&to=2026-06", regulator, "text/csv",
                "reporter,partner,hs_code,period,net_mass_kg,trade_value_usd\nCN,AU,2846.90,2026-02,22\u0000578,1\n"), 400);
        assertThat(csv.path("line").asInt()).isEqualTo(2);
        assertThat(csv.path("column").asInt()).isEqualTo(25);

        JsonNode query = problem(post("/api/rules/packs?source=a%00b", regulator, "text/plain", "pack: x"), 400);
        assertThat(query.path("parameter").asString()).isEqualTo("source");
    }

    @Test
    void a_control_character_in_an_epcis_document_or_query_is_refused_with_the_gs1_types() {
        String xml = """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2026-01-05T08:00:00Z"><EPCISBody><EventList>
                <ObjectEvent><eventTime>2026-01-05T08:00:00.000+08:00</eventTime>
                  <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:9555555.012345.&#1;</epc></epcList><action>OBSERVE</action>
                </ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>""";

        JsonNode document = problem(post("/epcis/capture", miner, "application/xml", xml), 400);
        JsonNode query = problem(get("/epcis/events?EQ_bizStep=a%00b", miner), 400);

        assertThat(document.path("type").asString()).isEqualTo("epcisException:ValidationException");
        assertThat(query.path("type").asString()).isEqualTo("epcisException:QueryParameterException");
        assertThat(query.path("parameter").asString()).isEqualTo("EQ_bizStep");
    }

    @Test
    void an_encoded_nul_in_the_path_is_a_problem_document_too() {
        Response r = postJson("/api/operators/OP-" + p + "%00/shareholders", regulator, "{\"holdings\": []}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.body()).isTrue();
    }

    @Test
    void an_epcis_extraction_whose_composition_is_not_an_object_is_refused_not_booked_without_elements() {
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                   {"ree": "https://reetrace.org/epcis/profile/1#"}],
                 "type": "ObjectEvent", "eventTime": "2026-03-02T00:15:00Z", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:%2$s", "action": "ADD", "bizStep": "commissioning",
                 "bizLocation": {"id": "urn:reetrace:facility:MINE-%1$s"},
                 "quantityList": [{"epcClass": "urn:reetrace:lot:E-%1$s", "quantity": 1000, "uom": "KGM"}],
                 "ilmd": {"ree:lot": {"ree:epcClass": "urn:reetrace:lot:E-%1$s", "ree:materialForm": "ORE",
                   "ree:composition": %3$s}},
                 "ree:ledgerEvent": %4$s}""";
        int before = events();

        JsonNode text = problem(post("/epcis/events", miner, "application/ld+json",
                event.formatted(p, UUID.randomUUID(), "\"1800000\"", "\"EXTRACT\"")), 400);
        JsonNode ledgerEvent = problem(post("/epcis/events", miner, "application/ld+json",
                event.formatted(p, UUID.randomUUID(), "{\"ree:Nd\": 1}", "{\"value\": \"EXTRACT\"}")), 400);
        JsonNode nul = problem(post("/epcis/capture", miner, "application/ld+json", """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                   {"ree": "https://reetrace.org/epcis/profile/1#"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-31T16:00:00Z",
                 "epcisBody": {"eventList": [%s]}}""".formatted(event.formatted(p, UUID.randomUUID(), "{\"ree:Nd\": 1}",
                "\"EXT\\u0000RACT\"").replaceFirst("\"@context\"[^]]*],", ""))), 400);

        assertThat(text.path("type").asString()).isEqualTo("epcisException:ValidationException");
        assertThat(text.at("/errors/0/pointer").asString()).isEqualTo("/ilmd/ree:lot/ree:composition");
        assertThat(ledgerEvent.at("/errors/0/pointer").asString()).isEqualTo("/ree:ledgerEvent");
        assertThat(nul.path("type").asString()).isEqualTo("epcisException:ValidationException");
        assertThat(nul.at("/errors/0/pointer").asString()).isEqualTo("/epcisBody/eventList/0/ree:ledgerEvent");
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from lot where id = ?").param("E-" + p).query(Integer.class).single()).isZero();
    }
}
