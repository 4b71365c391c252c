package org.reetrace.app.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.springframework.http.HttpStatus;

/**
 * The SimpleEventQuery's parameters as they are read: each family taken, a malformed value or an unknown name
 * refused naming the parameter, the shaping parameters checked together, and the tests of what only the event
 * holds.
 */
class EventQueryTest {
    private static final EpcisSettings SETTINGS = new EpcisSettings(3, 4096, 30, 1000, Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");
    private static final Caller REGULATOR = Caller.of("agency", Role.REGULATOR);

    private static EventQuery parse(String... namesAndValues) {
        Map<String, String[]> raw = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            raw.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return EventQuery.parse(raw, SETTINGS, NOW);
    }

    private static void refused(String name, String value, String because) {
        assertThatThrownBy(() -> parse(name, value)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(p.type().toString()).isEqualTo(EpcisProblems.QUERY_PARAMETER);
            assertThat(p.detail()).startsWith(name + ": ").contains(because);
        });
    }

    @Test
    void every_family_of_8_2_7_1_is_taken() {
        for (String name : List.of("EQ_bizTransaction_po", "EQ_source_owning_party", "EQ_destination_location",
                "EQ_transformationID", "MATCH_parentID", "MATCH_inputEPC", "MATCH_outputEPC", "MATCH_inputEPCClass",
                "MATCH_outputEPCClass", "WD_readPoint", "WD_bizLocation", "EQ_persistentDisposition_set",
                "EQ_errorReason", "EQ_correctiveEventID", "EQ_type", "EQ_deviceID", "EQ_uom", "EQ_stringValue",
                "EQ_https://ns.example.com/epcis/#grade", "EQ_ILMD_ree:process", "EQ_INNER_ree:process",
                "EQ_INNER_ILMD_https://ns.example.com/epcis/lab", "EQ_SENSORREPORT_ree:x", "EQ_readPoint_ree:x")) {
            assertThat(parse(name, "x").filters()).as(name).containsKey(name);
        }
        for (String name : List.of("EQ_quantity", "GT_quantity_KGM", "LE_value", "GE_percRank", "LT_sDev_CEL",
                "GT_https://ns.example.com/epcis/#grade", "LE_ILMD_ree:weight")) {
            assertThat(parse(name, "12.5").filters()).as(name).containsKey(name);
        }
        for (String name : List.of("GE_time", "LT_startTime", "GE_endTime", "GE_errorDeclarationTime")) {
            assertThat(parse(name, "2026-03-02T08:00:00+08:00").filters()).as(name).containsKey(name);
        }
        for (String name : List.of("EXISTS_errorDeclaration", "EXISTS_sensorElementList", "EXISTS_ree:process",
                "EXISTS_INNER_ILMD_ree:process", "EQ_booleanValue")) {
            assertThat(parse(name, "true").filters()).as(name).containsKey(name);
        }
        assertThat(parse("orderBy", "eventTime", "orderDirection", "ASC", "eventCountLimit", "5").order())
                .hasValueSatisfying(o -> assertThat(o.ascending()).isTrue());
        assertThat(parse("maxEventCount", "10").maxEventCount()).hasValue(10);
    }

    @Test
    void an_unknown_parameter_or_a_malformed_value_is_refused_naming_the_parameter() {
        refused("EQ_nothing", "x", "not a query parameter this repository supports");
        refused("GT_quantity", "heavy", "must be a number");
        refused("GT_quantity", "1|2", "takes one value");
        refused("GE_time", "yesterday", "must be a date-time with offset");
        refused("EXISTS_errorDeclaration", "maybe", "must be true or false");
        refused("GT_ree:grade", "high", "must be a number or a date-time");
        refused("EQ_acme:grade", "1", "unknown namespace prefix");
        refused("orderBy", "bizStep", "must be eventTime, recordTime or an extension field");
        refused("orderDirection", "UP", "must be ASC or DESC");
        refused("eventCountLimit", "5", "needs orderBy");
        refused("maxEventCount", "0", "must be a whole number");
        refused("HASATTR_bizLocation", "x", "master-data attributes are not kept");
        assertThatThrownBy(() -> parse("orderBy", "eventTime", "eventCountLimit", "5", "maxEventCount", "5"))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.detail()).startsWith("eventCountLimit: cannot be given with maxEventCount"));
    }

    @Test
    void a_next_page_token_carries_the_position_in_the_order_asked_and_the_events_served() {
        Instant key = Instant.parse("2026-03-02T08:00:00.123456Z");
        String token = EventQuery.token(42, key, 60, NOW.plusSeconds(60));

        EventQuery next = parse("orderBy", "eventTime", "nextPageToken", token);

        assertThat(next.afterSeq()).isEqualTo(42);
        assertThat(next.afterKey()).isEqualTo(key);
        assertThat(next.served()).isEqualTo(60);
        assertThat(next.firstPage()).isFalse();
        assertThat(parse("nextPageToken", EventQuery.token(7, NOW.plusSeconds(60))).afterSeq()).isEqualTo(7);
        // a key no timestamp holds is no token of ours
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("at:1:" + Long.MAX_VALUE + ":0:" + NOW.plusSeconds(60).getEpochSecond()).getBytes());
        refused("nextPageToken", forged, "not a token this repository issued");
    }

    @Test
    void the_columns_answer_in_sql_and_only_what_the_event_holds_is_tested_on_it() {
        EventQuery columns = parse("EQ_bizStep", "shipping", "MATCH_epc", "urn:epc:id:sgtin:0614141.107346.2018");
        EventQuery body = parse("EQ_bizTransaction_po", "urn:epcglobal:cbv:bt:0614141073467:1152");

        assertThat(columns.eventTest()).isEmpty();
        assertThat(columns.sql(REGULATOR).where()).contains("biz_step = any(").contains("epcs && ");
        assertThat(body.eventTest()).isPresent();
        assertThat(body.sql(REGULATOR).where()).contains("body like any(");
        // a pattern is narrowed in SQL and decided on the event
        assertThat(parse("MATCH_epc", "urn:epc:idpat:sgtin:0614141.107346.*").eventTest()).isPresent();
    }

    @Test
    void tests_of_the_event_follow_the_standard() {
        var event = JsonDocumentReader.readEvent("""
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"example": "https://ns.example.com/epcis/"}],
                 "type": "ObjectEvent", "eventTime": "2026-03-02T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:0b3c7a1e-1d1f-4c55-9d1a-5e3a2f1c9d01",
                 "epcList": ["https://id.gs1.org/01/10614141073464/21/2018"], "action": "ADD",
                 "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:0614141073467:1152"}],
                 "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 200,
                                   "uom": "KGM"}],
                 "sensorElementList": [{"sensorMetadata": {"time": "2026-03-02T08:00:00Z",
                                                           "deviceID": "urn:epc:id:giai:4000001.111"},
                   "sensorReport": [{"type": "Temperature", "value": 26.5, "uom": "CEL"}]}],
                 "ilmd": {"example:bestBefore": "2027-01-01T00:00:00Z"},
                 "example:grade": 7, "example:batch": {"example:lab": "LAB-1"}}""");

        assertThat(test(event, "EQ_bizTransaction_po", "urn:epcglobal:cbv:bt:0614141073467:1152")).isTrue();
        assertThat(test(event, "EQ_bizTransaction_bol", "urn:epcglobal:cbv:bt:0614141073467:1152")).isFalse();
        assertThat(test(event, "GE_quantity_KGM", "200")).isTrue();
        assertThat(test(event, "GT_quantity", "200")).isFalse();
        assertThat(test(event, "EQ_type", "gs1:Temperature")).isTrue();
        assertThat(test(event, "GT_value_CEL", "26")).isTrue();
        assertThat(test(event, "GT_value_FAH", "26")).isFalse();
        assertThat(test(event, "EQ_deviceID", "urn:epc:id:giai:4000001.111")).isTrue();
        assertThat(test(event, "GE_time", "2026-03-02T08:00:00Z")).isTrue();
        assertThat(test(event, "LT_time", "2026-03-02T08:00:00Z")).isFalse();
        assertThat(test(event, "GT_https://ns.example.com/epcis/#grade", "5")).isTrue();
        assertThat(test(event, "EQ_https://ns.example.com/epcis/grade", "7.0")).isTrue();
        assertThat(test(event, "EXISTS_https://ns.example.com/epcis/#lab", "true")).isFalse();
        assertThat(test(event, "EXISTS_INNER_https://ns.example.com/epcis/#lab", "true")).isTrue();
        assertThat(test(event, "GE_ILMD_https://ns.example.com/epcis/#bestBefore", "2026-12-31T00:00:00Z")).isTrue();
        assertThat(test(event, "MATCH_epc", "urn:epc:idpat:sgtin:0614141.107346.*")).isTrue();
        assertThat(test(event, "MATCH_epc", "urn:epc:idpat:sgtin:0614141.107347.*")).isFalse();
        assertThat(test(event, "MATCH_epcClass", "urn:epc:idpat:sgtin:4012345.012345.*")).isTrue();
        assertThat(event.extensions()).extracting(Extension::localName).contains("grade");
    }

    private static boolean test(org.reetrace.epcis.document.EpcisEvent event, String name, String value) {
        return parse(name, value).eventTest().orElseThrow().test(event);
    }
}
