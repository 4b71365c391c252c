package org.reetrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;

class AuthenticationIT extends RunningAppIT {

    @Test
    void a_request_without_token_is_refused_with_a_401_problem() {
        var response = get("/api/probe/whoami", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.wwwAuthenticate()).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/unauthorized");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void an_unknown_token_is_refused() {
        var response = get("/api/probe/whoami", "rtk_" + "A".repeat(43));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("detail").asString()).contains("not valid");
    }

    @Test
    void basic_authentication_is_not_accepted() {
        var response = send(request("/api/probe/whoami", null).header("Authorization", "Basic dXNlcjpwYXNz").GET());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void an_unknown_api_path_without_token_reveals_nothing() {
        assertThat(get("/api/no-such-thing", null).status()).isEqualTo(401);
    }

    @Test
    void a_valid_token_reaches_the_handler_as_its_caller() {
        String token = tokenFor(Caller.operator("kuantan-plant", "OP-AUTH-1"));

        var response = get("/api/probe/whoami", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("kuantan-plant");
        assertThat(response.json().path("role").asString()).isEqualTo("OPERATOR");
        assertThat(response.json().path("operatorId").asString()).isEqualTo("OP-AUTH-1");
    }

    @Test
    void only_the_hash_of_a_token_is_stored() {
        String token = tokenFor(Caller.of("auditor-1", Role.AUDITOR));

        var stored = jdbc.sql("select token_hash from api_token where name = 'auditor-1'").query(String.class).list();

        assertThat(stored).contains(ApiTokens.hash(token)).doesNotContain(token);
    }

    @Test
    void an_operator_is_refused_the_records_of_another_operator_with_a_403_problem() {
        String token = tokenFor(Caller.operator("mine-a", "OP-AUTH-A"));
        ensureOperator("OP-AUTH-B");

        assertThat(get("/api/probe/operators/OP-AUTH-A", token).status()).isEqualTo(200);
        var refused = get("/api/probe/operators/OP-AUTH-B", token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/forbidden");
        assertThat(refused.json().path("detail").asString()).contains("OP-AUTH-B");
    }

    @Test
    void the_regulator_reads_every_operator() {
        String token = tokenFor(Caller.of("agency", Role.REGULATOR));

        assertThat(get("/api/probe/operators/OP-ANY", token).status()).isEqualTo(200);
    }
}
