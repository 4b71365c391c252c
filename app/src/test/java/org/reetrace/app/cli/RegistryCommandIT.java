package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.demo.DemoLoader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The registry from the command line, on the demo's registry, with the application running beside it. */
class RegistryCommandIT {

    static final Path DATA = TestDataDirs.fresh("registry-cli");
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void demo() {
        app = new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + DATA);
        app.getBean(DemoLoader.class).load();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void show_lists_operators_with_their_state_link_facilities_licences_zones_and_agreements() {
        StringWriter out = new StringWriter();

        int exit = reetrace(out, "registry", "show", "--data-dir", DATA.toString());

        assertThat(exit).as(out.toString()).isEqualTo(Commands.OK);
        assertThat(out.toString()).containsPattern("OP-PAHANG-RE +MY .*55\\.9 % \\(state-linked\\)")
                .contains("ML-PRK-2024-0117").contains("PERMANENT_FOREST_RESERVE").contains("TA-CN-MY-2025-003");
    }

    @Test
    void the_registry_as_it_stood_before_the_demo_was_registered_is_empty() {
        StringWriter out = new StringWriter();

        reetrace(out, "registry", "show", "--at", "1990-01-01", "--data-dir", DATA.toString());

        assertThat(out.toString()).doesNotContain("OP-PAHANG-RE ").doesNotContain("ML-PRK-2024-0117");
    }

    @Test
    void state_link_explains_every_chain_of_holdings_and_an_unknown_operator_is_one_line_and_a_failure() {
        StringWriter out = new StringWriter();
        StringWriter unknown = new StringWriter();

        int exit = reetrace(out, "registry", "state-link", "OP-PAHANG-RE", "--data-dir", DATA.toString());
        int failed = reetrace(unknown, "registry", "state-link", "OP-NOBODY", "--data-dir", DATA.toString());

        assertThat(exit).isEqualTo(Commands.OK);
        assertThat(out.toString()).contains("is state-linked to MY").contains("55.9 %").contains("through 2 paths");
        assertThat(failed).isEqualTo(Commands.FAILURE);
        assertThat(unknown.toString().strip()).isEqualTo("reetrace: no operator OP-NOBODY in the registry");
    }

    @Test
    void zones_are_imported_from_geojson_all_or_nothing_and_the_history_names_who_recorded_them() throws Exception {
        Path good = Files.createTempFile(DATA, "zones", ".geojson");
        Files.writeString(good, """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                 "properties": {"code": "WC-PHG-TEST", "name": "Test catchment"},
                 "geometry": {"type": "Polygon", "coordinates": [[[102.0, 3.0], [102.1, 3.0], [102.1, 3.1], [102.0, 3.0]]]}}]}""");
        Path bad = Files.createTempFile(DATA, "broken", ".geojson");
        Files.writeString(bad, """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "X-1", "name": "x"},
                 "geometry": {"type": "Polygon", "coordinates": [[[102.0, 3.0], [102.1, 3.0]]]}}]}""");
        StringWriter out = new StringWriter();
        StringWriter refused = new StringWriter();
        StringWriter history = new StringWriter();

        int imported = reetrace(out, "registry", "import-zones", good.toString(), "--kind", "WATER_CATCHMENT",
                "--by", "JMG Pahang", "--data-dir", DATA.toString());
        int failed = reetrace(refused, "registry", "import-zones", bad.toString(), "--kind", "WATER_CATCHMENT",
                "--data-dir", DATA.toString());
        reetrace(history, "registry", "history", "--data-dir", DATA.toString());

        assertThat(imported).as(out.toString()).isEqualTo(Commands.OK);
        assertThat(out.toString()).contains("zone WC-PHG-TEST (WATER_CATCHMENT) Test catchment recorded");
        assertThat(failed).isEqualTo(Commands.FAILURE);
        assertThat(refused.toString()).startsWith("reetrace: ").contains(bad.toString());
        assertThat(history.toString()).containsPattern("by JMG Pahang +zone WC-PHG-TEST").doesNotContain("X-1");
    }

    @Test
    void changes_are_recorded_from_a_json_file_all_or_nothing() throws Exception {
        Path over = Files.createTempFile(DATA, "over-100", ".json");
        Files.writeString(over, """
                [{"kind": "PutOperator", "id": "OP-CLI-A", "name": "Cli A Sdn Bhd", "country": "MY"},
                 {"kind": "PutOperator", "id": "OP-CLI-B", "name": "Cli B Berhad", "country": "MY"},
                 {"kind": "SetShareholders", "company": "OP-CLI-A", "holdings": [
                    {"companyHolder": "OP-CLI-B", "percent": "60"},
                    {"state": "MY", "body": "Minister of Finance Incorporated", "percent": "50"}]}]""");
        Path good = Files.createTempFile(DATA, "good", ".json");
        Files.writeString(good, """
                [{"kind": "PutOperator", "id": "OP-CLI-A", "name": "Cli A Sdn Bhd", "country": "MY",
                  "effective": "2026-02-01"},
                 {"kind": "SetShareholders", "company": "OP-CLI-A", "effective": "2026-02-01", "holdings": [
                    {"state": "MY", "body": "Minister of Finance Incorporated", "percent": "70"}]}]""");
        StringWriter refused = new StringWriter();
        StringWriter recorded = new StringWriter();
        StringWriter link = new StringWriter();

        int failed = reetrace(refused, "registry", "record", over.toString(), "--data-dir", DATA.toString());
        StringWriter afterRefusal = new StringWriter();
        reetrace(afterRefusal, "registry", "show", "--data-dir", DATA.toString());
        int ok = reetrace(recorded, "registry", "record", good.toString(), "--by", "registrar", "--data-dir",
                DATA.toString());
        reetrace(link, "registry", "state-link", "OP-CLI-A", "--data-dir", DATA.toString());

        assertThat(failed).isEqualTo(Commands.FAILURE);
        assertThat(refused.toString()).contains("110").contains("nothing was recorded");
        assertThat(afterRefusal.toString()).doesNotContain("OP-CLI-A").doesNotContain("OP-CLI-B");
        assertThat(ok).as(recorded.toString()).isEqualTo(Commands.OK);
        assertThat(recorded.toString()).contains("recorded operator OP-CLI-A").contains("recorded shareholders of OP-CLI-A");
        assertThat(link.toString()).contains("OP-CLI-A is state-linked to MY").contains("70 %");
    }

    private static int reetrace(StringWriter out, String... args) {
        return CommandRun.reetrace(out, out, args);
    }
}
