package org.reetrace.sim.eval;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.analytics.FingerprintMonitor;
import org.reetrace.core.analytics.MaterialBalanceBook;
import org.reetrace.core.analytics.MirrorTradeReport;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.LedgerSink;
import org.reetrace.sim.ScenarioRegistry;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.SimulationResult;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

/**
 * Measures detection power: for each seed one run with the scenario's frauds and one clean run (same seed, no
 * fraud), each booked by the core ledger and read by the enforcement analytics. A fraud instance counts as
 * detected when an alert of the check meant for it names its subject (the facility, the lot, the partner
 * country) in its window; false alarms are the alerts of clean runs, per facility-year (fingerprints: per honest
 * lot tested).
 */
public final class Evaluation {

    /** Balances within which a diversion or theft must be caught to count (the goal: 6). */
    public static final int WINDOW_MONTHS = 6;

    private Evaluation() {
    }

    public static EvaluationReport run(Scenario scenario, int seeds, long firstSeed) {
        Map<FraudType, EvaluationReport.Tally> tallies = new EnumMap<>(FraudType.class);
        for (FraudType t : FraudType.values()) {
            tallies.put(t, new EvaluationReport.Tally());
        }
        EvaluationReport.Clean clean = new EvaluationReport.Clean();
        List<Double> recovery = new ArrayList<>();
        long events = 0;
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Run fraud = run(scenario, seed);
            events += fraud.result.events();
            score(scenario, fraud, tallies, recovery);
            Run honest = run(scenario.clean(), seed);
            events += honest.result.events();
            clean.add(scenario, honest);
        }
        return new EvaluationReport(scenario, seeds, firstSeed, events, tallies, clean, recovery);
    }

    record Run(SimulationResult result, EnforcementAnalytics analytics, List<Alert> alerts, List<Alert> mirrorAlerts,
               long mirrorGapKg, RuleWatch rules) {
    }

    static Run run(Scenario s, long seed) {
        EnforcementAnalytics analytics = new EnforcementAnalytics(SimAnalytics.settings(s));
        ScenarioRegistry registry = new ScenarioRegistry(s);
        LedgerSink sink = new LedgerSink(registry).onEntry(analytics::accept);
        RuleWatch rules = new RuleWatch(registry.snapshot(s), sink.ledger());
        sink.onEntry(rules);
        SimulationResult r = Simulation.run(s, seed, sink);
        List<Alert> alerts = analytics.alerts();
        List<Alert> mirror = new ArrayList<>();
        long gap = 0;
        // the regulator compares each calendar year, as trade statistics are published; over the whole run, so
        // that a shipment near a year's end counts in one year or the next but never falls out of the total
        List<PartnerImport> partner = r.partnerImports();
        YearMonth from = s.start();
        while (!from.isAfter(s.end())) {
            YearMonth to = from.plusMonths(11).isAfter(s.end()) ? s.end() : from.plusMonths(11);
            if (analytics.mirrorTrade(partner, from, to) instanceof Outcome.Measured<MirrorTradeReport>(MirrorTradeReport m)) {
                mirror.addAll(m.alerts());
                gap += m.total().gapKg();
            }
            from = to.plusMonths(1);
        }
        return new Run(r, analytics, alerts, mirror, gap, rules);
    }

    private static void score(Scenario s, Run run, Map<FraudType, EvaluationReport.Tally> tallies, List<Double> recovery) {
        List<GroundTruth> truth = run.result.groundTruth();
        for (FraudSpec f : s.frauds()) {
            EvaluationReport.Tally t = tallies.get(f.type());
            switch (f.type()) {
                case PROTRACTED_DIVERSION, ABRUPT_THEFT -> {
                    if (truth.stream().noneMatch(g -> g.type() == f.type())) {
                        continue;
                    }
                    YearMonth start = truth.stream().filter(g -> g.type() == f.type()).map(GroundTruth::month)
                            .min(YearMonth::compareTo).orElseThrow();
                    t.instance(firstMonths(run.alerts, AlertKind.MATERIAL_UNACCOUNTED_FOR, f.target(), start,
                            start.plusMonths(WINDOW_MONTHS - 1L), start));
                }
                case LAUNDERED_ORE, MISDECLARED_EXPORT, RESIDUE_NOT_DISPOSED -> {
                    AlertKind kind = f.type() == FraudType.LAUNDERED_ORE ? AlertKind.FINGERPRINT_MISMATCH
                            : f.type() == FraudType.MISDECLARED_EXPORT ? AlertKind.EXPORT_NOT_AS_DECLARED
                            : AlertKind.RESIDUE_NOT_DISPOSED;
                    for (GroundTruth g : truth) {
                        // residue counts only where its 60-day deadline fell inside the run
                        boolean due = f.type() != FraudType.RESIDUE_NOT_DISPOSED || !g.month().isAfter(s.end().minusMonths(2));
                        if (g.type() == f.type() && due) {
                            t.instance(firstMonths(run.alerts, kind, g.subject(), g.month(), YearMonth.of(9999, 12), g.month()));
                        }
                    }
                    if (f.type() == FraudType.LAUNDERED_ORE) {
                        Set<String> laundered = new HashSet<>();
                        truth.stream().filter(g -> g.type() == FraudType.LAUNDERED_ORE).forEach(g -> laundered.add(g.subject()));
                        for (FingerprintMonitor.Tested x : run.analytics.fingerprints().tested()) {
                            if (!laundered.contains(x.lot().value())) {
                                t.honestLot(x.result().flagged());
                            }
                        }
                    }
                }
                case QUOTA_OVERRUN -> {
                    Set<Integer> years = new HashSet<>();
                    truth.stream().filter(g -> g.type() == f.type()).forEach(g -> years.add(g.month().getYear()));
                    for (int y : years) {
                        YearMonth from = YearMonth.of(y, 1).isBefore(f.start()) ? f.start() : YearMonth.of(y, 1);
                        t.instance(firstMonths(run.alerts, AlertKind.QUOTA_EXCEEDED, f.target(), from, YearMonth.of(y, 12), from));
                    }
                }
                case UNDER_DECLARED_EXPORT, UNDECLARED_EXPORT -> {
                    if (truth.stream().noneMatch(g -> g.type() == f.type())) {
                        continue;
                    }
                    t.instance(firstMonths(run.mirrorAlerts, AlertKind.MIRROR_TRADE_GAP, f.country().alpha2() + "/",
                            f.start(), YearMonth.of(9999, 12), f.start()));
                }
                case FOREST_RESERVE_MINING, CHINESE_TECHNOLOGY_UNLINKED -> {
                    // the rules judge the event itself at ingest: caught in the month it happens, or not at all
                    String rule = f.type() == FraudType.FOREST_RESERVE_MINING ? "MY-MIN-01" : "MY-TECH-CN";
                    truth.stream().filter(g -> g.type() == f.type()).forEach(g -> t.instance(
                            run.rules.failedRule(g.event()).filter(rule::equals).isPresent() ? 1 : -1));
                }
            }
        }
        double undeclared = truth.stream().filter(g -> g.type() == FraudType.UNDECLARED_EXPORT
                || g.type() == FraudType.UNDER_DECLARED_EXPORT || g.type() == FraudType.MISDECLARED_EXPORT)
                .mapToDouble(GroundTruth::quantityKg).sum();
        if (undeclared > 0) {
            recovery.add((run.mirrorGapKg - undeclared) / undeclared);
        }
    }

    /**
     * Months from {@code start} to the first alert of {@code kind} about {@code subject} (a facility or lot id, or
     * a prefix such as "CN/") raised in [from, to], counting the start month as 1; -1 if none.
     */
    private static int firstMonths(List<Alert> alerts, AlertKind kind, String subject, YearMonth from, YearMonth to,
                                   YearMonth start) {
        for (Alert a : alerts) {
            boolean about = subject.endsWith("/") ? a.subject().startsWith(subject) : a.subject().equals(subject);
            if (a.kind() == kind && about && !a.period().isBefore(from) && !a.period().isAfter(to)) {
                return (int) (start.until(a.period(), java.time.temporal.ChronoUnit.MONTHS) + 1);
            }
        }
        return -1;
    }

    /** Facility-years of monthly balances tested by the CUSUM in a run. */
    static double testedFacilityYears(EnforcementAnalytics a) {
        MaterialBalanceBook book = a.balances();
        MufMonitor monitor = a.mufMonitor();
        double months = 0;
        for (FacilityId f : book.facilities()) {
            if (monitor.sequence(book, f) instanceof Outcome.Measured<MufMonitor.Sequence>(MufMonitor.Sequence s)) {
                months += s.balances().size();
            }
        }
        return months / 12;
    }
}
