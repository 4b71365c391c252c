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
    }
}
