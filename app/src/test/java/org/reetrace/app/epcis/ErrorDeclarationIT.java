package org.reetrace.app.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.OperatorId;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * An extraction captured with the wrong mass, then its EPCIS error declaration with a corrective extraction of the
 * same lot: the ledger reverses the original and books the correction, keeps all three events in its chain, and
 * the EPCIS repository answers with the original and the declaration side by side.
 */
class ErrorDeclarationIT extends EpcisBase {

    static final String OPERATOR = "OP-EPCIS-REE";

    @Autowired
    StoredRegistry registry;

    String operator;
    String regulator;
    String original;
    String corrective;
    String lot;

    @BeforeEach
    void mine() {
        operator = tokenFor(Caller.operator("ree-ops", OPERATOR));
        regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        registry.reload();
        if (registry.facility(FacilityId.of("MY-MINE-1")).isEmpty()) {
            registry.add(new Facility(FacilityId.of("MY-MINE-1"), OperatorId.of(OPERATOR), "MY-MINE-1", FacilityKind.MINE,
                    CountryCode.of("MY"), null, Map.of()), "test");
        }
        original = "urn:uuid:" + UUID.randomUUID();
        corrective = "urn:uuid:" + UUID.randomUUID();
        lot = "ORE-ERR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An EXTRACT of {@code lot} at MY-MINE-1, with an error declaration when {@code declaration} is not null. */
    String extract(String eventId, long kg, String declaration) {
        return extract(eventId, kg, "ORE", declaration);
    }

    String extract(String eventId, long kg, String form, String declaration) {
        return """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T00:15:00Z", "eventTimeZoneOffset": "+08:00",
                 "eventID": "%s", "action": "ADD", "bizStep": "commissioning", "disposition": "active",
                 "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"},
                 "quantityList": [{"epcClass": "urn:reetrace:lot:%s", "quantity": %d, "uom": "KGM"}],
                 "ilmd": {"ree:lot": {"ree:epcClass": "urn:reetrace:lot:%s", "ree:materialForm": "%s",
                   "ree:composition": {"ree:La": 250000000, "ree:Nd": 180000000, "ree:Th": 9000000}}},
                 %s
                 "ree:ledgerEvent": "EXTRACT"}""".formatted(eventId, lot, kg, lot, form,
                declaration == null ? "" : "\"errorDeclaration\": " + declaration + ",");
    }

    static String document(String... events) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"ree": "https://reetrace.org/epcis/profile/1#"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-31T16:00:00Z",
                 "epcisBody": {"eventList": [""" + String.join(",", events) + "]}}";
    }

    @Test
    void an_error_declaration_with_a_corrective_event_reverses_and_replaces_the_original_without_rewriting_history() {
        JsonNode wrong = jobOf(operator, "application/ld+json", document(extract(original, 100_000, null)), null);
        assertThat(wrong.path("success").asBoolean()).as(wrong.toString()).isTrue();
        assertThat(get("/api/lots/" + lot, operator).json().path("massKg").decimalValue()).isEqualByComparingTo("100000");

        String declaration = """
                {"declarationTime": "2026-03-03T09:00:00Z", "reason": "incorrect_data",
                 "correctiveEventIDs": ["%s"]}""".formatted(corrective);
        JsonNode fix = jobOf(operator, "application/ld+json",
                document(extract(original, 100_000, declaration), extract(corrective, 1_000, "CONCENTRATE", null)), null);
        assertThat(fix.path("success").asBoolean()).as(fix.toString()).isTrue();
        assertThat(fix.path("storedCount").asInt()).isEqualTo(2);

        JsonNode corrected = get("/api/lots/" + lot, operator).json();
        assertThat(corrected.path("massKg").decimalValue()).isEqualByComparingTo("1000");
        assertThat(corrected.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(corrected.path("form").asString()).isEqualTo("CONCENTRATE");
        assertThat(corrected.path("compositionMg").path("Nd").asLong()).isEqualTo(180_000_000L);

        // the chain keeps all three: the wrong extraction, its reversal, the correction
        List<String> types = jdbc.sql("select type from ledger_event where event_id in (?, ?, ?) order by seq")
                .params(original, original + "#reversal", corrective).query(String.class).list();
        assertThat(types).containsExactly("EXTRACT", "REVERSE", "EXTRACT");

        // GS1 lets the declaration carry the original's eventID: both are kept and both come back
        JsonNode both = get("/epcis/events?EQ_eventID=" + original, regulator).json()
                .at("/epcisBody/queryResults/resultsBody/eventList");
        assertThat(both.size()).isEqualTo(2);
        assertThat(both.get(0).has("errorDeclaration")).isFalse();
        assertThat(both.get(1).at("/errorDeclaration/correctiveEventIDs/0").asString()).isEqualTo(corrective);

        JsonNode verification = get("/api/ledger/verification", regulator).json();
        assertThat(verification.path("clean").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void capturing_the_same_error_declaration_again_books_nothing_more() {
        jobOf(operator, "application/ld+json", document(extract(original, 100_000, null)), null);
        String declared = document(extract(original, 100_000, """
                {"declarationTime": "2026-03-03T09:00:00Z", "reason": "incorrect_data"}"""));
        jobOf(operator, "application/ld+json", declared, null);
        long events = jdbc.sql("select count(*) from ledger_event").query(Long.class).single();

        JsonNode again = jobOf(operator, "application/ld+json", declared, null);

        assertThat(again.path("success").asBoolean()).as(again.toString()).isTrue();
        assertThat(jdbc.sql("select count(*) from ledger_event").query(Long.class).single()).isEqualTo(events);
        assertThat(get("/api/lots/" + lot, operator).json().path("status").asString()).isEqualTo("VOID");
    }

    @Test
    void an_error_declaration_of_an_event_the_ledger_never_booked_is_refused() {
        JsonNode job = jobOf(operator, "application/ld+json", document(extract(original, 100_000, """
                {"declarationTime": "2026-03-03T09:00:00Z", "reason": "incorrect_data"}""")), "rollback");

        assertThat(job.path("success").asBoolean()).isFalse();
        assertThat(job.at("/errors/0/type").asString()).endsWith("ledger-reverse-unknown-event");
    }
}
