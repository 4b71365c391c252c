package org.reetrace.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.demo.SimulatedChain;
import org.reetrace.app.ledger.LedgerSettings;
import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.analytics.PartnerImportCsv;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The enforcement analytics in the running application: four simulated months with an abrupt theft at the metal
 * plant and a mixed compound exported as a separated one, booked through the writer; then the alerts they raise,
 * the balances, a mine's signature and mirror trade over the REST API.
 */
class AnalyticsApiIT extends RunningAppIT {

    /**
     * The simulated scenario registers its operators from the beginning of time; the demo's registry (which other
     * tests load) has some of the same operators from 2023 only: this test gets a database of its own.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void analyticsDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reetrace.test.application", () -> "analytics");
    }

    static final String PREFIX = "it-analytics-";
    static final String METAL = "MY-MLK-MET-01";
    static final Scenario SCENARIO = Scenario.malaysia().withMonths(4).withFrauds(List.of(
            new FraudSpec(FraudType.ABRUPT_THEFT, METAL, YearMonth.of(2026, 2), 0.5, null, null, 0),
            new FraudSpec(FraudType.MISDECLARED_EXPORT, "MY-PHG-SEP-01", YearMonth.of(2026, 2), 1,
                    CountryCode.of("CN"), null, 0)));
    static SimulatedChain.Booked booked;

    @Autowired
    SimulatedChain chain;
    @Autowired
    AnalyticsFeed feed;
    @Autowired
    LedgerStore ledgerStore;
    @Autowired
    StoredRegistry registry;
    @Autowired
    LedgerSettings ledgerSettings;
    @Autowired
    AnalyticsProperties properties;
    @Autowired
    AlertStore alertStore;

    String regulator;

    @BeforeEach
    void book() {
        synchronized (AnalyticsApiIT.class) {
            if (booked == null) {
                booked = chain.book(SCENARIO, 5, PREFIX);
            }
        }
        regulator = tokenFor(Caller.of("analytics regulator", Role.REGULATOR));
    }

    @Test
    void the_simulated_months_are_booked_whole() {
        assertThat(booked.refused()).as(booked.firstRefusal()).isZero();
        assertThat(booked.booked() + booked.replayed()).isEqualTo((int) booked.result().events());
    }

    @Test
    void analytics_findings_are_alerts_with_their_evidence_and_seeing_them_again_adds_none() {
        JsonNode alerts = get("/api/alerts?source=ANALYTICS&limit=1000", regulator).json();
        JsonNode theft = find(alerts, "MATERIAL_UNACCOUNTED_FOR", METAL);
        assertThat(theft).as("a MUF alert for the metal plant in %s", alerts).isNotNull();
        assertThat(theft.path("period").asString()).isEqualTo("2026-02");
        assertThat(theft.path("figures").path("MUF kg").asString()).isNotEmpty();
        assertThat(theft.path("events").size()).isPositive();
        assertThat(theft.path("facility").asString()).isEqualTo(METAL);
        assertThat(theft.path("status").asString()).isEqualTo("OPEN");
        assertThat(find(alerts, "EXPORT_NOT_AS_DECLARED", null)).as("export claim alert in %s", alerts).isNotNull();

        long before = jdbc.sql("select count(*) from alert where source = 'ANALYTICS'").query(Long.class).single();
        feed.committed(List.of());
        assertThat(jdbc.sql("select count(*) from alert where source = 'ANALYTICS'").query(Long.class).single()).isEqualTo(before);

        String operator = tokenFor(new Caller("metal plant", Role.OPERATOR, java.util.Optional.of("OP-MELAKA")));
        JsonNode own = get("/api/alerts?source=ANALYTICS&limit=1000", operator).json();
        assertThat(own.size()).isPositive();
        own.forEach(a -> assertThat(a.path("operator").asString()).isEqualTo("OP-MELAKA"));
    }

    @Test
    void balances_answer_muf_sigma_standardised_muf_and_cusum_per_month() {
        Response r = get("/api/facilities/" + METAL + "/balances?basis=REE&from=2026-01&to=2026-04", regulator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode months = r.json().path("months");
        assertThat(months.size()).isEqualTo(4);
        JsonNode feb = months.get(1);
        assertThat(feb.path("month").asString()).isEqualTo("2026-02");
        assertThat(feb.path("measured").asBoolean()).isTrue();
        assertThat(feb.path("mufKg").asDouble()).isGreaterThan(feb.path("expectedLossKg").asDouble());
        assertThat(feb.path("sigmaMufKg").asDouble()).isPositive();
        assertThat(feb.path("standardisedMuf").asDouble()).isGreaterThan(3);
        assertThat(feb.path("alarm").asBoolean()).isTrue();
        assertThat(feb.path("cusum").asDouble()).isGreaterThan(r.json().path("cusumThreshold").asDouble());

        Response nd = get("/api/facilities/" + METAL + "/balances?basis=Nd&from=2026-02&to=2026-02", regulator);
        assertThat(nd.status()).as(nd.body()).isEqualTo(200);
        assertThat(nd.json().path("basis").asString()).isEqualTo("Nd");
    }

    @Test
    void detection_states_each_facilitys_minimum_detectable_diversion_per_basis() {
        Response r = get("/api/analytics/detection?facility=" + METAL, regulator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.path("detectionProbability").asDouble()).isEqualTo(0.95);
        assertThat(d.path("falseAlarmsPer100FacilityYears").asDouble()).isEqualTo(0.5);
        assertThat(d.path("method").asString()).contains("Monte Carlo");
        assertThat(d.path("facilities").size()).isEqualTo(1);
        JsonNode metal = d.path("facilities").get(0);
        assertThat(metal.path("facility").asString()).isEqualTo(METAL);
        List<String> bases = new java.util.ArrayList<>();
        metal.path("bases").forEach(b -> bases.add(b.path("basis").asString()));
        assertThat(bases).containsExactly("REE", "Nd+Pr", "Dy", "Tb", "HREE", "Th", "U");
        JsonNode ree = metal.path("bases").get(0);
        assertThat(ree.path("measured").asBoolean()).isTrue();
        assertThat(ree.path("balances").asInt()).isPositive();
        assertThat(ree.path("sigmaMufKg").asDouble()).isPositive();
        JsonNode six = ree.path("bounds").get(0);
        JsonNode twelve = ree.path("bounds").get(1);
        assertThat(six.path("balances").asInt()).isEqualTo(6);
        assertThat(twelve.path("balances").asInt()).isEqualTo(12);
        assertThat(six.path("mddKgPerMonth").asDouble()).isGreaterThan(twelve.path("mddKgPerMonth").asDouble())
                .isPositive();
        // the analytic bound of the cumulative test alone is at least the Monte Carlo figure of all the tests
        assertThat(twelve.path("cumulativeBoundKgPerMonth").asDouble())
                .isGreaterThanOrEqualTo(twelve.path("mddKgPerMonth").asDouble());
        assertThat(ree.path("goalMet").isBoolean()).isTrue();

        JsonNode all = get("/api/analytics/detection", regulator).json();
        assertThat(all.path("facilities").size()).isGreaterThan(1);

        String operator = tokenFor(new Caller("metal plant", Role.OPERATOR, java.util.Optional.of("OP-MELAKA")));
        JsonNode own = get("/api/analytics/detection", operator).json();
        assertThat(own.path("facilities").size()).isPositive();
        own.path("facilities").forEach(f -> assertThat(f.path("facility").asString()).isEqualTo(METAL));
        String competitor = tokenFor(new Caller("other", Role.OPERATOR, java.util.Optional.of("OP-JOHOR")));
        assertThat(get("/api/analytics/detection?facility=" + METAL, competitor).status()).isEqualTo(403);
        assertThat(get("/api/analytics/detection?facility=NO-SUCH", regulator).status()).isEqualTo(404);
    }

    @Test
    void a_period_with_no_data_is_a_problem_that_says_so() {
        Response r = get("/api/facilities/" + METAL + "/balances?from=2030-01&to=2030-03", regulator);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().path("type").asString()).endsWith("/no-data");
        assertThat(r.json().path("detail").asString()).contains("booked no event from 2030-01 to 2030-03");

        assertThat(get("/api/facilities/" + METAL + "/balances?basis=Xx", regulator).status()).isEqualTo(400);
        String competitor = tokenFor(new Caller("other", Role.OPERATOR, java.util.Optional.of("OP-JOHOR")));
        assertThat(get("/api/facilities/" + METAL + "/balances", competitor).status()).isEqualTo(403);
    }

    @Test
    void a_mine_signature_summarises_its_baseline() {
        Response r = get("/api/mines/MY-PRK-ISL-01/signature", regulator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("historyLots").asInt()).isGreaterThan(r.json().path("dimension").asInt());
        assertThat(r.json().path("elements").size()).isEqualTo(r.json().path("dimension").asInt() + 1);
        Response none = get("/api/mines/" + METAL + "/signature", regulator);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("type").asString()).endsWith("/no-data");
    }

    @Test
    void mirror_trade_answers_the_gap_and_a_bad_row_names_its_line() {
        String csv = PartnerImportCsv.write(booked.result().partnerImports());
        Response r = post("/api/mirror-trade?from=2026-01&to=2026-03", regulator, "text/csv", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode total = r.json().path("total");
        assertThat(total.path("partnerTonnes").asDouble()).isPositive();
        assertThat(total.has("gapTonnes") && total.has("gapValueUsd") && total.has("lostRoyaltyUsd")).isTrue();

        String bad = PartnerImportCsv.HEADER + "\nCN,MY,280530,2026-02,1000,5000\nCN,MY,280530,2026-02,lots,5000\n";
        Response br = post("/api/mirror-trade?from=2026-01&to=2026-03", regulator, "text/csv", bad);
        assertThat(br.status()).isEqualTo(400);
        assertThat(br.json().path("line").asInt()).isEqualTo(3);
        assertThat(br.json().path("detail").asString()).contains("line 3");

        Response none = post("/api/mirror-trade?from=2031-01&to=2031-03", regulator, "text/csv", PartnerImportCsv.HEADER + "\n");
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.json().path("type").asString()).endsWith("/no-data");
    }

    @Test
    void after_a_restart_the_replayed_books_equal_the_live_ones() {
        AnalyticsFeed restarted = new AnalyticsFeed(ledgerStore, registry, ledgerSettings, properties, alertStore,
                new SimpleMeterRegistry());
        FacilityId metal = FacilityId.of(METAL);
        List<MaterialBalance> replayed = restarted.read(a -> a.balances().balances(metal, Basis.RARE_EARTHS));
        List<MaterialBalance> live = feed.read(a -> a.balances().balances(metal, Basis.RARE_EARTHS));
        assertThat(replayed).isEqualTo(live);
        // replayed in one go, at whatever hour, the books give the findings they gave batch by batch (quotas are
        // read from the registry when a feed starts, and other tests register leases in between: left out)
        List<Alert> again = restarted.read(a -> a.alerts()).stream().filter(a -> a.kind() != AlertKind.QUOTA_EXCEEDED).toList();
        List<Alert> batched = feed.read(a -> a.alerts()).stream().filter(a -> a.kind() != AlertKind.QUOTA_EXCEEDED).toList();
        assertThat(again).isEqualTo(batched);
        assertThat(restarted.sequence()).isGreaterThanOrEqualTo(booked.result().events());
    }

    private static JsonNode find(JsonNode alerts, String kind, String facility) {
        for (JsonNode a : alerts) {
            if (a.path("kind").asString().equals(kind)
                    && (facility == null || facility.equals(a.path("facility").asString()))) {
                return a;
            }
        }
        return null;
    }
}
