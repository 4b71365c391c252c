package org.reetrace.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.core.element.Element;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.scenario.ScenarioException;
import org.reetrace.sim.scenario.ScenarioParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioParserTest {

    private static String defaultText() throws IOException {
        try (InputStream in = Scenario.class.getResourceAsStream("/org/reetrace/sim/malaysia.scenario")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The default text with the line starting with {@code prefix} replaced, and that line's number. */
    private static Object[] replace(String prefix, String replacement) throws IOException {
        List<String> lines = new java.util.ArrayList<>(defaultText().lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                lines.set(i, replacement);
                return new Object[] {String.join("\n", lines), i + 1};
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void the_default_scenario_reads_with_its_chain_its_measurement_model_and_a_fraud_of_each_type() {
        Scenario s = Scenario.malaysia();

        assertThat(s.mines()).hasSize(5);
        assertThat(s.plants()).extracting(Scenario.PlantSpec::kind).contains(Scenario.PlantKind.SEPARATION);
        assertThat(s.frauds()).extracting(f -> f.type()).containsExactlyInAnyOrder(FraudType.values());
        assertThat(s.measurement().of(org.reetrace.core.lot.MaterialForm.MIXED_RE_COMPOUND).gradeRsd()).isEqualTo(0.005);
        assertThat(s.signatures().get("araxa-monazite").synthetic()).isFalse();
        assertThat(s.signatures().get("kenering-clay").synthetic()).isTrue();
        assertThat(s.signatures().get("sik-clay").treoPercent()).containsEntry(Element.Y, 64.83);
    }

    @Test
    void the_second_scenario_reads_with_more_clay_mines_one_separation_plant_a_cracking_plant_and_poorer_measurement() {
        Scenario clay = Scenario.clayBelt();
        Scenario my = Scenario.malaysia();

        assertThat(clay.name()).isEqualTo("clay-belt");
        assertThat(Scenario.shipped("clay-belt")).contains(clay);
        assertThat(Scenario.shipped("atlantis")).isEmpty();
        assertThat(count(clay, Scenario.MineKind.ION_CLAY)).isEqualTo(6).isGreaterThan(count(my, Scenario.MineKind.ION_CLAY));
        assertThat(clay.plants()).filteredOn(p -> p.kind() == Scenario.PlantKind.SEPARATION).hasSize(1);
        assertThat(clay.plants()).filteredOn(p -> p.kind() == Scenario.PlantKind.CRACKING).hasSize(1);
        for (var form : List.of(org.reetrace.core.lot.MaterialForm.ORE, org.reetrace.core.lot.MaterialForm.CONCENTRATE)) {
            assertThat(clay.measurement().of(form).gradeRsd()).isGreaterThan(my.measurement().of(form).gradeRsd());
            assertThat(clay.measurement().of(form).weighingRsd()).isGreaterThan(my.measurement().of(form).weighingRsd());
        }
        assertThat(clay.frauds()).extracting(f -> f.type()).containsExactlyInAnyOrder(FraudType.values());
    }

    private static long count(Scenario s, Scenario.MineKind kind) {
        return s.mines().stream().filter(m -> m.kind() == kind).count();
    }

    @Test
    void a_new_fraud_at_a_kind_of_facility_it_cannot_act_at_is_refused_with_its_line() throws IOException {
        Object[] t = replace("fraud type=round-trip", "fraud type=round-trip target=MY-PHG-SEP-01 start=2027-01 amount=1 country=TH");

        assertThatThrownBy(() -> ScenarioParser.parse((String) t[0]))
                .hasMessage("scenario line " + t[1] + ": round-trip acts at port, not at MY-PHG-SEP-01 (separation)");
    }

    @Test
    void a_misspelt_key_is_refused_with_its_line() throws IOException {
        Object[] t = replace("disposal id=", "disposal id=MY-PHG-PDF-01 operator=OP-PDF name=x lat=3.99 lon=103.36 colour=red");

        assertThatThrownBy(() -> ScenarioParser.parse((String) t[0])).isInstanceOf(ScenarioException.class)
                .hasMessage("scenario line " + t[1] + ": disposal has no key 'colour'");
    }

    @Test
    void a_value_that_is_not_a_number_is_refused_with_its_line_and_the_value() throws IOException {
        Object[] t = replace("scenario ", "scenario name=x start=2026-01 months=three");

        assertThatThrownBy(() -> ScenarioParser.parse((String) t[0]))
                .hasMessage("scenario line " + t[1] + ": months 'three' is not a whole number")
                .satisfies(e -> assertThat(((ScenarioException) e).line()).isEqualTo((Integer) t[1]));
    }

    @Test
    void a_reference_to_a_facility_that_does_not_exist_names_the_line_that_makes_it() throws IOException {
        Object[] t = replace("fraud type=abrupt-theft", "fraud type=abrupt-theft target=MY-XX-NONE start=2027-06 amount=0.08");

        assertThatThrownBy(() -> ScenarioParser.parse((String) t[0]))
                .hasMessage("scenario line " + t[1] + ": no facility 'MY-XX-NONE' in the scenario");
    }

    @Test
    void a_signature_that_does_not_add_up_to_100_is_refused() throws IOException {
        Object[] t = replace("signature id=lipis-clay", "signature id=lipis-clay source=x La=50 Ce=10");

        assertThatThrownBy(() -> ScenarioParser.parse((String) t[0]))
                .hasMessage("scenario line " + t[1] + ": signature 'lipis-clay' adds up to 60.00 % of TREO, not 100 (+-1)");
    }

    @Test
    void an_unknown_keyword_and_an_unclosed_quote_are_refused() {
        assertThatThrownBy(() -> ScenarioParser.parse("scenario name=x start=2026-01 months=24\nfactory id=1"))
                .hasMessageStartingWith("scenario line 2: unknown keyword 'factory'");
        assertThatThrownBy(() -> ScenarioParser.parse("scenario name=\"x start=2026-01 months=24"))
                .hasMessage("scenario line 1: a quoted value is not closed");
    }

    @Test
    void a_fraud_outside_the_scenario_period_is_refused() throws IOException {
        Object[] t = replace("fraud type=quota-overrun", "fraud type=quota-overrun target=MY-SGR-AMG-01 start=2031-01 amount=1.5");

        assertThatThrownBy(() -> ScenarioParser.parse((String) t[0]))
                .hasMessage("scenario line " + t[1] + ": fraud start 2031-01 lies outside the scenario (2026-01 to 2028-12)");
    }
}
