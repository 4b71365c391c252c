package org.reetrace.sim.eval;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.Cusum;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.analytics.FingerprintMonitor;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.analytics.MaterialBalanceBook;
import org.reetrace.core.analytics.MirrorTradeReport;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.element.Element;
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
 * detected when an alert of one of the kinds meant for it ({@link FraudType#alertKinds}) is about its subject (the
 * facility, a lot of it or a route from it, the lot, the partner country) or names its event, in its window; a
 * diversion missed while below the facility's minimum detectable diversion is counted apart. Instances are tallied
 * per fraud type and per kind of facility the fraud acts at; false alarms are the alerts of clean runs, per
 * facility-year and per kind of facility (fingerprints: per honest lot tested).
 */
public final class Evaluation {

    /** Balances within which a diversion or theft must be caught to count (the goal: 6). */
    public static final int WINDOW_MONTHS = 6;

    private Evaluation() {
    }

    /**
     * The first of the held-out seeds: the thresholds were tuned, and the tests run, on seeds 1 to 1,000; the
     * evaluation's default seeds start here, so the figures it reports come from runs no tuning ever saw.
     */
    public static final long HELD_OUT_FIRST_SEED = 1_000_001;

    public static EvaluationReport run(Scenario scenario, int seeds, long firstSeed) {
        Map<FraudType, EvaluationReport.Tally> tallies = new EnumMap<>(FraudType.class);
        Map<FraudType, Map<String, EvaluationReport.Tally>> byKind = new EnumMap<>(FraudType.class);
        for (FraudType t : FraudType.values()) {
            tallies.put(t, new EvaluationReport.Tally());
            byKind.put(t, new TreeMap<>());
        }
        EvaluationReport.Clean clean = new EvaluationReport.Clean();
        List<Double> recovery = new ArrayList<>();
        Set<AlertKind> raised = EnumSet.noneOf(AlertKind.class);
        long events = 0;
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Run fraud = run(scenario, seed);
            events += fraud.result.events();
            score(scenario, fraud, tallies, byKind, recovery);
            fraud.alerts.forEach(a -> raised.add(a.kind()));
            fraud.mirrorAlerts.forEach(a -> raised.add(a.kind()));
            Run honest = run(scenario.clean(), seed);
            honest.alerts.forEach(a -> raised.add(a.kind()));
            events += honest.result.events();
            clean.add(scenario, honest);
        }
        return new EvaluationReport(scenario, seeds, firstSeed, events, tallies, byKind, clean, recovery, raised);
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

    /** Counts one instance of a fraud in its type's tally and in its facility kind's. */
    private record Count(EvaluationReport.Tally type, EvaluationReport.Tally kind) {
        void instance(int monthsToDetection) {
            type.instance(monthsToDetection);
            kind.instance(monthsToDetection);
        }

        void instance(int monthsToDetection, double mdd, double amount) {
            type.instance(monthsToDetection, mdd, amount);
            kind.instance(monthsToDetection, mdd, amount);
        }
    }

    private static void score(Scenario s, Run run, Map<FraudType, EvaluationReport.Tally> tallies,
                              Map<FraudType, Map<String, EvaluationReport.Tally>> byKind, List<Double> recovery) {
        List<GroundTruth> truth = run.result.groundTruth();
        for (FraudSpec f : s.frauds()) {
            EvaluationReport.Tally t = tallies.get(f.type());
            Count c = new Count(t, byKind.get(f.type()).computeIfAbsent(facilityKind(s, f.target()),
                    k -> new EvaluationReport.Tally()));
            List<GroundTruth> ofType = truth.stream().filter(g -> g.type() == f.type()).toList();
            switch (f.type()) {
                case PROTRACTED_DIVERSION, ABRUPT_THEFT -> {
                    if (ofType.isEmpty()) {
                        continue;
                    }
                    YearMonth start = ofType.stream().map(GroundTruth::month).min(YearMonth::compareTo).orElseThrow();
                    int months = f.type() == FraudType.ABRUPT_THEFT ? 1 : WINDOW_MONTHS;
                    c.instance(firstMonths(run.alerts, AlertKind.MATERIAL_UNACCOUNTED_FOR, f.target(), start,
                            start.plusMonths(WINDOW_MONTHS - 1L), start),
                            mdd(run, f.target(), Basis.RARE_EARTHS, start, months), f.amount());
                }
                case LAUNDERED_ORE, MISDECLARED_EXPORT, RESIDUE_NOT_DISPOSED -> {
                    AlertKind kind = f.type() == FraudType.LAUNDERED_ORE ? AlertKind.FINGERPRINT_MISMATCH
                            : f.type() == FraudType.MISDECLARED_EXPORT ? AlertKind.EXPORT_NOT_AS_DECLARED
                            : AlertKind.RESIDUE_NOT_DISPOSED;
                    for (GroundTruth g : ofType) {
                        // residue counts only where its 60-day deadline fell inside the run
                        boolean due = f.type() != FraudType.RESIDUE_NOT_DISPOSED || !g.month().isAfter(s.end().minusMonths(2));
                        if (due) {
                            c.instance(firstMonths(run.alerts, kind, g.subject(), g.month(), YearMonth.of(9999, 12), g.month()));
                        }
                    }
                    if (f.type() == FraudType.LAUNDERED_ORE) {
                        // lots of other ore blended in are not honest either
                        Set<String> laundered = new HashSet<>();
                        truth.stream().filter(g -> g.type() == FraudType.LAUNDERED_ORE || g.type() == FraudType.LOOKALIKE_BLEND)
                                .forEach(g -> laundered.add(g.subject()));
                        for (FingerprintMonitor.Tested x : run.analytics.fingerprints().tested()) {
                            if (!laundered.contains(x.lot().value())) {
                                t.honestLot(x.result().flagged());
                            }
                        }
                    }
                }
                case QUOTA_OVERRUN -> {
                    Set<Integer> years = new HashSet<>();
                    ofType.forEach(g -> years.add(g.month().getYear()));
                    for (int y : years) {
                        YearMonth from = YearMonth.of(y, 1).isBefore(f.start()) ? f.start() : YearMonth.of(y, 1);
                        c.instance(firstMonths(run.alerts, AlertKind.QUOTA_EXCEEDED, f.target(), from, YearMonth.of(y, 12), from));
                    }
                }
                case UNDER_DECLARED_EXPORT, UNDECLARED_EXPORT -> {
                    if (ofType.isEmpty()) {
                        continue;
                    }
                    c.instance(firstMonths(run.mirrorAlerts, AlertKind.MIRROR_TRADE_GAP, f.country().alpha2() + "/",
                            f.start(), YearMonth.of(9999, 12), f.start()));
                }
                case FOREST_RESERVE_MINING, CHINESE_TECHNOLOGY_UNLINKED -> {
                    // the rules judge the event itself at ingest: caught in the month it happens, or not at all
                    String rule = f.type() == FraudType.FOREST_RESERVE_MINING ? "MY-MIN-01" : "MY-TECH-CN";
                    ofType.forEach(g -> c.instance(run.rules.failedRule(g.event()).filter(rule::equals).isPresent() ? 1 : -1));
                }
                case SLOW_DIVERSION, ELEMENT_SKIM, TRANSIT_SKIM -> {
                    // one fraud a run at one facility, caught within the window of monthly balances or missed
                    List<GroundTruth> here = ofType.stream().filter(g -> g.subject().equals(f.target())).toList();
                    if (here.isEmpty()) {
                        continue;
                    }
                    YearMonth start = here.stream().map(GroundTruth::month).min(YearMonth::compareTo).orElseThrow();
                    int months = firstMonths(run.alerts, f.type().alertKinds(), f.target(), null, start,
                            start.plusMonths(WINDOW_MONTHS - 1L), start);
                    if (f.type() == FraudType.TRANSIT_SKIM) {
                        c.instance(months);
                    } else {
                        Basis basis = f.type() == FraudType.ELEMENT_SKIM ? Basis.of(Element.Dy) : Basis.RARE_EARTHS;
                        c.instance(months, mdd(run, f.target(), basis, start, WINDOW_MONTHS), f.amount());
                    }
                }
                case LOST_IN_TRANSIT, ROUND_TRIP, RESIDUE_DILUTION, LOOKALIKE_BLEND -> {
                    for (GroundTruth g : ofType) {
                        if (about(g.subject(), f.target())) {
                            c.instance(firstMonths(run.alerts, f.type().alertKinds(), g.subject(), g.event(),
                                    g.month(), YearMonth.of(9999, 12), g.month()));
                        }
                    }
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

    /**
     * Months from {@code start} to the first alert of one of {@code kinds} raised in [from, to] that is about
     * {@code subject} (the subject itself, a lot of it, a route from it) or names {@code event} among its events;
     * -1 if none.
     */
    private static int firstMonths(List<Alert> alerts, List<AlertKind> kinds, String subject, String event,
                                   YearMonth from, YearMonth to, YearMonth start) {
        for (Alert a : alerts) {
            boolean about = about(a.subject(), subject)
                    || event != null && a.events().stream().anyMatch(e -> e.value().equals(event));
            if (kinds.contains(a.kind()) && about && !a.period().isBefore(from) && !a.period().isAfter(to)) {
                return (int) (start.until(a.period(), java.time.temporal.ChronoUnit.MONTHS) + 1);
            }
        }
        return -1;
    }

    /** Whether an alert's subject is {@code id}, one of its lots ({@code id/...}) or a route from it ({@code id to ...}). */
    static boolean about(String alertSubject, String id) {
        return alertSubject.equals(id) || alertSubject.startsWith(id + "/") || alertSubject.startsWith(id + " ");
    }

    /**
     * The minimum detectable diversion at a facility, as a share of its monthly throughput on {@code basis}: the
     * smallest constant share that takes the CUSUM (reference k, threshold h, in sigma-MUF units) over h within
     * {@code months} balances, (k + h / months) x sigma-MUF / throughput, with the median sigma-MUF and throughput
     * of the balances from {@code start}. NaN where the facility has no balance there. Computed here from the
     * balances the analytics keep; a facility's own MDD in the analytics would replace it.
     */
    static double mdd(Run run, String facility, Basis basis, YearMonth start, int months) {
        List<MaterialBalance> all = run.analytics.balances().balances(FacilityId.of(facility), basis);
        List<Double> sigma = new ArrayList<>();
        List<Double> throughput = new ArrayList<>();
        for (MaterialBalance b : all) {
            if (!b.month().isBefore(start) && b.month().isBefore(start.plusMonths(months)) && b.throughputMg() > 0) {
                sigma.add(b.sigmaMufMg());
                throughput.add((double) b.throughputMg());
            }
        }
        if (sigma.isEmpty()) {
            return Double.NaN;
        }
        Cusum c = run.analytics.settings().cusum();
        return (c.reference() + c.threshold() / months) * median(sigma) / median(throughput);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The kind of facility a fraud acts at, as the report groups it ("partner statistics" for none). */
    static String facilityKind(Scenario s, String facility) {
        if (facility == null) {
            return "partner statistics";
        }
        for (Scenario.MineSpec m : s.mines()) {
            if (m.id().equals(facility)) {
                return m.kind() == Scenario.MineKind.ION_CLAY ? "ISL mine" : "amang mine";
            }
        }
        for (Scenario.PlantSpec p : s.plants()) {
            if (p.id().equals(facility)) {
                return switch (p.kind()) {
                    case CONCENTRATOR -> "concentrator";
                    case CRACKING -> "cracking plant";
                    case SEPARATION -> "separation plant";
                    case METAL -> "metal plant";
                    case MAGNET -> "magnet plant";
                };
            }
        }
        for (Scenario.SiteSpec site : s.sites()) {
            if (site.id().equals(facility)) {
                return site.kind() == Scenario.SiteKind.PORT ? "port" : "disposal facility";
            }
        }
        return "other";
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
