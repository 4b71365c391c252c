package org.reetrace.sim.eval;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.ledger.Entry;
import org.reetrace.sim.LedgerSink;
import org.reetrace.sim.ScenarioRegistry;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines run on the books' time. A feed asks for findings after every batch it is handed and keeps each new
 * one; the findings it has kept at the end must not depend on how the stream was cut into batches. The simulated
 * separation plant makes residue on day 11 and the disposal facility disposes of it on day 14, so a cut between
 * the two is common; one plant dumps its residue from the second month on.
 */
class BooksTimeTest {

    static final String PLANT = "MY-PHG-SEP-01";

    @Test
    void the_same_events_in_one_batch_or_in_many_raise_the_same_alerts_and_only_undisposed_residue_is_overdue() {
        Scenario s = Scenario.malaysia().withMonths(5).withFrauds(List.of(
                new FraudSpec(FraudType.RESIDUE_NOT_DISPOSED, PLANT, Scenario.malaysia().start().plusMonths(1), 1,
                        null, null, 0)));
        List<Entry> entries = new ArrayList<>();
        var result = Simulation.run(s, 11, new LedgerSink(new ScenarioRegistry(s)).onEntry(entries::add));

        Set<String> whole = fed(s, entries, entries.size());
        assertThat(fed(s, entries, 1)).isEqualTo(whole);
        assertThat(fed(s, entries, 37)).isEqualTo(whole);
        assertThat(fed(s, entries, 500)).isEqualTo(whole);

        // a dumped residue is overdue once the books reach 60 days after it was made; the last months' are not yet
        Set<String> dumped = new LinkedHashSet<>();
        result.groundTruth().stream().filter(g -> g.type() == FraudType.RESIDUE_NOT_DISPOSED)
                .forEach(g -> dumped.add(g.subject()));
        assertThat(dumped).isNotEmpty();
        List<String> overdue = whole.stream().filter(k -> k.startsWith(AlertKind.RESIDUE_NOT_DISPOSED + "|"))
                .map(k -> k.split("\\|")[1]).toList();
        assertThat(overdue).isNotEmpty().allMatch(dumped::contains);
        Instant booksEnd = entries.getLast().event().time();
        Duration deadline = SimAnalytics.settings(s).residueDeadline();
        for (String lot : dumped) {
            Instant made = entries.stream().filter(e -> e.lots().stream().anyMatch(l -> l.id().value().equals(lot)))
                    .findFirst().orElseThrow().event().time();
            assertThat(overdue.contains(lot)).as("%s made %s, books at %s", lot, made, booksEnd)
                    .isEqualTo(!booksEnd.isBefore(made.plus(deadline)));
        }
    }

    /** What a feed keeps: after each batch, the findings of the books with the open month's balance left out. */
    private static Set<String> fed(Scenario s, List<Entry> entries, int batch) {
        EnforcementAnalytics a = new EnforcementAnalytics(SimAnalytics.settings(s));
        Set<String> kept = new LinkedHashSet<>();
        for (int from = 0; from < entries.size(); from += batch) {
            entries.subList(from, Math.min(entries.size(), from + batch)).forEach(a::accept);
            YearMonth open = YearMonth.from(a.booksTime().orElseThrow().atOffset(ZoneOffset.UTC));
            for (Alert alert : a.alerts(open)) {
                kept.add(alert.kind() + "|" + alert.subject() + "|" + alert.period());
            }
        }
        return kept;
    }
}
