package org.reetrace.app.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running reetrace asked over its REST API, with the JDK's HTTP client and Jackson only (no application starts).
 * Answers are JSON trees with exact decimals. A refusal of the server is one {@link CommandFailure} line: the problem's
 * detail and field for a 4xx, which token and why for a 401 or 403.
 */
final class ServerClient {

    /** Exact decimals, as the server wrote them: a mass keeps its scale. */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final ServerLocation server;
    private final HttpClient http;

    ServerClient(ServerLocation server) {
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    ServerLocation location() {
        return server;
    }

    /** GET of {@code path} (relative, its segments encoded with {@link #segment}) with query parameters as name, value pairs. */
    JsonNode get(String path, String... query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET(), path);
    }

    /** POST of a JSON body. */
    JsonNode post(String path, JsonNode body, String... query) {
        return send(HttpRequest.newBuilder(uri(path, query)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), path);
    }

    /** POST of a text body of the given media type (a CSV file, a rule pack). */
    JsonNode post(String path, String mediaType, String body, String... query) {
        return send(HttpRequest.newBuilder(uri(path, query)).header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    /** A path segment (a lot or operator id) encoded for a URL. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path, String... query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] != null) {
                q.add(query[i] + "=" + URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
            }
        }
        return server.url().resolve(path + q);
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        request.header("Accept", "application/json").timeout(Duration.ofMinutes(10));
        server.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable(server, e);
        } catch (IOException e) {
            throw new CommandFailure("the server at " + server.url() + " did not answer " + path + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while asking " + server.url());
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new CommandFailure("the server at " + server.url() + " answered " + path + " with no JSON");
            }
            return body;
        }
        throw new CommandFailure(refusal(status, body));
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** A refusal in one line: which token and why for 401 and 403, the problem's detail and field otherwise. */
    String refusal(int status, JsonNode problem) {
        String detail = problem == null ? "" : text(problem, "detail", text(problem, "title", ""));
        if (status == 401 || status == 403) {
            String why = detail.isEmpty() ? (status == 401 ? "not authenticated" : "not allowed") : detail;
            return server.token().isEmpty()
                    ? "the server at " + server.url() + " needs a token (" + why + "): give --token or set "
                            + ServerLocation.TOKEN_VARIABLE
                    : "the server at " + server.url() + " refused the token " + server.tokenShown() + ": " + why;
        }
        if (status >= 400 && status < 500 && problem != null) {
            String field = text(problem, "field", "");
            StringBuilder line = new StringBuilder(detail.isEmpty() ? "refused (" + status + ")" : detail);
            if (!field.isEmpty() && !line.toString().contains(field)) {
                line.append(" (").append(field).append(')');
            }
            return line.toString();
        }
        return "the server at " + server.url() + " failed: " + status
                + (problem == null ? "" : " " + text(problem, "title", ""));
    }

    private static String text(JsonNode node, String member, String otherwise) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? otherwise : value.asString().strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Nothing listens at the server's address. */
    static final class Unreachable extends CommandFailure {
        final transient ServerLocation server;

        Unreachable(ServerLocation server, Exception cause) {
            super("cannot reach the server at " + server.url() + " (from " + server.urlSource() + "): "
                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()));
            this.server = server;
        }
    }

    /** The JSON array at {@code node} as a list (empty when absent). */
    static List<JsonNode> list(JsonNode node) {
        return node == null || node.isNull() ? List.of() : node.valueStream().toList();
    }
}
