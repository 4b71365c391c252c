package org.reetrace.app.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One client of a running server, with its bearer token: JSON in, status and JSON out. */
final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the server answered. */
    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean booked() {
            // 200: the identical event was booked before, which is an acknowledgement too
            return status == 201 || status == 200;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    /** Throws IOException when the server is gone, which is how a client learns of a crash. */
    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** As {@link #post}, for setting up: anything but {@code expected} is a failure of the run. */
    Answer require(int expected, String path, String json) throws IOException, InterruptedException {
        Answer answer = post(path, json);
        if (answer.status() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
