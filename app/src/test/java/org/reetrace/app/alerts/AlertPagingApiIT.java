package org.reetrace.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** GET /api/alerts pages, and GET /api/alerts/counts counts, with the same filters. */
class AlertPagingApiIT extends RunningAppIT {

    static final String KIND = "IT_PAGING";

    @Autowired
    AlertStore alerts;

    @BeforeEach
    void fiveNationalFindings() {
        List<AlertStore.Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            findings.add(new AlertStore.Finding(KIND + "|" + i, KIND, "subject-" + i, i <= 3 ? "2031-05" : "2031-06",
                    "finding " + i, Map.of("n", String.valueOf(i)), List.of(), null, null, null, null,
                    Instant.parse("2031-05-01T00:00:00Z")));
        }
        alerts.raise(findings, "MY");
    }

    @Test
    void the_list_is_paged_newest_first_and_keeps_its_shape() {
        String token = tokenFor(Caller.of("paging auditor", Role.AUDITOR));

        JsonNode all = get("/api/alerts?kind=" + KIND, token).json();
        JsonNode second = get("/api/alerts?kind=" + KIND + "&limit=2&page=1", token).json();

        assertThat(all).hasSize(5);
        assertThat(second).hasSize(2);
        assertThat(second.get(0).path("id").asLong()).isEqualTo(all.get(2).path("id").asLong());
        assertThat(second.get(1).path("id").asLong()).isEqualTo(all.get(3).path("id").asLong());
        assertThat(second.get(0).path("kind").asString()).isEqualTo(KIND);
        assertThat(get("/api/alerts?kind=" + KIND + "&limit=2&page=3", token).json()).isEmpty();
    }

    @Test
    void the_counts_follow_the_filters_and_count_every_status() {
        String token = tokenFor(Caller.of("counting auditor", Role.AUDITOR));
        long first = get("/api/alerts?kind=" + KIND + "&period=2031-05", token).json().get(0).path("id").asLong();
        alerts.move(first, AlertStore.Status.ACKNOWLEDGED, "seen", "test");

        JsonNode counts = get("/api/alerts/counts?kind=" + KIND + "&period=2031-05&status=OPEN", token).json();

        assertThat(counts.path("total").asLong()).isEqualTo(2);
        assertThat(counts.path("byStatus").path("OPEN").asLong()).isEqualTo(2);
        assertThat(counts.path("byStatus").path("ACKNOWLEDGED").asLong()).isEqualTo(1);
        assertThat(counts.path("byStatus").path("CLOSED").asLong()).isZero();
        assertThat(counts.path("byFacility").path("").asLong()).isEqualTo(2);
        assertThat(get("/api/alerts?kind=" + KIND + "&period=2031-06", token).json()).hasSize(2);
    }

    @Test
    void a_period_that_is_not_a_month_is_a_400_problem() {
        String token = tokenFor(Caller.of("period auditor", Role.AUDITOR));
        var response = get("/api/alerts/counts?period=May", token);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void an_operator_counts_only_its_own() {
        String token = tokenFor(Caller.operator("paging operator", "OP-IT-PAGING"));
        JsonNode counts = get("/api/alerts/counts?kind=" + KIND, token).json();
        assertThat(counts.path("total").asLong()).isZero();
    }
}
