package org.reetrace.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.reetrace.client.api.LedgerApi;
import org.reetrace.client.model.ProblemDetail;
import org.reetrace.client.model.ProblemError;

/** The client generated from docs/openapi.json reads what the server sends; no server is needed. */
class GeneratedClientTest {

    @Test
    void reads_a_problem_with_its_extension_members_and_keeps_unknown_ones() throws Exception {
        String body = """
                {"type": "https://reetrace.org/problems/invalid-request", "title": "Invalid request", "status": 400,
                 "detail": "1 field is invalid", "instance": "/api/operators",
                 "errors": [{"field": "country", "reason": "must be an ISO 3166-1 alpha-2 code"}],
                 "lotStatus": "EXPORTED"}""";

        ProblemDetail problem = JSON.getDefault().getMapper().readValue(body, ProblemDetail.class);

        assertThat(problem.getType()).isEqualTo(URI.create("https://reetrace.org/problems/invalid-request"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(ProblemError::getField, ProblemError::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("country", "must be an ISO 3166-1 alpha-2 code"));
        assertThat(problem.getAdditionalProperty("lotStatus")).isEqualTo("EXPORTED");
    }

    @Test
    void an_api_of_a_capability_calls_the_server_it_is_given() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("https://reetrace.example:8443");

        new LedgerApi(client);

        assertThat(client.getBaseUri()).isEqualTo("https://reetrace.example:8443");
    }
}
