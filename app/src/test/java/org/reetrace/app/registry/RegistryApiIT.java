package org.reetrace.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

import tools.jackson.databind.JsonNode;

/** The versioned registry over HTTP on the real PostgreSQL: what is refused, and that a refusal changes nothing. */
class RegistryApiIT extends RunningAppIT {

    String p;
    String regulator;

    @BeforeEach
    void operators() {
        p = UUID.randomUUID().toString().substring(0, 8);
        regulator = tokenFor(Caller.of("registrar " + p, Role.REGULATOR));
        for (String id : new String[] {"OP-A-" + p, "OP-H-" + p, "OP-X-" + p}) {
            assertThat(postJson("/api/operators", regulator, """
                    {"id": "%s", "name": "%s Sdn Bhd", "country": "MY", "effective": "2025-01-01"}""".formatted(id, id))
                    .status()).isEqualTo(201);
        }
    }

    private Response shareholders(String company, String holdings) {
        return send(request("/api/operators/" + company + "/shareholders", regulator)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"effective\": \"2025-02-01\", \"holdings\": " + holdings + "}")));
    }

    @Test
    void an_operator_the_books_may_name_is_never_deleted() {
        assertThatThrownBy(() -> jdbc.sql("delete from operator where id = :id").param("id", "OP-X-" + p).update())
                .hasMessageContaining("operator rows are kept");
        assertThatThrownBy(() -> jdbc.sql("delete from facility where operator_id = :id").param("id", "OP-X-" + p)
                .update()).hasMessageContaining("facility rows are kept");
        assertThat(jdbc.sql("select count(*) from operator where id = :id").param("id", "OP-X-" + p)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_state_link_is_computed_along_every_path_and_explained() {
        assertThat(shareholders("OP-H-" + p, """
                [{"state": "MY", "body": "Minister of Finance Incorporated", "percent": 60}]""").status()).isEqualTo(200);
        assertThat(shareholders("OP-A-" + p, """
                [{"company": "OP-H-%s", "percent": 50}, {"state": "MY", "body": "Perak State Government", "percent": 20}]"""
                .formatted(p)).status()).isEqualTo(200);

        JsonNode link = get("/api/operators/OP-A-" + p + "/state-link", regulator).json();

        // 0.6 x 0.5 + 0.2 = 50 %, at the default threshold of 50 %
        assertThat(link.path("share").decimalValue()).isEqualByComparingTo("50");
        assertThat(link.path("linked").asBoolean()).isTrue();
        assertThat(link.path("paths").size()).isEqualTo(2);
        assertThat(link.path("explanation").asString()).contains("OP-H-" + p).contains("through 2 paths");
        // before the holdings took effect there was no state link
        JsonNode before = get("/api/operators/OP-A-" + p + "/state-link?at=2025-01-15", regulator).json();
        assertThat(before.path("linked").asBoolean()).isFalse();
        assertThat(before.path("paths").size()).isZero();
    }

    @Test
    void an_ownership_cycle_is_refused_and_nothing_changes() {
        assertThat(shareholders("OP-A-" + p, "[{\"company\": \"OP-H-" + p + "\", \"percent\": 40}]").status()).isEqualTo(200);
        int versions = get("/api/registry/history", regulator).json().size();

        Response cycle = shareholders("OP-H-" + p, "[{\"company\": \"OP-A-" + p + "\", \"percent\": 30}]");

        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.isProblem()).isTrue();
        assertThat(cycle.json().path("detail").asString()).contains("ownership cycle").contains("OP-A-" + p);
        assertThat(get("/api/registry/history", regulator).json().size()).isEqualTo(versions);
        assertThat(get("/api/operators/OP-H-" + p, regulator).json().path("shareholders").size()).isZero();
    }

    @Test
    void shares_over_a_hundred_percent_are_refused() {
        Response over = shareholders("OP-X-" + p, """
                [{"company": "OP-A-%1$s", "percent": 70}, {"company": "OP-H-%1$s", "percent": 40}]""".formatted(p));

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("detail").asString()).contains("110").contains("more than 100 %");
        assertThat(get("/api/operators/OP-X-" + p, regulator).json().path("shareholders").size()).isZero();
    }

    @Test
    void a_zone_import_with_invalid_geojson_names_the_feature_and_stores_nothing() {
        String collection = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "FR-1-%1$s", "name": "Good"},
                   "geometry": {"type": "Polygon", "coordinates": [[[101.1,5.2],[101.2,5.2],[101.2,5.3],[101.1,5.2]]]}},
                  {"type": "Feature", "properties": {"code": "FR-2-%1$s"},
                   "geometry": {"type": "Point", "coordinates": [101.1, 5.2]}}]}""".formatted(p);

        Response r = post("/api/zones?kind=PERMANENT_FOREST_RESERVE", regulator, "application/geo+json", collection);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("feature 1").contains("Point");
        assertThat(get("/api/zones", regulator).body()).doesNotContain("FR-1-" + p);
    }

    @Test
    void a_licence_term_overlapping_a_registered_term_of_the_same_licence_is_refused() {
        String licence = """
                {"id": "EXP-%s", "kind": "EXPORT_PERMIT", "holder": "OP-A-%s", "issuer": "MY", "from": "%s", "until": "%s",
                 "effective": "2025-01-01"}""";
        assertThat(postJson("/api/licences", regulator, licence.formatted(p, p, "2026-01-01", "2027-01-01")).status())
                .isEqualTo(201);

        Response overlap = postJson("/api/licences", regulator, licence.formatted(p, p, "2026-06-01", "2027-06-01"));

        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.json().path("detail").asString()).contains("overlaps");
        // a renewal starting when the old term ends is fine
        assertThat(postJson("/api/licences", regulator, licence.formatted(p, p, "2027-01-01", "2028-01-01")).status())
                .isEqualTo(201);
    }

    @Test
    void a_change_effective_later_does_not_apply_to_an_earlier_event_and_records_its_author() {
        // a facility registered from 2026-06-01: an extraction on 2026-03-01 finds no facility at its time
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "LATE-%1$s", "operator": "OP-A-%1$s", "name": "Late mine", "kind": "MINE", "country": "MY",
                 "effective": "2026-06-01"}""".formatted(p)).status()).isEqualTo(201);
        String miner = tokenFor(Caller.operator("miner " + p, "OP-A-" + p));
        String extract = """
                {"id": "late-%1$s-%2$s", "type": "EXTRACT", "time": "%2$s", "facility": "LATE-%1$s", "lot": "L-%1$s-%3$s",
                 "form": "ORE", "massKg": 1000, "compositionMg": {"Nd": 1000000}}""";

        Response early = postJson("/api/events", miner, extract.formatted(p, "2026-03-01T00:00:00Z", "1"));
        Response later = postJson("/api/events", miner, extract.formatted(p, "2026-07-01T00:00:00Z", "2"));

        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().path("code").asString()).isEqualTo("facility.unknown");
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        JsonNode last = null;
        for (JsonNode v : get("/api/registry/history", regulator).json()) {
            if (v.path("change").path("id").asString().equals("LATE-" + p)) {
                last = v;
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.path("author").asString()).isEqualTo("registrar " + p);
        assertThat(last.path("effective").asString()).isEqualTo("2026-05-31T16:00:00Z");
    }
}
