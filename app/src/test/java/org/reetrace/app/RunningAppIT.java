package org.reetrace.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of integration tests against the whole application: web server on a random port, embedded
 * PostgreSQL 17 on a fresh data folder, migrations applied. Every subclass gets the same application
 * (Spring's test context cache), so it starts once per test JVM; tests must therefore not depend on
 * what other tests wrote (use ids of their own).
 *
 * <pre>{@code
 * class LotApiIT extends RunningAppIT {
 *     @Test
 *     void an_operator_reads_its_own_lot() throws Exception {
 *         String token = tokenFor(Caller.operator("mine", "OP-1"));
 *         Response response = get("/api/lots/L-1", token);
 *         assertThat(response.status()).isEqualTo(200);
 *     }
 * }
 * }</pre>
 */
@SpringBootTest(classes = ReetraceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningAppIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ApiTokens apiTokens;

    @Autowired
    protected StoredRegistry storedRegistry;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // called once for each application Spring starts: each gets a database of its own, and the test classes
        // that share an application (the same configuration) share its database
        java.nio.file.Path dataDir = TestDataDirs.fresh("app");
        registry.add("reetrace.database.data-dir", dataDir::toString);
        // every test class calls from the loopback address: a larger allowance of failed authentications for it all
        registry.add("reetrace.tokens.failed-authentications", () -> "200");
    }

    /** A fresh bearer token for {@code caller}; registers its operator first if the caller is one. */
    protected String tokenFor(Caller caller) {
        caller.operatorId().ifPresent(this::ensureOperator);
        return apiTokens.issue(caller).token();
    }

    /** Registers a bare operator (MY) if absent, so that tokens and facilities can refer to it. */
    protected void ensureOperator(String operatorId) {
        OperatorId id = OperatorId.of(operatorId);
        if (storedRegistry.operator(id).isEmpty()) {
            storedRegistry.add(new Operator(id, operatorId, CountryCode.of("MY")), "test");
        }
    }

    protected Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected Response post(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected Response postJson(String path, String token, String json) {
        return post(path, token, "application/json", json);
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("WWW-Authenticate"), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What a test needs of an HTTP response. */
    public record Response(int status, Optional<String> contentType, Optional<String> wwwAuthenticate, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.filter(type -> type.startsWith("application/problem+json")).isPresent();
        }
    }
}
