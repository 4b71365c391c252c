package org.reetrace.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running reetrace asked over its REST API, with the JDK's HTTP support and Jackson only (no application starts).
 * Answers are JSON trees with exact decimals. A refusal of the server is one {@link CommandFailure} line: the problem's
 * detail and field for a 4xx, which token and why for a 401 or 403.
 *
 * <p>{@link HttpURLConnection}, not {@code java.net.http.HttpClient}: a command asks a few requests in a row, and the
 * latter's start (its selector thread, the TLS context it builds even for plain HTTP) costs a short command more than
 * its whole remaining run, about 0.35 s of CPU against 0.03 s.
 */
final class ServerClient {

    /** Exact decimals, as the server wrote them: a mass keeps its scale. */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 600_000;

    private final ServerLocation server;

    ServerClient(ServerLocation server) {
        this.server = server;
    }

    /** GET of {@code path} (relative, its segments encoded with {@link #segment}) with query parameters as name, value pairs. */
    JsonNode get(String path, String... query) {
        return send("GET", uri(path, query), path, null, null);
    }

    /** POST of a JSON body. */
    JsonNode post(String path, JsonNode body, String... query) {
        return send("POST", uri(path, query), path, "application/json", JSON.writeValueAsString(body));
    }

    /** What the server answered, refusals included (the caller tells them apart by {@code status}). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            return body == null ? "" : text(body, "detail", "");
        }
    }

    /** GET that hands back a 4xx problem instead of failing on it (a 401 or 403 still fails). */
    Answer askGet(String path, String... query) {
        return exchange("GET", uri(path, query), path, null, null);
    }

    /** POST of a text body that hands back a 4xx problem instead of failing on it (a 401 or 403 still fails). */
    Answer askPost(String path, String mediaType, String body, String... query) {
        return exchange("POST", uri(path, query), path, mediaType, body);
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

    private JsonNode send(String method, URI uri, String path, String mediaType, String body) {
        Answer answer = exchange(method, uri, path, mediaType, body);
        if (!answer.ok()) {
            throw new CommandFailure(refusal(answer.status(), answer.body()));
        }
        if (answer.body() == null) {
            throw new CommandFailure("the server at " + server.url() + " answered " + path + " with no JSON");
        }
        return answer.body();
    }

    private Answer exchange(String method, URI uri, String path, String mediaType, String body) {
        int status;
        String text;
        try {
            HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
            http.setRequestMethod(method);
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            http.setRequestProperty("Accept", "application/json");
            server.token().ifPresent(t -> http.setRequestProperty("Authorization", "Bearer " + t));
            if (body != null) {
                http.setDoOutput(true);
                http.setRequestProperty("Content-Type", mediaType);
                try (OutputStream out = http.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            status = http.getResponseCode();
            try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (ConnectException e) {
            throw new Unreachable(server, e);
        } catch (SocketTimeoutException e) {
            // "Connect timed out": nothing answers at the address; "Read timed out": the server is slow
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                throw new Unreachable(server, e);
            }
            throw new CommandFailure("the server at " + server.url() + " did not answer " + path + " in time");
        } catch (IOException e) {
            throw new CommandFailure("the server at " + server.url() + " did not answer " + path + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        JsonNode answer = parse(text);
        if (status == 401 || status == 403 || status >= 500) {
            throw new CommandFailure(refusal(status, answer));
        }
        return new Answer(status, answer);
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
        Unreachable(ServerLocation server, Exception cause) {
            super("cannot reach the server at " + server.url() + " (from " + server.urlSource() + "): "
                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()));
        }
    }

    /** An answer read as the record the server wrote it from, so that one printer serves both paths. */
    static <T> T read(JsonNode node, Class<T> type) {
        return JSON.treeToValue(node, type);
    }

    /** The JSON array at {@code node} as a list (empty when absent). */
    static List<JsonNode> list(JsonNode node) {
        return node == null || node.isNull() ? List.of() : node.valueStream().toList();
    }
}
