package org.reetrace.sim;

import java.io.StringWriter;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reetrace.core.ledger.Invariants;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {

    private static final Scenario TWO_YEARS = Scenario.malaysia().withMonths(24);

    @Test
    void every_event_of_a_clean_run_is_accepted_by_the_ledger_and_conservation_holds() {
        LedgerSink sink = new LedgerSink(new ScenarioRegistry(TWO_YEARS.clean()));

        SimulationResult r = Simulation.run(TWO_YEARS.clean(), 7, sink);

        assertThat(r.events()).isGreaterThan(5_000);
        assertThat(sink.ledger().sequence()).isEqualTo(r.events());
        assertThat(Invariants.check(sink.ledger().lots(), sink.ledger().balance())).isEmpty();
        assertThat(r.groundTruth()).isEmpty();
    }

    @Test
    void every_event_of_a_fraud_run_is_accepted_too_fraud_hides_in_the_numbers() {
        LedgerSink sink = new LedgerSink(new ScenarioRegistry(TWO_YEARS));

        SimulationResult r = Simulation.run(TWO_YEARS, 7, sink);

        assertThat(sink.ledger().sequence()).isEqualTo(r.events());
        assertThat(Invariants.check(sink.ledger().lots(), sink.ledger().balance())).isEmpty();
    }

    @Test
    void every_configured_fraud_type_appears_in_the_ground_truth() {
        SimulationResult r = Simulation.run(TWO_YEARS, 11, EventSink.NONE);

        Set<FraudType> seen = r.groundTruth().stream().map(GroundTruth::type).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(EnumSet.allOf(FraudType.class));
        assertThat(r.groundTruth()).allSatisfy(t -> assertThat(t.jsonLine()).startsWith("{\"type\":\"" + t.type().label()));
    }

    @Test
    void the_second_scenario_runs_through_the_ledger_with_a_fraud_of_every_type() {
        Scenario clay = Scenario.clayBelt().withMonths(24);
        LedgerSink sink = new LedgerSink(new ScenarioRegistry(clay));

        SimulationResult r = Simulation.run(clay, 3, sink);

        assertThat(sink.ledger().sequence()).isEqualTo(r.events());
        assertThat(Invariants.check(sink.ledger().lots(), sink.ledger().balance())).isEmpty();
        Set<FraudType> seen = r.groundTruth().stream().map(GroundTruth::type).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(EnumSet.allOf(FraudType.class));
    }

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_does_not() throws Exception {
        assertThat(digest(TWO_YEARS, 42)).isEqualTo(digest(TWO_YEARS, 42));
        assertThat(digest(TWO_YEARS, 42)).isNotEqualTo(digest(TWO_YEARS, 43));
    }

    private static String digest(Scenario s, long seed) throws Exception {
        StringWriter out = new StringWriter();
        SimulationResult r = Simulation.run(s, seed, new EventLines(out));
        StringBuilder all = new StringBuilder(out.toString());
        r.groundTruth().forEach(t -> all.append(t.jsonLine()).append('\n'));
        all.append(org.reetrace.core.analytics.PartnerImportCsv.write(r.partnerImports()));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes("UTF-8")));
    }
}
