package org.reetrace.bench.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the EPCIS capture interface, as GS1 describes its use: POST a JSON-LD document, then follow the
 * capture job its Location names until the job has finished. One connection of its own, as a separate client has.
 */
final class CaptureClient {
    /** How often a running job is looked at: at most this much is added to a document's capture time. */
    static final Duration POLL = Duration.ofMillis(50);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One capture: the status of the POST and the seconds it took to be answered (spooling and checking the
     * document), and for an accepted document (202), what its job did.
     */
    record Outcome(int status, double checkedSeconds, int eventCount, int storedCount, boolean success,
                   String problem) {
        boolean accepted() {
            return status == 202;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    CaptureClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Captures a document as {@code token}'s operator with the GS1 error behaviour given. */
    Outcome capture(HttpRequest.BodyPublisher document, String token, String behaviour, Duration patience)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> posted = http.send(request("/epcis/capture", token, patience)
                .header("Content-Type", "application/ld+json").header("GS1-Capture-Error-Behaviour", behaviour)
                .POST(document).build(), HttpResponse.BodyHandlers.ofString());
        double checked = (System.nanoTime() - t0) / 1e9;
        if (posted.statusCode() != 202) {
            return new Outcome(posted.statusCode(), checked, 0, 0, false, abbreviated(posted.body()));
        }
        String job = posted.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("202 without the capture job's Location"));
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(request(job, token, patience).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + job + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode j = JSON.readTree(r.body());
            if (!j.path("running").asBoolean(true)) {
                JsonNode first = j.path("errors").path(0);
                return new Outcome(202, checked, j.path("eventCount").asInt(), j.path("storedCount").asInt(),
                        j.path("success").asBoolean(), first.isMissingNode() ? null
                        : first.path("title").asString() + ": " + first.path("detail").asString());
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException("capture job " + job + " still running after " + patience);
    }

    private HttpRequest.Builder request(String path, String token, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static String abbreviated(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
