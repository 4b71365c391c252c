package org.reetrace.app.epcis;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.FacilityKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the named query and subscription tests: a facility of {@link #OPERATOR}, events with EPCs of the
 * test's own (so that a query on them sees no other test's events), and named queries on them.
 */
abstract class QueryBase extends EpcisBase {
    static final String FACILITY = "urn:reetrace:facility:MY-QUERY-1";

    String operator;
    String regulator;

    @BeforeEach
    void registerTheFacility() {
        operator = tokenFor(Caller.operator("ree-queries", OPERATOR));
        regulator = tokenFor(Caller.of("agency-queries", Role.REGULATOR));
        registry.reload();
        facility("MY-QUERY-1", FacilityKind.CRACKING_PLANT, Map.of());
    }

    /** A fresh EPC, of this test alone. */
    static String epc() {
        return "urn:epc:id:sgtin:9555000.012345." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /** A fresh name for a query. */
    static String queryName() {
        return "q-" + UUID.randomUUID();
    }

    /** Captures one event at {@link #FACILITY} that names {@code epc}, and checks it was taken. */
    void capture(String token, String epc) {
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "ObjectEvent", "eventTime": "2026-03-02T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:%s", "epcList": ["%s"], "action": "OBSERVE", "bizStep": "inspecting",
                 "bizLocation": {"id": "%s"}}""".formatted(UUID.randomUUID(), epc, FACILITY);
        Response r = post("/epcis/events", token, "application/ld+json", event);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Names a query on events with one of {@code epcs} (MATCH_epc) and checks it was taken. */
    String nameQuery(String token, String... epcs) {
        String name = queryName();
        Response r = postJson("/epcis/queries", token, "{\"name\": \"" + name + "\", \"query\": {\"MATCH_epc\": ["
                + String.join(",", java.util.Arrays.stream(epcs).map(e -> "\"" + e + "\"").toList()) + "]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }
}
