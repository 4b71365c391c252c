package org.reetrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.analytics.PartnerImportCsv;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.sim.EventSink;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.SimulationResult;
import org.reetrace.sim.scenario.Scenario;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's simulated year with the shipped packs in force, as {@code reetrace demo} books it: the rules let every
 * event through (leases, permits and disposal licences are registered), the analytics find the frauds.
 */
class DemoYearIT {

    static final Path DATA = TestDataDirs.fresh("demo-year");
    static ConfigurableApplicationContext app;
    static SimulatedChain.Booked booked;
    static long millis;

    @BeforeAll
    static void demo() {
        app = new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + DATA, "--reetrace.rules.bundled-packs=ENABLED");
        app.getBean(DemoLoader.class).load();
        long t0 = System.nanoTime();
        booked = app.getBean(DemoYear.class).load();
        millis = (System.nanoTime() - t0) / 1_000_000;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_shipped_packs_refuse_only_the_exports_of_mixed_heavy_oxide() {
        assertThat(booked.refusedBy().keySet()).as(booked.firstRefusal()).containsOnly("MY-EXP-01");
        assertThat(booked.firstRefusal()).contains("HRE_OXIDE");
        assertThat(booked.booked() + booked.refused()).isEqualTo((int) booked.result().events());
        assertThat(millis).as("booking the year, ms").isLessThan(45_000);
    }

    @Test
    void the_analytics_and_the_rules_raise_alerts_about_the_frauds() {
        List<AlertStore.Alert> analytics = app.getBean(AlertStore.class).list(
                new AlertStore.Filter(null, null, null, null, null, 1000, AlertStore.Source.ANALYTICS, null));
        assertThat(analytics).extracting(AlertStore.Alert::kind).contains("MATERIAL_UNACCOUNTED_FOR", "FINGERPRINT_MISMATCH",
                "RESIDUE_NOT_DISPOSED");
        assertThat(analytics).filteredOn(a -> a.kind().equals("MATERIAL_UNACCOUNTED_FOR"))
                .extracting(AlertStore.Alert::facility).contains(DemoYear.METAL);
        List<AlertStore.Alert> rules = app.getBean(AlertStore.class).list(
                new AlertStore.Filter(null, "MY-TECH-CN", DemoYear.SEPARATION, null, null, 10));
        assertThat(rules).isNotEmpty();
        // the demo chain beside the simulated year is honest: its balances raise no alarm
        assertThat(analytics).filteredOn(a -> a.kind().equals("MATERIAL_UNACCOUNTED_FOR"))
                .extracting(AlertStore.Alert::facility).allMatch(f -> f.endsWith("-91"));
    }

    @Test
    void the_simulated_operators_have_their_shareholders_so_the_state_linked_plant_with_chinese_technology_passes() {
        var registry = app.getBean(StoredRegistry.class).latest();
        for (Scenario.OperatorSpec o : DemoYear.scenario().operators()) {
            assertThat(registry.stateLink(OperatorId.of(o.id()), CountryCode.of("MY")).linked()).as(o.id())
                    .isEqualTo(o.stateLinked());
        }
        // Perak's separation plant runs Chinese technology under a state-linked operator: no MY-TECH-CN flag
        assertThat(app.getBean(AlertStore.class).list(
                new AlertStore.Filter(null, "MY-TECH-CN", "MY-PRK-SEP-91", null, null, 10))).isEmpty();
    }

    @Test
    void the_exports_the_packs_refused_never_left_so_the_partners_statistics_do_not_show_them() throws Exception {
        SimulationResult simulated = Simulation.run(DemoYear.scenario(), DemoYear.SEED, EventSink.NONE, DemoYear.PREFIX);
        long all = simulated.arrivals().stream().filter(a -> a.export() != null).count();
        long left = booked.result().arrivals().stream().filter(a -> a.export() != null).count();
        assertThat(booked.refused()).isPositive();
        assertThat(left).isEqualTo(all - booked.refused());
        assertThat(booked.result().arrivals()).filteredOn(a -> a.export() == null)
                .containsExactlyElementsOf(simulated.arrivals().stream().filter(a -> a.export() == null).toList());
        // docs/examples/partner-imports-demo.csv is these statistics
        String csv = PartnerImportCsv.write(booked.result().partnerImports());
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/examples/partner-imports-demo.csv")))
                .isEqualTo(csv);
    }
}
