package org.reetrace.app.epcis;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.cli.CommandRun;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture document of 100,000 events goes through an application whose heap is 256 MB: the application runs
 * in a JVM of its own started with {@code -Xmx256m -XX:+ExitOnOutOfMemoryError} (the test JVM's classpath, the
 * {@code serve} command), so running out of heap anywhere (spooling, the schema pass, the profile pass, the job)
 * ends that JVM and fails the test.
 *
 * <p>The events are plain ObjectEvents, not ledger events: the ledger events of one rollback capture are one
 * all-or-nothing ledger submission, held in memory until the ledger commits them (CaptureJobs says so), so their
 * number is bounded by the heap by design; what must stream is the EPCIS document and its rows.
 */
class LargeCaptureIT {
    static final int EVENTS = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SERVING = Pattern.compile("serving on (http://localhost:\\d+)/");

    private Process app;
    private final StringBuffer appOutput = new StringBuffer();

    @AfterEach
    void stopTheApplication() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy(); // SIGTERM: the shutdown hook stops the server and its PostgreSQL
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void a_document_of_100000_events_is_captured_by_an_application_with_a_heap_of_256_mb() throws Exception {
        Path dataDir = TestDataDirs.fresh("large-capture");
        String regulator = regulatorToken(dataDir);
        String base = start(dataDir);
        assertThat(send(base, "/api/operators", regulator, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"id\": \"OP-LARGE\", \"name\": \"Large\", \"country\": \"MY\"}"))
                .statusCode()).isEqualTo(201);
        String operator = JSON.readTree(send(base, "/api/tokens", regulator, "application/json",
                HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"bulk\", \"role\": \"OPERATOR\", \"operator\": \"OP-LARGE\"}")).body())
                .path("token").asString();
        Path document = Files.createTempFile(dataDir.getParent(), "large-capture-", ".jsonld");
        writeDocument(document, EVENTS);

        Instant started = Instant.now();
        HttpResponse<String> accepted = send(base, "/epcis/capture", operator, "application/ld+json",
                HttpRequest.BodyPublishers.ofFile(document));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Instant checked = Instant.now();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = awaitJob(base, location, operator, Duration.ofSeconds(180));
        Instant finished = Instant.now();

        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        System.out.printf("LargeCaptureIT: %d events (%d MB) checked in %.1f s, captured in %.1f s in all: %.0f events/s"
                        + " with -Xmx256m%n", EVENTS, Files.size(document) >> 20,
                Duration.between(started, checked).toMillis() / 1000.0, seconds, EVENTS / seconds);
        assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
        assertThat(job.path("eventCount").asInt()).isEqualTo(EVENTS);
        assertThat(job.path("storedCount").asInt()).isEqualTo(EVENTS);
        assertThat(storedEvents(base, operator)).isEqualTo(EVENTS);
        assertThat(app.isAlive()).as("the application is still running:%n%s", appOutput).isTrue();
        assertThat(appOutput.toString()).doesNotContain("OutOfMemoryError");
    }

    /** Issues a regulator token with the CLI against the data folder, before the server owns it. */
    private static String regulatorToken(Path dataDir) {
        StringWriter out = new StringWriter();
        assertThat(CommandRun.reetrace(out, new StringWriter(), "token", "--name", "agency", "--role", "REGULATOR",
                "--data-dir", dataDir.toString())).isZero();
        return out.toString().strip();
    }

    /** Starts {@code reetrace serve} in a JVM of its own with a 256 MB heap and answers its base URL. */
    private String start(Path dataDir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        app = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "org.reetrace.app.Reetrace",
                "serve", "--port", "0", "--data-dir", dataDir.toString())
                .redirectErrorStream(true).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("large-capture-app-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    appOutput.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("the application ended:\n" + appOutput));
        });
        try {
            return url.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the application did not start:\n" + appOutput, e);
        }
    }

    /** A JSON-LD capture document of {@code n} ObjectEvents that name no place, written as it goes. */
    static void writeDocument(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                     "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-02T08:00:00Z",
                     "epcisBody": {"eventList": [
                    """);
            for (int i = 0; i < n; i++) {
                w.write(i == 0 ? "" : ",\n");
                w.write("""
                        {"type": "ObjectEvent", "eventTime": "2026-03-02T08:%02d:%02d.000+08:00", \
                        "eventTimeZoneOffset": "+08:00", "eventID": "urn:uuid:00000000-0000-4000-8000-%012d", \
                        "epcList": ["urn:epc:id:sgtin:9555000.012345.%d"], "action": "OBSERVE", "bizStep": "inspecting", \
                        "disposition": "in_progress"}""".formatted(i / 60 % 60, i % 60, i, i));
            }
            w.write("]}}\n");
        }
    }

    private static JsonNode awaitJob(String base, String location, String token, Duration patience)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = JSON.readTree(send(base, location, token, null, null).body());
            if (!job.path("running").asBoolean(true)) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("capture job " + location + " still running after " + patience);
    }

    /** Counts the events the operator sees, page by page, as a client would. */
    private static int storedEvents(String base, String token) throws IOException, InterruptedException {
        int count = 0;
        String next = "/epcis/events?perPage=1000&EQ_bizStep=inspecting";
        while (next != null) {
            HttpResponse<String> page = send(base, next, token, null, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            count += JSON.readTree(page.body()).at("/epcisBody/queryResults/resultsBody/eventList").size();
            next = page.headers().firstValue("Link")
                    .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
        }
        return count;
    }

    private static HttpResponse<String> send(String base, String path, String token, String contentType,
                                             HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            r.GET();
        } else {
            r.header("Content-Type", contentType).POST(body);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
