package org.reetrace.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

/** What the PUBLIC role reads of the registry: what a buyer needs by default, more only as the regulator opens it. */
class PublicDisclosureIT extends RunningAppIT {

    String p;
    String regulator;
    String operator;
    String buyer;

    @BeforeEach
    void registry() {
        p = UUID.randomUUID().toString().substring(0, 8);
        regulator = tokenFor(Caller.of("disclosing agency " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-PARENT-%1$s", "name": "Parent %1$s", "country": "MY", "effective": "2025-01-01"}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-PD-%1$s", "name": "Disclosed %1$s Sdn Bhd", "country": "MY", "effective": "2025-01-01",
                 "shareholders": [{"company": "OP-PARENT-%1$s", "percent": 60}]}""".formatted(p)).status())
                .isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "MINE-PD-%1$s", "operator": "OP-PD-%1$s", "name": "Bukit %1$s", "kind": "MINE", "country": "MY",
                 "location": {"latitude": 4.55, "longitude": 101.08},
                 "processes": [{"process": "CONCENTRATION", "licensor": "Own", "licensorCountry": "MY",
                                "annualCapacityKg": 5000000}], "effective": "2025-01-01"}""".formatted(p)).status())
                .isEqualTo(201);
        var lease = postJson("/api/licences", regulator, """
                {"id": "ML-PD-%1$s", "kind": "MINING_LEASE", "holder": "OP-PD-%1$s", "facility": "MINE-PD-%1$s",
                 "issuer": "MY", "from": "2025-01-01", "annualQuotaKg": 123456,
                 "area": {"type": "Polygon", "coordinates": [[[101.0, 4.5], [101.1, 4.5], [101.1, 4.6], [101.0, 4.6],
                          [101.0, 4.5]]]}, "effective": "2025-01-01"}""".formatted(p));
        assertThat(lease.status()).as(lease.body()).isEqualTo(201);
        operator = tokenFor(Caller.operator("disclosed plant " + p, "OP-PD-" + p));
        buyer = tokenFor(Caller.of("foreign buyer " + p, Role.PUBLIC));
    }

    @AfterEach
    void closeEverything() {
        assertThat(setting(regulator, "[]").status()).isEqualTo(200);
    }

    private Response setting(String token, String open) {
        return send(request("/api/registry/public-disclosure", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"open\": " + open + "}")));
    }

    @Test
    void by_default_the_public_reads_only_what_a_buyer_needs_to_check_a_certificate() {
        assertThat(setting(regulator, "[]").status()).isEqualTo(200);

        Response operatorView = get("/api/operators/OP-PD-" + p, buyer);
        Response facility = get("/api/facilities/MINE-PD-" + p, buyer);

        assertThat(operatorView.status()).isEqualTo(200);
        assertThat(operatorView.json().path("name").asString()).isEqualTo("Disclosed " + p + " Sdn Bhd");
        assertThat(operatorView.json().path("country").asString()).isEqualTo("MY");
        assertThat(operatorView.body()).doesNotContain("OP-PARENT-" + p).doesNotContain("60");
        assertThat(facility.json().path("kind").asString()).isEqualTo("MINE");
        assertThat(facility.json().path("name").asString()).isEqualTo("Bukit " + p);
        assertThat(facility.body()).doesNotContain("101.08").doesNotContain("CONCENTRATION").doesNotContain("5000000");
        assertThat(get("/api/operators", buyer).json()).filteredOn(o -> o.path("id").asString().equals("OP-PD-" + p))
                .singleElement().satisfies(o -> assertThat(o.path("shareholders").isNull()).isTrue());
        assertThat(get("/api/facilities", buyer).body()).contains("MINE-PD-" + p).doesNotContain("101.08");
        for (String closed : new String[] {"/api/licences", "/api/zones", "/api/agreements", "/api/registry/history",
                "/api/operators/OP-PD-" + p + "/state-link"}) {
            Response refused = get(closed, buyer);
            assertThat(refused.status()).as(closed).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/not-disclosed");
        }
        assertThat(get("/api/operators/OP-PD-" + p, operator).body()).as("operators read the whole registry")
                .contains("OP-PARENT-" + p);
        assertThat(get("/api/licences", operator).body()).contains("123456");
    }

    @Test
    void the_regulator_opens_categories_to_the_public_and_each_setting_is_kept_with_its_author() {
        assertThat(setting(operator, "[\"LICENCES\"]").status()).isEqualTo(403);

        Response set = setting(regulator, "[\"SHAREHOLDINGS\", \"LICENCES\"]");

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("open")).extracting(n -> n.asString()).containsExactly("SHAREHOLDINGS", "LICENCES");
        assertThat(set.json().path("history").get(set.json().path("history").size() - 1).path("changedBy").asString())
                .isEqualTo("disclosing agency " + p);
        assertThat(get("/api/operators/OP-PD-" + p, buyer).body()).contains("OP-PARENT-" + p);
        assertThat(get("/api/operators/OP-PD-" + p + "/state-link", buyer).status()).isEqualTo(200);
        Response licences = get("/api/licences", buyer);
        assertThat(licences.status()).isEqualTo(200);
        assertThat(licences.body()).contains("ML-PD-" + p).doesNotContain("123456").doesNotContain("POLYGON");
        assertThat(get("/api/agreements", buyer).status()).isEqualTo(403);

        assertThat(setting(regulator, "[\"LICENCES\", \"QUOTAS\", \"LEASE_AREAS\"]").status()).isEqualTo(200);

        assertThat(get("/api/licences", buyer).body()).contains("123456").contains("POLYGON");
        assertThat(get("/api/operators/OP-PD-" + p, buyer).body()).doesNotContain("OP-PARENT-" + p);
        assertThat(get("/api/registry/public-disclosure", buyer).json().path("open")).extracting(n -> n.asString())
                .containsExactly("LICENCES", "LEASE_AREAS", "QUOTAS");
        assertThat(setting(regulator, "[\"EVERYTHING\"]").status()).isEqualTo(400);
        assertThat(setting(regulator, "[null]").status()).isEqualTo(400);
        assertThat(setting(regulator, "\"LICENCES\"").status()).isEqualTo(400);
        assertThat(get("/api/registry/public-disclosure", buyer).json().path("open")).hasSize(3);
    }
}
