package org.reetrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TokenLifeCycleIT extends RunningAppIT {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    private TokenSettings settings;

    private String regulator;

    @BeforeEach
    void regulator() {
        regulator = tokenFor(Caller.of("token agency", Role.REGULATOR));
    }

    @Test
    void an_operator_token_expires_after_the_operators_lifetime_and_others_only_when_asked() {
        ensureOperator("OP-TOK-EXP");
        MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
        ApiTokens tokens = new ApiTokens(jdbc, clock, new TokenSettings(Duration.ofDays(30), 20, Duration.ofMinutes(1)));
        IssuedToken operator = tokens.issue(Caller.operator("exp plant", "OP-TOK-EXP"));
        IssuedToken auditor = tokens.issue(Caller.of("exp auditor", Role.AUDITOR));
        IssuedToken shortAuditor = tokens.issue(Caller.of("exp auditor 2", Role.AUDITOR),
                Optional.of(Instant.parse("2026-01-10T00:00:00Z")));

        assertThat(operator.expires()).contains(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(auditor.expires()).isEmpty();
        clock.now = Instant.parse("2026-01-30T23:59:59Z");
        assertThat(tokens.check(operator.token())).isInstanceOf(ApiTokens.Check.Valid.class);
        assertThat(tokens.check(shortAuditor.token())).isInstanceOf(ApiTokens.Check.Expired.class);
        clock.now = Instant.parse("2026-01-31T00:00:00Z");
        assertThat(tokens.check(operator.token())).isEqualTo(new ApiTokens.Check.Expired(operator.expires().get()));
        clock.now = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(tokens.check(auditor.token())).isInstanceOf(ApiTokens.Check.Valid.class);
    }

    @Test
    void an_operator_may_ask_for_a_shorter_life_never_a_longer_one_and_no_one_for_a_past_expiry() {
        ensureOperator("OP-TOK-LONG");
        MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
        ApiTokens tokens = new ApiTokens(jdbc, clock, new TokenSettings(Duration.ofDays(30), 20, Duration.ofMinutes(1)));

        assertThat(tokens.issue(Caller.operator("short", "OP-TOK-LONG"), Optional.of(Instant.parse("2026-01-02T00:00:00Z")))
                .expires()).contains(Instant.parse("2026-01-02T00:00:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.issue(Caller.operator("long", "OP-TOK-LONG"),
                Optional.of(Instant.parse("2026-03-01T00:00:00Z")))).withMessageContaining("30 days");
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.issue(Caller.of("past", Role.PUBLIC),
                Optional.of(Instant.parse("2025-12-31T00:00:00Z")))).withMessageContaining("future");
    }

    @Test
    void the_last_use_is_written_at_most_once_a_minute() {
        MovingClock clock = new MovingClock(Instant.parse("2026-02-01T00:00:00Z"));
        ApiTokens tokens = new ApiTokens(jdbc, clock);
        IssuedToken issued = tokens.issue(Caller.of("last use", Role.CUSTOMS));
        assertThat(tokens.find(issued.id()).orElseThrow().lastUsed()).isEmpty();

        tokens.check(issued.token());
        clock.now = clock.now.plusSeconds(59);
        tokens.check(issued.token());
        assertThat(tokens.find(issued.id()).orElseThrow().lastUsed()).contains(Instant.parse("2026-02-01T00:00:00Z"));
        clock.now = clock.now.plusSeconds(1);
        tokens.check(issued.token());
        assertThat(tokens.find(issued.id()).orElseThrow().lastUsed()).contains(Instant.parse("2026-02-01T00:01:00Z"));
    }

    @Test
    void an_expired_token_is_refused_with_a_problem_that_says_so() {
        ensureOperator("OP-TOK-OLD");
        ApiTokens past = new ApiTokens(jdbc, Clock.fixed(Instant.now().minus(Duration.ofDays(100)), ZoneOffset.UTC));
        String token = past.issue(Caller.operator("old plant", "OP-TOK-OLD")).token();

        var response = get("/api/probe/whoami", token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/token-expired");
        assertThat(response.json().path("detail").asString()).contains("expired");
    }

    @Test
    void the_regulator_issues_lists_and_revokes_a_token_which_is_then_refused_as_revoked() {
        var issued = postJson("/api/tokens", regulator, """
                {"name": "revocable auditor", "role": "AUDITOR", "expires": "2099-01-01T00:00:00Z"}""");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().path("id").asString();
        String token = issued.json().path("token").asString();
        assertThat(id).matches("tok_[0-9a-f]{16}");
        assertThat(issued.json().path("expires").asString()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(get("/api/probe/whoami", token).status()).isEqualTo(200);

        JsonNode listed = byId(get("/api/tokens", regulator).json(), id);
        assertThat(listed.path("name").asString()).isEqualTo("revocable auditor");
        assertThat(listed.path("status").asString()).isEqualTo("VALID");
        assertThat(listed.path("lastUsed").asString()).isNotBlank();

        var revoked = send(request("/api/tokens/" + id, regulator).DELETE());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revokedBy").asString()).isEqualTo("token agency");

        var refused = get("/api/probe/whoami", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/token-revoked");
        assertThat(send(request("/api/tokens/" + id, regulator).DELETE()).json().path("revoked").asString())
                .as("revoking again keeps the first revocation").isEqualTo(revoked.json().path("revoked").asString());
    }

    @Test
    void a_listing_shows_no_secret_and_no_hash() {
        String token = tokenFor(Caller.of("listed customs", Role.CUSTOMS));

        var listing = get("/api/tokens", regulator);

        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body()).contains("listed customs").doesNotContain(token).doesNotContain(ApiTokens.hash(token))
                .doesNotContain("rtk_").doesNotContain("hash");
    }

    @Test
    void an_operator_lists_and_revokes_only_its_own_tokens() {
        String mine = tokenFor(Caller.operator("own plant", "OP-TOK-A"));
        String other = tokenFor(Caller.operator("other plant", "OP-TOK-B"));
        String otherId = byName(get("/api/tokens", regulator).json(), "other plant").path("id").asString();
        String spare = tokenFor(Caller.operator("own spare", "OP-TOK-A"));
        String spareId = byName(get("/api/tokens", regulator).json(), "own spare").path("id").asString();

        var listing = get("/api/tokens", mine);

        assertThat(listing.status()).isEqualTo(200);
        List<String> operators = new ArrayList<>();
        listing.json().forEach(t -> operators.add(t.path("operator").asString()));
        assertThat(operators).isNotEmpty().containsOnly("OP-TOK-A");
        assertThat(send(request("/api/tokens/" + otherId, mine).DELETE()).status()).isEqualTo(404);
        assertThat(get("/api/probe/whoami", other).status()).isEqualTo(200);
        assertThat(send(request("/api/tokens/" + spareId, mine).DELETE()).status()).isEqualTo(200);
        assertThat(get("/api/probe/whoami", spare).status()).isEqualTo(401);
        assertThat(get("/api/tokens", tokenFor(Caller.of("nosy public", Role.PUBLIC))).status()).isEqualTo(403);
        assertThat(postJson("/api/tokens", mine, "{\"name\": \"x\", \"role\": \"REGULATOR\"}").status()).isEqualTo(403);
    }

    @Test
    void an_issue_request_with_a_bad_expiry_or_name_is_a_400_problem() {
        ensureOperator("OP-TOK-BAD");
        var tooLong = postJson("/api/tokens", regulator, """
                {"name": "far", "role": "OPERATOR", "operator": "OP-TOK-BAD", "expires": "2999-01-01T00:00:00Z"}""");
        var notAnInstant = postJson("/api/tokens", regulator, """
                {"name": "far", "role": "AUDITOR", "expires": "soon"}""");
        var controlCharacter = postJson("/api/tokens", regulator, """
                {"name": "nul\\u0000name", "role": "AUDITOR"}""");
        var unknownOperator = postJson("/api/tokens", regulator, """
                {"name": "ghost", "role": "OPERATOR", "operator": "OP-TOK-GHOST"}""");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").path(0).path("field").asString()).isEqualTo("expires");
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(controlCharacter.status()).isEqualTo(400);
        assertThat(unknownOperator.status()).isEqualTo(422);
        assertThat(postJson("/api/tokens", regulator,
                "{\"name\": \"forever\", \"role\": \"AUDITOR\", \"expires\": \"+200000-01-01T00:00:00Z\"}").status())
                .isEqualTo(400);
        assertThat(get("/api/tokens?operator=OP%00X", regulator).status()).isEqualTo(400);
    }

    @Test
    void failed_authentications_from_one_client_are_answered_429_after_the_allowance_and_another_client_is_not_limited()
            throws Exception {
        HttpClient attacker = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.5")).build();
        HttpClient neighbour = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.6")).build();
        int allowance = settings.failedAuthentications();
        String valid = tokenFor(Caller.of("busy auditor", Role.AUDITOR));

        // the allowance comes back evenly while the guesses go on: a few more than it may pass before the first 429
        int refused = 0;
        HttpResponse<String> limited = whoami(attacker, "rtk_guess");
        while (limited.statusCode() == 401 && refused < 2 * allowance) {
            refused++;
            limited = whoami(attacker, "rtk_guess" + refused);
        }

        assertThat(refused).isBetween(allowance, allowance + allowance / 4);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        assertThat(JSON.readTree(limited.body()).path("type").asString())
                .isEqualTo("https://reetrace.org/problems/too-many-failed-authentications");
        assertThat(whoami(attacker, "rtk_still-guessing").statusCode()).isEqualTo(429);
        assertThat(whoami(attacker, valid).statusCode()).as("a valid token passes from a limited address").isEqualTo(200);
        assertThat(whoami(neighbour, "rtk_other-guess").statusCode()).isEqualTo(401);
        for (int i = 0; i < allowance + 5; i++) {
            assertThat(whoami(neighbour, valid).statusCode()).as("successful requests take no allowance").isEqualTo(200);
        }
    }

    private HttpResponse<String> whoami(HttpClient client, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/probe/whoami"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode byId(JsonNode list, String id) {
        return first(list, "id", id);
    }

    private static JsonNode byName(JsonNode list, String name) {
        return first(list, "name", name);
    }

    private static JsonNode first(JsonNode list, String field, String value) {
        for (JsonNode t : list) {
            if (t.path(field).asString().equals(value)) {
                return t;
            }
        }
        throw new AssertionError("no token with " + field + " " + value + " in " + list);
    }
}
