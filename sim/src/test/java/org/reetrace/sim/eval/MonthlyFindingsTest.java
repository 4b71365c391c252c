package org.reetrace.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.sim.scenario.Scenario;

/**
 * A feed raises findings about a month's balance once the month has closed, and asks only about the months before
 * the open one: what it is told of them must not depend on the months it leaves out.
 */
class MonthlyFindingsTest {

    @Test
    void findings_about_the_months_before_one_are_those_of_the_whole_run_for_those_months() {
        Scenario s = Scenario.malaysia().withMonths(24);
        Evaluation.Run run = Evaluation.run(s, 7);
        List<Alert> all = run.analytics().alerts();
        assertThat(all).as("the scenario's diversions raise MUF alarms").anyMatch(a -> monthly(a.kind()));

        for (YearMonth before = s.start(); !before.isAfter(s.end().plusMonths(1)); before = before.plusMonths(1)) {
            YearMonth open = before;
            assertThat(run.analytics().alerts(open)).as("findings before %s", open).containsExactlyElementsOf(
                    all.stream().filter(a -> !monthly(a.kind()) || a.period().isBefore(open)).toList());
        }
    }

    private static boolean monthly(AlertKind kind) {
        return kind == AlertKind.MATERIAL_UNACCOUNTED_FOR || kind == AlertKind.ELEMENT_UNACCOUNTED_FOR
                || kind == AlertKind.INSUFFICIENT_MEASUREMENT || kind == AlertKind.CAPACITY_EXCEEDED;
    }
}
