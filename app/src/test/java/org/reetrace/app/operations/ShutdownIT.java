package org.reetrace.app.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.ledger.LedgerVerification;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shutdown under load, as SIGTERM does it: the web server stops taking requests and lets those in flight
 * finish, then the writer books what is queued, then the database stops. No request gets a 5xx, and every event
 * answered 201 is in the books after a restart.
 */
class ShutdownIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static ConfigurableApplicationContext start(Path dataDir, WebApplicationType web) {
        return new SpringApplicationBuilder(ReetraceApplication.class).web(web)
                .run("--reetrace.database.data-dir=" + dataDir, "--server.port=0", "--server.address=127.0.0.1",
                        "--reetrace.analytics.enabled=false");
    }

    @Test
    void a_shutdown_under_load_answers_no_request_with_a_server_error_and_loses_no_acknowledged_event()
            throws Exception {
        Path dataDir = TestDataDirs.fresh("shutdown");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConfigurableApplicationContext app = start(dataDir, WebApplicationType.SERVLET);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        String regulator = app.getBean(ApiTokens.class).issue(Caller.of("regulator", Role.REGULATOR)).token();
        assertThat(send(base, "/api/operators", regulator, """
                {"id": "OP-SHUT", "name": "Shutdown mine", "country": "MY", "effective": "2025-01-01"}""")).isEqualTo(201);
        assertThat(send(base, "/api/facilities", regulator, """
                {"id": "MINE-SHUT", "operator": "OP-SHUT", "name": "Mine", "kind": "MINE", "country": "MY",
                 "effective": "2025-01-01"}""")).isEqualTo(201);
        String miner = app.getBean(ApiTokens.class).issue(Caller.operator("miner", "OP-SHUT")).token();

        int clients = 8;
        CountDownLatch warm = new CountDownLatch(200);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                // each client sends until the server no longer takes its connections
                for (int failures = 0; failures < 3; ) {
                    int n = next.incrementAndGet();
                    String id = "e-shut-" + n;
                    int status;
                    try {
                        status = send(base, "/api/events", miner, """
                                {"id": "%s", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "MINE-SHUT",
                                 "lot": "ORE-SHUT-%d", "form": "ORE", "massKg": 1, "compositionMg": {"Nd": 1000}}"""
                                .formatted(id, n));
                    } catch (IOException e) {
                        failures++;
                        continue;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 201) {
                        acknowledged.add(id);
                    }
                    warm.countDown();
                }
            });
        }
        assertThat(warm.await(60, TimeUnit.SECONDS)).isTrue();
        app.close();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(statuses.keySet()).as("statuses " + statuses).allMatch(s -> s < 500);
        assertThat(acknowledged).as("statuses " + statuses).hasSizeGreaterThanOrEqualTo(200);
        try (ConfigurableApplicationContext again = start(dataDir, WebApplicationType.NONE)) {
            List<String> stored = again.getBean(JdbcClient.class)
                    .sql("select event_id from ledger_event where event_id like 'e-shut-%'").query(String.class).list();
            assertThat(stored).containsAll(acknowledged);
            LedgerVerification.Report report = again.getBean(LedgerVerification.class).verify();
            assertThat(report.clean()).as(String.valueOf(report.firstViolation())).isTrue();
        }
    }

    private static int send(String base, String path, String token, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
