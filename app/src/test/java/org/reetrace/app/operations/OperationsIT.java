package org.reetrace.app.operations;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operations team's probes and Prometheus see of the running application. */
class OperationsIT extends RunningAppIT {

    @Test
    void liveness_and_readiness_answer_without_a_token_and_readiness_names_the_database_and_the_writer() {
        Response live = get("/actuator/health/liveness", null);
        Response ready = get("/actuator/health/readiness", null);

        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().path("status").asString()).isEqualTo("UP");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(ready.json().at("/components/ledgerWriter/status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheus_counts_booked_and_refused_events_and_times_commits() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        String regulator = tokenFor(Caller.of("regulator " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-OPS-%1$s", "name": "Ops %1$s", "country": "MY", "effective": "2025-01-01"}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "MINE-OPS-%1$s", "operator": "OP-OPS-%1$s", "name": "Mine", "kind": "MINE", "country": "MY",
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        String miner = tokenFor(Caller.operator("miner " + p, "OP-OPS-" + p));
        double bookedBefore = metric("reetrace_ledger_events_total", "outcome=\"booked\"");
        double refusedBefore = metric("reetrace_ledger_events_total", "outcome=\"refused\"");

        String extract = """
                {"id": "e-ops-%1$s", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "MINE-OPS-%1$s",
                 "lot": "ORE-OPS-%1$s", "form": "ORE", "massKg": 10, "compositionMg": {"Nd": 1000}}""".formatted(p);
        assertThat(postJson("/api/events", miner, extract).status()).isEqualTo(201);
        // the same lot again, under another event id: refused
        assertThat(postJson("/api/events", miner, extract.replace("e-ops-", "e-ops-again-")).status())
                .isEqualTo(422);

        assertThat(metric("reetrace_ledger_events_total", "outcome=\"booked\"")).isGreaterThanOrEqualTo(bookedBefore + 1);
        assertThat(metric("reetrace_ledger_events_total", "outcome=\"refused\"")).isGreaterThanOrEqualTo(refusedBefore + 1);
        String scrape = scrape();
        assertThat(scrape).contains("reetrace_ledger_queue", "reetrace_ledger_commit_seconds_count",
                "reetrace_capture_jobs_running", "reetrace_alerts_raised_total");
    }

    String scrape() {
        Response r = send(request("/actuator/prometheus", null).setHeader("Accept", "text/plain").GET());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The value of one sample of the Prometheus scrape. */
    double metric(String name, String label) {
        String scrape = scrape();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(name + " " + label + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
