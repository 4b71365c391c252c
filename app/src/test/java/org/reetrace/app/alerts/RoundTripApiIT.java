package org.reetrace.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

import tools.jackson.databind.JsonNode;

/**
 * A round trip booked through the API: ore mined and concentrated at home, the concentrate exported to Singapore
 * and most of it imported back a month later. The analytics raise ROUND_TRIP_IMPORT naming both lots; the
 * regulator confirms it, and the re-imported lot's pedigree is then the exported lot's (the mine at home), while
 * the ledger still verifies.
 */
class RoundTripApiIT extends RunningAppIT {

    @Test
    void a_confirmed_round_trip_gives_the_re_import_the_pedigree_of_the_export_and_the_ledger_still_verifies()
            throws InterruptedException {
        String p = UUID.randomUUID().toString().substring(0, 8);
        String regulator = tokenFor(Caller.of("regulator " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-RT-%1$s", "name": "Round trip %1$s", "country": "MY", "effective": "2025-01-01"}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "MINE-RT-%1$s", "operator": "OP-RT-%1$s", "name": "Mine", "kind": "MINE", "country": "MY",
                 "location": {"latitude": 4.55, "longitude": 101.08}, "processes": {"CONCENTRATION": "MY"},
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        String operator = tokenFor(Caller.operator("operator " + p, "OP-RT-" + p));

        book(operator, """
                {"id": "rt-1-%1$s", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "MINE-RT-%1$s",
                 "lot": "ORE-RT-%1$s", "form": "ORE", "massKg": 10000,
                 "compositionMg": {"La": 30000000, "Ce": 9000000, "Pr": 7000000, "Nd": 30000000, "Dy": 2000000,
                                   "Y": 12000000}}""".formatted(p));
        book(operator, """
                {"id": "rt-2-%1$s", "type": "TRANSFORM", "time": "2026-03-02T08:00:00Z", "facility": "MINE-RT-%1$s",
                 "process": "CONCENTRATION", "inputs": [{"lot": "ORE-RT-%1$s", "massKg": 10000}],
                 "outputs": [{"lot": "CON-RT-%1$s", "form": "CONCENTRATE", "massKg": 300,
                              "compositionMg": {"La": 29000000, "Ce": 8700000, "Pr": 6800000, "Nd": 29000000,
                                                "Dy": 1900000, "Y": 11600000}}]}""".formatted(p));
        book(operator, """
                {"id": "rt-3-%1$s", "type": "EXPORT", "time": "2026-03-05T08:00:00Z", "facility": "MINE-RT-%1$s",
                 "lot": "CON-RT-%1$s", "declaration": {"number": "K2-RT-%1$s", "hsCode": "2846.90",
                 "permit": "EXP-RT-%1$s", "counterparty": "Entrepot Trading Pte Ltd", "country": "SG"}}"""
                .formatted(p));
        // 250 of the 300 kg come back a month later, "Singaporean", its proportions within the assays' errors
        book(operator, """
                {"id": "rt-4-%1$s", "type": "IMPORT", "time": "2026-04-06T08:00:00Z", "facility": "MINE-RT-%1$s",
                 "lot": "IMP-RT-%1$s", "form": "CONCENTRATE", "massKg": 250,
                 "compositionMg": {"La": 24400000, "Ce": 7150000, "Pr": 5700000, "Nd": 24000000, "Dy": 1600000,
                                   "Y": 9700000},
                 "originCountry": "SG", "supplier": "Entrepot Trading Pte Ltd",
                 "declaration": {"number": "K1-RT-%1$s", "hsCode": "2846.90",
                 "counterparty": "Entrepot Trading Pte Ltd", "country": "SG"}}""".formatted(p));

        JsonNode before = get("/api/lots/IMP-RT-" + p + "/pedigree", regulator).json();
        assertThat(before.path("byOriginCountry").has("SG")).isTrue();
        assertThat(before.has("roundTripOf")).isFalse();

        JsonNode alert = roundTripAlert(regulator, "IMP-RT-" + p);
        assertThat(alert).as("a ROUND_TRIP_IMPORT alert about IMP-RT-%s", p).isNotNull();
        assertThat(alert.path("figures").path("exported lot").asString()).isEqualTo("CON-RT-" + p);
        assertThat(alert.path("figures").path("imported lot").asString()).isEqualTo("IMP-RT-" + p);
        long id = alert.path("id").asLong();

        String confirm = "{\"comment\": \"customs records show the same container\"}";
        assertThat(postJson("/api/alerts/" + id + "/confirm-round-trip", operator, confirm).status()).isEqualTo(403);
        Response confirmed = postJson("/api/alerts/" + id + "/confirm-round-trip", regulator, confirm);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("exportedLot").asString()).isEqualTo("CON-RT-" + p);
        assertThat(confirmed.json().path("alertStatus").asString()).isEqualTo("CLOSED");
        assertThat(postJson("/api/alerts/" + id + "/confirm-round-trip", regulator, confirm).status()).isEqualTo(409);

        JsonNode after = get("/api/lots/IMP-RT-" + p + "/pedigree", regulator).json();
        assertThat(after.path("roundTripOf").asString()).isEqualTo("CON-RT-" + p);
        assertThat(after.path("byOriginCountry").has("SG")).isFalse();
        assertThat(after.path("byOriginCountry").path("MY").path("compositionMg").path("Nd").asLong())
                .isEqualTo(24_000_000L);
        assertThat(after.path("paths").path(0).path("origin").path("kind").asString()).isEqualTo("MINE");
        assertThat(after.path("paths").path(0).path("origin").path("source").asString()).isEqualTo("MINE-RT-" + p);
        assertThat(after.path("byStageCountry").path("CONCENTRATION").has("MY")).isTrue();

        Response verification = get("/api/ledger/verification", regulator);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().path("clean").asBoolean()).as(verification.body()).isTrue();
    }

    @Test
    void only_a_round_trip_alert_can_be_confirmed_as_one() {
        String regulator = tokenFor(Caller.of("regulator", Role.REGULATOR));
        assertThat(postJson("/api/alerts/999999999/confirm-round-trip", regulator, "{\"comment\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(postJson("/api/alerts/1/confirm-round-trip", regulator, "{\"comment\": \"\"}").status())
                .isEqualTo(400);
    }

    private void book(String token, String event) {
        Response r = postJson("/api/events", token, event);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The analytics raise alerts after each committed batch: wait a little for the feed. */
    private JsonNode roundTripAlert(String regulator, String lot) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            for (JsonNode a : get("/api/alerts?kind=ROUND_TRIP_IMPORT&limit=1000", regulator).json()) {
                if (lot.equals(a.path("subject").asString())) {
                    return a;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }
}
