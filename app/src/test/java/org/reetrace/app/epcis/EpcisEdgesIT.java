package org.reetrace.app.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.FacilityKind;

import tools.jackson.databind.JsonNode;

/**
 * The edges an integrating client meets: ids that are URIs (hash ids, Digital Links) fetched by path, requests
 * Tomcat would refuse before the application answered as problems, the GS1 version and paging headers, and a
 * document without eventIDs captured twice stored once.
 */
class EpcisEdgesIT extends EpcisBase {

    String operator;
    String regulator;

    @BeforeEach
    void world() {
        operator = tokenFor(Caller.operator("ree-ops", OPERATOR));
        regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        facility("MY-MINE-1", FacilityKind.MINE, Map.of());
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static JsonNode eventList(Response r) {
        return r.json().at("/epcisBody/queryResults/resultsBody/eventList");
    }

    /** An ObjectEvent of this test's own EPC, with {@code eventID} unless null. */
    private static String event(String eventID, String epc) {
        return """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 %s"epcList": ["%s"], "action": "OBSERVE", "bizStep": "inspecting",
                 "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"}}""".formatted(
                eventID == null ? "" : "\"eventID\": \"" + eventID + "\", ", epc);
    }

    private static String document(String... events) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-02T08:00:00Z",
                 "epcisBody": {"eventList": [""" + String.join(",", events) + "]}}";
    }

    private static String sgtin() {
        return "urn:epc:id:sgtin:9555000.012345." + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void an_event_without_event_id_is_named_by_its_hash_and_read_back_by_that_id() {
        String epc = sgtin();
        assertThat(jobOf(operator, "application/ld+json", document(event(null, epc)), null).path("success")
                .asBoolean()).isTrue();
        String id = eventList(get("/epcis/events?MATCH_epc=" + encoded(epc), operator)).path(0).path("eventID")
                .asString();
        assertThat(id).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");

        Response byPath = get("/epcis/events/" + encoded(id), operator);

        assertThat(byPath.status()).as(byPath.body()).isEqualTo(200);
        assertThat(eventList(byPath).path(0).path("eventID").asString()).isEqualTo(id);
        // the same id with its ';' and '=' left unencoded, as some clients send it
        Response partly = get("/epcis/events/" + encoded(id).replace("%3B", ";").replace("%3D", "="), operator);
        assertThat(partly.status()).as(partly.body()).isEqualTo(200);
    }

    @Test
    void a_document_without_event_ids_captured_twice_stores_its_events_once() {
        String epc = sgtin();
        String doc = document(event(null, epc), event(null, sgtin()));

        JsonNode first = jobOf(operator, "application/ld+json", doc, null);
        JsonNode again = jobOf(operator, "application/ld+json", doc, null);

        assertThat(first.path("success").asBoolean()).as(first.toString()).isTrue();
        assertThat(again.path("success").asBoolean()).as(again.toString()).isTrue();
        assertThat(first.path("storedCount").asInt()).isEqualTo(2);
        assertThat(again.path("storedCount").asInt()).isZero();
        assertThat(eventList(get("/epcis/events?MATCH_epc=" + encoded(epc), regulator)).size()).isEqualTo(1);
    }

    @Test
    void ids_and_epcs_that_are_uris_with_slashes_question_marks_and_semicolons_are_routable() {
        String epc = "https://id.gs1.org/01/09555000123457/21/" + UUID.randomUUID().toString().substring(0, 8);
        String[] ids = {"urn:uuid:" + UUID.randomUUID(),
                "https://id.example.org/events/" + UUID.randomUUID() + ";v=1?src=a/b",
                "ni:///sha-256;" + "0".repeat(56) + UUID.randomUUID().toString().substring(0, 8) + "?ver=CBV2.0"};
        for (String id : ids) {
            String captured = event(id, epc);
            Response r = send(request("/epcis/events", operator).header("Content-Type", "application/ld+json")
                    .POST(HttpRequest.BodyPublishers.ofString(captured.replace("{\"type\"",
                            "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], "
                                    + "\"type\""))));
            assertThat(r.status()).as(r.body()).isEqualTo(201);

            Response byLocation = get(lastLocation, operator);
            Response byPath = get("/epcis/events/" + encoded(id), operator);

            assertThat(byLocation.status()).as(id + " " + byLocation.body()).isEqualTo(200);
            assertThat(byPath.status()).as(id + " " + byPath.body()).isEqualTo(200);
            assertThat(eventList(byPath).path(0).path("eventID").asString()).isEqualTo(id);
        }
        Response ofEpc = get("/epcis/epcs/" + encoded(epc) + "/events", operator);
        assertThat(ofEpc.status()).as(ofEpc.body()).isEqualTo(200);
        assertThat(eventList(ofEpc).size()).isEqualTo(3);
        assertThat(get("/epcis/epcs/" + encoded(epc), operator).status()).isEqualTo(200);
        Response unknown = get("/epcis/events/" + encoded("ni:///sha-256;" + "f".repeat(64) + "?ver=CBV2.0"), operator);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("epcisException:NoSuchResourceException");
        for (String native_ : new String[] {"/api/lots/", "/api/events/"}) {
            Response r = get(native_ + encoded("https://id.gs1.org/01/09555000123457/10/NO-SUCH;v=1?x"), operator);
            assertThat(r.status()).as(native_ + " " + r.body()).isEqualTo(404);
            assertThat(r.isProblem()).isTrue();
        }
    }

    @Test
    void a_version_the_client_asks_for_that_is_not_spoken_here_is_the_binding_s_406() {
        Response tooNew = send(request("/epcis/events", operator).header("GS1-EPCIS-Min", "2.1.0").GET());
        assertThat(tooNew.status()).as(tooNew.body()).isEqualTo(406);
        assertThat(tooNew.isProblem()).isTrue();
        assertThat(tooNew.json().path("type").asString()).isEqualTo("epcisException:NotAcceptableException");
        assertThat(lastHeaders.firstValue("GS1-EPCIS-Version")).contains("2.0.0");

        Response tooOld = send(request("/epcis/events", operator).header("GS1-EPCIS-Max", "1.2").GET());
        assertThat(tooOld.status()).isEqualTo(406);
        Response cbv = send(request("/epcis/events", operator).header("GS1-CBV-Min", "2.1.0").GET());
        assertThat(cbv.status()).isEqualTo(406);

        Response spoken = send(request("/epcis/events?perPage=1", operator).header("GS1-EPCIS-Min", "1.2.0")
                .header("GS1-EPCIS-Max", "2.0.0").GET());
        assertThat(spoken.status()).as(spoken.body()).isEqualTo(200);
        assertThat(lastHeaders.firstValue("GS1-Extensions")).contains("ree=https://reetrace.org/epcis/profile/1#");

        Response garbled = send(request("/epcis/events", operator).header("GS1-EPCIS-Min", "two").GET());
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().path("type").asString()).isEqualTo("epcisException:ValidationException");
    }

    @Test
    void a_paged_answer_says_when_its_next_page_token_expires_and_an_expired_token_is_refused() {
        String epc = sgtin();
        assertThat(jobOf(operator, "application/ld+json", document(event(null, epc), event(null, epc.replace(
                "012345.", "012345.b"))), null).path("success").asBoolean()).isTrue();

        Instant asked = Instant.now();
        Response first = get("/epcis/events?perPage=1", regulator);

        assertThat(first.status()).isEqualTo(200);
        assertThat(lastHeaders.firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("nextPageToken="));
        Instant expires = Instant.parse(lastHeaders.firstValue("GS1-Next-Page-Token-Expires").orElseThrow());
        assertThat(expires).isAfter(asked.plusSeconds(3000)).isBefore(asked.plusSeconds(3700));
        assertThat(lastHeaders.firstValue("GS1-Extensions")).isPresent();

        Response expired = get("/epcis/events?perPage=1&nextPageToken="
                + EventQuery.token(1, Instant.now().minusSeconds(1)), regulator);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().path("type").asString()).isEqualTo("epcisException:QueryParameterException");
        assertThat(expired.json().path("detail").asString()).contains("expired");
    }

    /** A request sent byte for byte, as HttpClient would not send it: the status line, headers and body. */
    private String raw(String target, String... headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + operator + "\r\nAccept: application/json\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(String answer, int status, String type) {
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase()).as(answer).contains("content-type: application/problem+json");
        assertThat(answer).as(answer).contains("\"type\":\"" + type + "\"").doesNotContain("<html");
    }

    @Test
    void characters_tomcat_refuses_in_a_query_reach_the_application_and_list_values_split_on_a_raw_bar()
            throws IOException {
        String bars = raw("/epcis/events?EQ_action=ADD|OBSERVE&perPage=1");
        assertThat(bars).as(bars).startsWith("HTTP/1.1 200");

        assertProblem(raw("/epcis/events?EQ_action={ADD}"), 400, "epcisException:QueryParameterException");
        assertProblem(raw("/epcis/events?x[]=1"), 400, "epcisException:QueryParameterException");
    }

    @Test
    void a_bad_percent_escape_an_over_long_header_or_uri_is_a_problem_not_a_container_page() throws IOException {
        assertProblem(raw("/epcis/events/%zz"), 400, "epcisException:ValidationException");
        assertProblem(raw("/api/lots/%zz"), 400, "https://reetrace.org/problems/bad-request");
        assertProblem(raw("/epcis/events?EQ_bizStep=%zz"), 400, "epcisException:QueryParameterException");
        String header = raw("/epcis/events", "X-Padding: " + "x".repeat(20_000));
        assertThat(header).as(header).startsWith("HTTP/1.1 4");
        assertThat(header).contains("application/problem+json").contains("epcisException:");
        // a request line over the limit is refused before its path is known: a problem of the generic type
        String uri = raw("/epcis/events?EQ_bizStep=" + "x".repeat(20_000));
        assertThat(uri).as(uri).startsWith("HTTP/1.1 4");
        assertThat(uri).contains("application/problem+json").doesNotContain("<html");
    }
}
