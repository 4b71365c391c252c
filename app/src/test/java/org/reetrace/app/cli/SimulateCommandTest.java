package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reetrace simulate} into files, without a database. */
class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int reetrace(String... args) {
        return CommandRun.reetrace(out, err, args);
    }

    @Test
    void two_months_write_events_ground_truth_and_partner_imports() throws Exception {
        assertThat(reetrace("simulate", "--seed", "3", "--months", "2", "--out", dir.toString())).isZero();

        assertThat(out.toString()).contains("simulated malaysia-default, seed 3, 2 months at scale 1");
        assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{").contains("\"type\""));
        assertThat(dir.resolve("ground-truth.jsonl")).exists();
        assertThat(Files.readAllLines(dir.resolve("partner-imports.csv")).getFirst())
                .isEqualTo("reporter,partner,hs_code,period,net_mass_kg,trade_value_usd");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_shipped_scenario_is_chosen_by_its_name() throws Exception {
        assertThat(reetrace("simulate", "--scenario", "clay-belt", "--seed", "3", "--months", "2", "--out", dir.toString())).isZero();

        assertThat(out.toString()).contains("simulated clay-belt, seed 3, 2 months at scale 1");
        assertThat(Files.readString(dir.resolve("events.jsonl"))).contains("CB-PHG-CRK-01");
    }

    @Test
    void a_scenario_that_is_neither_shipped_nor_a_file_is_one_line_naming_the_shipped_ones() {
        assertThat(reetrace("simulate", "--scenario", "atlantis", "--out", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no scenario file atlantis").contains("malaysia, clay-belt").hasLineCount(1);
    }

    @Test
    void a_scenario_file_error_is_one_line_with_its_line_number() throws Exception {
        Path scenario = dir.resolve("bad.scenario");
        Files.writeString(scenario, "# a comment\nscenario name=x start=2026-01 months=2 baseline-months=1 scale=1 royalty=0.1\nmine id=M1 colour=red\n");

        int exit = reetrace("simulate", "--scenario", scenario.toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("reetrace: ").contains("line 3");
    }

    @Test
    void without_a_destination_it_says_what_to_give() {
        assertThat(reetrace("simulate", "--months", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("--out DIR, --into-ledger, or --evaluate").hasLineCount(1);
    }
}
