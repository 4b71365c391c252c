package org.reetrace.sim;

import org.junit.jupiter.api.Test;
import org.reetrace.sim.eval.Evaluation;
import org.reetrace.sim.eval.EvaluationReport;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness at small scale (5 seeds x 2 years); the full run is {@link Evaluate}. */
class EvaluationTest {

    @Test
    void five_seeds_of_two_years_catch_the_analytic_frauds_and_the_rules_catch_the_rule_breaking_ones() {
        EvaluationReport r = Evaluation.run(Scenario.malaysia().withMonths(24), 5, 100);

        assertThat(r.tallies().get(FraudType.PROTRACTED_DIVERSION).instances()).isEqualTo(5);
        assertThat(r.tallies().get(FraudType.PROTRACTED_DIVERSION).detected()).isGreaterThanOrEqualTo(4);
        assertThat(r.tallies().get(FraudType.ABRUPT_THEFT).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.LAUNDERED_ORE).probability()).isGreaterThan(0.9);
        assertThat(r.tallies().get(FraudType.LAUNDERED_ORE).honestFalsePositiveRate()).isLessThan(0.05);
        assertThat(r.tallies().get(FraudType.MISDECLARED_EXPORT).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.QUOTA_OVERRUN).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.UNDECLARED_EXPORT).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.FOREST_RESERVE_MINING).instances()).isPositive();
        assertThat(r.tallies().get(FraudType.FOREST_RESERVE_MINING).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.CHINESE_TECHNOLOGY_UNLINKED).instances()).isPositive();
        assertThat(r.tallies().get(FraudType.CHINESE_TECHNOLOGY_UNLINKED).probability()).isEqualTo(1.0);
        assertThat(r.clean().ruleFailures()).isZero();
        assertThat(r.clean().alerts(org.reetrace.core.analytics.AlertKind.RESIDUE_NOT_DISPOSED)).isZero();
        assertThat(r.markdown()).contains("| protracted-diversion | MUF + CUSUM").contains("| forest-reserve-mining | rule MY-MIN-01 at ingest |");

        assertThat(r.tallies().get(FraudType.LOST_IN_TRANSIT).instances()).isPositive();
        assertThat(r.tallies().get(FraudType.LOST_IN_TRANSIT).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.RESIDUE_DILUTION).probability()).isEqualTo(1.0);
        assertThat(r.tallies().get(FraudType.TRANSIT_SKIM).instances()).isEqualTo(5);
        EvaluationReport.Tally slow = r.tallies().get(FraudType.SLOW_DIVERSION);
        assertThat(slow.instances() + slow.belowMdd()).isEqualTo(5);
        assertThat(slow.medianMdd()).isGreaterThan(0.005); // half a percent a month hides in ore assays
        assertThat(r.tallies().get(FraudType.LOOKALIKE_BLEND).instances()).isEqualTo(5 * 12 * 2);
        assertThat(r.byFacilityKind().get(FraudType.SLOW_DIVERSION)).containsOnlyKeys("ISL mine");
        assertThat(r.markdown()).contains("## Per fraud class\n").contains("## Per fraud class and kind of facility")
                .contains("| lost-in-transit | ISL mine | ").contains("| residue-dilution | separation plant | ")
                .contains("False alarms on the clean runs by kind of facility").contains("| amang mine | ")
                .contains("below MDD (not counted)").contains("lie in the tuning range");
    }

    @Test
    void the_second_scenario_is_evaluated_on_held_out_seeds_with_its_cracking_plant_in_the_tables() {
        EvaluationReport r = Evaluation.run(Scenario.clayBelt().withMonths(18), 1, Evaluation.HELD_OUT_FIRST_SEED);

        assertThat(r.tallies().get(FraudType.RESIDUE_NOT_DISPOSED).probability()).isEqualTo(1.0);
        assertThat(r.byFacilityKind().get(FraudType.RESIDUE_NOT_DISPOSED)).containsOnlyKeys("cracking plant");
        assertThat(r.byFacilityKind().get(FraudType.SLOW_DIVERSION)).containsOnlyKeys("concentrator");
        assertThat(r.markdown()).contains("Scenario `clay-belt`").contains("Held-out seeds")
                .contains("| residue-not-disposed | cracking plant | ");
    }
}
