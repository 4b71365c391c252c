package org.reetrace.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

import tools.jackson.databind.JsonNode;

/**
 * Rule packs at run time and the rules at ingest, over HTTP on the real PostgreSQL. Each test loads a pack of its
 * own whose rules concern only its own mine, and takes it out of force afterwards: the application is shared.
 */
class RulesApiIT extends RunningAppIT {

    String p;
    String regulator;
    String miner;

    @BeforeEach
    void mine() {
        p = UUID.randomUUID().toString().substring(0, 8);
        regulator = tokenFor(Caller.of("agency " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-T-%1$s", "name": "T %1$s", "country": "MY", "effective": "2025-01-01"}""".formatted(p))
                .status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "T-MINE-%1$s", "operator": "OP-T-%1$s", "name": "Test mine", "kind": "MINE", "country": "MY",
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        miner = tokenFor(Caller.operator("miner " + p, "OP-T-" + p));
    }

    @AfterEach
    void outOfForce() {
        postJson("/api/rules/packs/test-" + p + "/1/disable", regulator, "{}");
    }

    private String pack(String jurisdiction, String blockCondition) {
        return """
                pack: test-%1$s
                version: 1
                jurisdiction: %2$s
                title: a test pack
                rule: T-BLOCK-%1$s
                citation: Test Act 2026, s.1
                effective: 2020-01-01..
                applies-to: EXTRACT
                severity: BLOCK
                require: %3$s
                message: Too much at once.

                rule: T-FLAG-%1$s
                citation: Test Act 2026, s.2
                effective: 2020-01-01..
                applies-to: EXTRACT
                severity: FLAG
                require: event.massKg < 2000.0 || event.facility != 'T-MINE-%1$s'
                explain: 'extracting ' + string(event.massKg) + ' kg'
                message: A large extraction.
                """.formatted(p, jurisdiction, blockCondition);
    }

    private String validPack() {
        return pack("MY", "event.massKg < 5000.0 || event.facility != 'T-MINE-" + p + "'");
    }

    private Response extract(String id, long kg) {
        return postJson("/api/events", miner, """
                {"id": "%1$s-%2$s", "type": "EXTRACT", "time": "2026-03-01T00:00:00Z", "facility": "T-MINE-%2$s",
                 "lot": "%1$s-%2$s", "form": "ORE", "massKg": %3$d, "compositionMg": {"La": 1000000}}"""
                .formatted(id, p, kg));
    }

    private Response load(String text, boolean enable) {
        return post("/api/rules/packs?enable=" + enable, regulator, "text/plain", text);
    }

    @Test
    void a_pack_with_a_cel_error_is_refused_with_rule_line_and_column_and_the_packs_in_force_stay() {
        String before = get("/api/rules/packs", regulator).body();

        Response r = load(pack("MY", "event.massKg < "), true);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).endsWith("/rule-pack-refused");
        JsonNode problem = r.json().path("errors").get(0);
        assertThat(problem.path("rule").asString()).isEqualTo("T-BLOCK-" + p);
        assertThat(problem.path("line").asInt()).isEqualTo(10);
        assertThat(problem.path("column").asInt()).isPositive();
        assertThat(get("/api/rules/packs", regulator).body()).isEqualTo(before);
    }

    @Test
    void a_pack_of_an_unknown_jurisdiction_is_refused() {
        Response r = load(pack("XX", "true"), false);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("XX");
        assertThat(get("/api/rules/packs", regulator).body()).doesNotContain("test-" + p);
    }

    @Test
    void a_block_rule_refuses_the_event_naming_rule_and_citation_and_nothing_is_stored() {
        assertThat(load(validPack(), true).status()).isEqualTo(201);

        Response r = extract("big", 6000);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().path("type").asString()).endsWith("/rule-blocked");
        assertThat(r.json().path("ruleId").asString()).isEqualTo("T-BLOCK-" + p);
        assertThat(r.json().path("citation").asString()).isEqualTo("Test Act 2026, s.1");
        assertThat(r.json().path("pack").asString()).isEqualTo("test-" + p);
        assertThat(r.json().path("packVersion").asString()).isEqualTo("1");
        assertThat(get("/api/lots/big-" + p, regulator).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from ledger_event where event_id = ?").param("big-" + p)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_disabled_pack_no_longer_blocks_and_enabling_it_again_does() {
        assertThat(load(validPack(), true).status()).isEqualTo(201);
        assertThat(postJson("/api/rules/packs/test-" + p + "/1/disable", regulator, "{}").json()
                .path("enabled").asBoolean()).isFalse();

        assertThat(extract("off", 6000).status()).isEqualTo(201);

        assertThat(postJson("/api/rules/packs/test-" + p + "/1/enable", regulator, "{}").json()
                .path("enabled").asBoolean()).isTrue();
        assertThat(extract("on", 6000).status()).isEqualTo(422);
        assertThat(postJson("/api/rules/packs/test-" + p + "/9/enable", regulator, "{}").status()).isEqualTo(404);
    }

    @Test
    void a_block_rule_whose_law_is_unknown_books_the_event_and_raises_an_alert_to_confirm_with_the_authority() {
        String text = validPack().replace("""
                effective: 2020-01-01..
                applies-to: EXTRACT
                severity: BLOCK""", """
                effective: 2020-01-01..
                unknown: 2026-01-01..
                confirm: whether the Test Act still applies after its sunset
                applies-to: EXTRACT
                severity: BLOCK""");
        assertThat(text).contains("unknown: 2026-01-01..");
        assertThat(load(text, true).status()).isEqualTo(201);

        Response booked = extract("unsure", 6000);

        assertThat(booked.status()).as("an unknown law never blocks: " + booked.body()).isEqualTo(201);
        JsonNode alerts = get("/api/alerts?rule=T-BLOCK-" + p, regulator).json();
        assertThat(alerts.size()).isEqualTo(1);
        assertThat(alerts.get(0).path("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(alerts.get(0).path("message").asString())
                .startsWith("confirm with the authority: whether the Test Act still applies").contains("Test Act 2026, s.1");
        assertThat(alerts.get(0).path("detail").asString()).contains("as written, the rule would fail");
    }

    @Test
    void an_assessment_with_a_rule_whose_law_is_unknown_is_not_a_clean_pass_but_a_verdict_to_confirm() {
        assertThat(extract("assessed", 100).status()).isEqualTo(201);
        String text = """
                pack: test-u-%1$s
                version: 1
                jurisdiction: MY
                rule: T-UNSURE-%1$s
                citation: Test Act 2026, s.3
                effective: 2020-01-01..
                unknown: 2026-05-01..
                confirm: whether s.3 was renewed
                applies-to: LOT
                severity: FLAG
                require: lot.massKg < 1000.0
                message: A heavy lot.
                """.formatted(p);
        assertThat(load(text, false).status()).isEqualTo(201);

        JsonNode before = get("/api/rules/assessment?lot=assessed-" + p + "&pack=test-u-" + p + "&at=2026-04-01",
                regulator).json();
        JsonNode after = get("/api/rules/assessment?lot=assessed-" + p + "&pack=test-u-" + p + "&at=2026-06-01",
                regulator).json();

        assertThat(before.path("verdict").asString()).isEqualTo("PASS");
        assertThat(before.path("passes").asBoolean()).isTrue();
        assertThat(after.path("verdict").asString()).isEqualTo("CONFIRM");
        assertThat(after.path("passes").asBoolean()).isFalse();
        JsonNode finding = after.path("findings").get(0);
        assertThat(finding.path("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(finding.path("message").asString()).isEqualTo(
                "confirm with the authority: whether s.3 was renewed (law: Test Act 2026, s.3)");
        assertThat(finding.path("detail").asString())
                .isEqualTo("the state of this law from 2026-05-01 could not be established; as written, the rule would pass");
    }

    @Test
    void a_flag_rule_books_the_event_and_raises_an_alert_that_is_acknowledged_and_closed_with_an_audit_trail() {
        assertThat(load(validPack(), true).status()).isEqualTo(201);

        Response booked = extract("flagged", 3000);

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode alerts = get("/api/alerts?rule=T-FLAG-" + p, regulator).json();
        assertThat(alerts.size()).isEqualTo(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.path("eventId").asString()).isEqualTo("flagged-" + p);
        assertThat(alert.path("pack").asString()).isEqualTo("test-" + p);
        assertThat(alert.path("packVersion").asString()).isEqualTo("1");
        assertThat(alert.path("citation").asString()).isEqualTo("Test Act 2026, s.2");
        assertThat(alert.path("detail").asString()).isEqualTo("extracting 3000.0 kg");
        assertThat(alert.path("status").asString()).isEqualTo("OPEN");
        // the operator sees its own alerts; the filters narrow the list
        assertThat(get("/api/alerts?rule=T-FLAG-" + p, miner).json().size()).isEqualTo(1);
        assertThat(get("/api/alerts?rule=T-FLAG-" + p + "&status=CLOSED", regulator).json().size()).isZero();

        long id = alert.path("id").asLong();
        Response ack = postJson("/api/alerts/" + id + "/acknowledge", regulator, "{\"comment\": \"mines inspector sent\"}");
        assertThat(ack.json().at("/alert/status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(postJson("/api/alerts/" + id + "/close", miner, "{\"comment\": \"mine\"}").status()).isEqualTo(403);
        Response closed = postJson("/api/alerts/" + id + "/close", regulator, "{\"comment\": \"within the scheme\"}");

        assertThat(closed.json().at("/alert/status").asString()).isEqualTo("CLOSED");
        JsonNode trail = get("/api/alerts/" + id, regulator).json().path("trail");
        assertThat(trail.size()).isEqualTo(2);
        assertThat(trail.get(0).path("comment").asString()).isEqualTo("mines inspector sent");
        assertThat(trail.get(1).path("status").asString()).isEqualTo("CLOSED");
        assertThat(trail.get(1).path("author").asString()).isEqualTo("agency " + p);
        assertThat(postJson("/api/alerts/" + id + "/close", regulator, "{\"comment\": \"again\"}").status()).isEqualTo(409);
        assertThat(postJson("/api/alerts/" + id + "/acknowledge", regulator, "{}").status()).isEqualTo(400);
    }
    private String quotaExtraction(String id, long kg) {
        return """
                {"id": "%1$s-%2$s", "type": "EXTRACT", "time": "2026-03-01T00:00:00Z", "facility": "T-MINE-%2$s",
                 "lot": "%1$s-%2$s", "form": "ORE", "massKg": %3$d, "compositionMg": {"La": 1000000},
                 "location": {"latitude": 5.25, "longitude": 101.15}}""".formatted(id, p, kg);
    }

    @Test
    void the_quota_counts_what_the_mine_booked_this_year_less_reversals_and_nothing_of_a_refused_submission() {
        assertThat(postJson("/api/licences", regulator, """
                {"id": "LEASE-%1$s", "kind": "MINING_LEASE", "holder": "OP-T-%1$s", "facility": "T-MINE-%1$s",
                 "issuer": "MY", "from": "2025-01-01", "annualQuotaKg": 10000, "effective": "2025-01-01",
                 "area": {"type": "Polygon", "coordinates": [[[101.1,5.2],[101.2,5.2],[101.2,5.3],[101.1,5.3],[101.1,5.2]]]}}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(load("""
                pack: test-%1$s
                version: 1
                jurisdiction: MY
                rule: T-QUOTA-%1$s
                citation: Test Act 2026, s.3
                effective: 2020-01-01..
                applies-to: EXTRACT
                severity: BLOCK
                require: event.facility != 'T-MINE-%1$s' || event.massKg <= quotaRemainingKg()
                explain: string(quotaRemainingKg()) + ' kg left'
                message: Over the annual quota.
                """.formatted(p), true).status()).isEqualTo(201);

        // the second extraction of the submission is over the quota: the first is taken back with it
        Response refused = postJson("/api/events/batch", miner, "{\"events\": [%s, %s]}"
                .formatted(quotaExtraction("q1", 6000), quotaExtraction("q2", 6000)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("ruleId").asString()).isEqualTo("T-QUOTA-" + p);
        assertThat(refused.json().path("detail").asString()).contains("4000.0 kg left");

        assertThat(postJson("/api/events", miner, quotaExtraction("q3", 6000)).status()).isEqualTo(201);
        Response over = postJson("/api/events", miner, quotaExtraction("q4", 5000));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("detail").asString()).contains("4000.0 kg left");

        // an extraction booked in error and reversed no longer counts
        assertThat(postJson("/api/events", miner, """
                {"id": "r3-%1$s", "type": "REVERSE", "time": "2026-03-02T00:00:00Z", "facility": "T-MINE-%1$s",
                 "original": "q3-%1$s", "reason": "booked in error"}""".formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/events", miner, quotaExtraction("q4", 5000)).status()).isEqualTo(201);
    }
}
