package org.reetrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

class ProblemDetailsIT extends RunningAppIT {

    private String token;

    @BeforeEach
    void token() {
        token = tokenFor(Caller.of("problem-tests", Role.REGULATOR));
    }

    @Test
    void a_valid_body_passes() {
        var response = postJson("/api/probe/echo", token, """
                {"name": "NdPr oxide", "massMg": 1000, "tags": ["a"]}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("sample").path("massMg").asLong()).isEqualTo(1000);
    }

    @Test
    void malformed_json_says_on_which_line_and_column_it_broke() {
        var response = postJson("/api/probe/echo", token, "{\n  \"name\": \"x\",\n  \"massMg\": 12,,\n}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        var problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://reetrace.org/problems/malformed-request");
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("column").asInt()).isPositive();
        assertThat(problem.path("detail").asString()).contains("line 3");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field_without_naming_java_types() {
        var response = postJson("/api/probe/echo", token, """
                {"name": "x", "massMg": "heavy"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("massMg");
        assertThat(response.body()).doesNotContain("org.reetrace", "java.lang", "long");
    }

    @Test
    void bean_validation_lists_every_invalid_field_with_its_reason() {
        var response = postJson("/api/probe/echo", token, """
                {"name": " ", "massMg": -5, "tags": ["ok", ""]}""");

        assertThat(response.status()).isEqualTo(400);
        var problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://reetrace.org/problems/invalid-request");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("name", "massMg", "tags[1]");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("reason").asString()))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void a_problem_exception_keeps_its_status_type_title_detail_and_properties() {
        var response = get("/api/probe/conflict", token);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        var problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://reetrace.org/problems/lot-not-active");
        assertThat(problem.path("title").asString()).isEqualTo("Lot is not active");
        assertThat(problem.path("detail").asString()).isEqualTo("lot L-17 was exported on 2025-03-02");
        assertThat(problem.path("lot").asString()).isEqualTo("L-17");
        assertThat(problem.path("lotStatus").asString()).isEqualTo("EXPORTED");
        assertThat(problem.path("status").asInt()).isEqualTo(409);
    }

    @Test
    void an_unexpected_failure_is_a_500_with_an_error_reference_and_no_internals() {
        var response = get("/api/probe/crash", token);

        assertThat(response.status()).isEqualTo(500);
        var problem = response.json();
        assertThat(problem.path("errorRef").asString()).matches("[0-9a-f-]{36}");
        assertThat(problem.path("detail").asString()).contains(problem.path("errorRef").asString());
        assertThat(response.body()).doesNotContain("secret-host", "IllegalStateException", "at org.");
    }

    @Test
    void a_problem_carried_by_a_failed_future_is_that_problem_with_its_retry_after() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(request("/api/probe/busy", token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).contains("ledger-unavailable", "overloaded");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        var response = get("/api/no-such-resource", token);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/not-found");
        assertThat(response.json().path("detail").asString()).isEqualTo("There is nothing at GET /api/no-such-resource");
    }

    @Test
    void a_body_in_an_unsupported_media_type_is_a_415_problem() {
        var response = post("/api/probe/echo", token, "text/plain", "name=x");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("type").asString()).isEqualTo("https://reetrace.org/problems/unsupported-media-type");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        var response = get("/api/probe/echo", token);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.isProblem()).isTrue();
    }
}
