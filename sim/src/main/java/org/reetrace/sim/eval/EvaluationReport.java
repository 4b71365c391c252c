package org.reetrace.sim.eval;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.core.analytics.AnalyticsSettings;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.DetectionSettings;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

/**
 * The measured detection power: per fraud type, per fraud type and kind of facility it acts at, and the false
 * alarms of the clean runs per alert kind and per kind of facility. {@code raised} holds every alert kind some run
 * raised.
 */
public record EvaluationReport(Scenario scenario, int seeds, long firstSeed, long events,
                               Map<FraudType, Tally> tallies, Map<FraudType, Map<String, Tally>> byFacilityKind,
                               Clean clean, List<Double> mirrorRecovery, Set<AlertKind> raised) {

    /**
     * Instances of one fraud type and when (in months from its start, 1 = the start month) each was caught. An
     * instance missed while smaller than the facility's minimum detectable diversion is counted apart, not as a
     * miss: the measurements could not have shown it.
     */
    public static final class Tally {
        int instances;
        final List<Integer> months = new ArrayList<>();
        final List<Double> mdds = new ArrayList<>();
        int belowMdd;
        int honestLots;
        int honestFlagged;

        void instance(int monthsToDetection) {
            instances++;
            if (monthsToDetection > 0) {
                months.add(monthsToDetection);
            }
        }

        /** An instance of a diversion of {@code amount} (share of throughput) where the MDD is {@code mdd} (NaN: unknown). */
        void instance(int monthsToDetection, double mdd, double amount) {
            if (!Double.isNaN(mdd)) {
                mdds.add(mdd);
                if (monthsToDetection <= 0 && amount < mdd) {
                    belowMdd++;
                    return;
                }
            }
            instance(monthsToDetection);
        }

        /** Missed instances smaller than the facility's minimum detectable diversion (not in {@link #instances}). */
        public int belowMdd() {
            return belowMdd;
        }

        /** The median minimum detectable diversion (share of monthly throughput) over the instances; NaN if none. */
        public double medianMdd() {
            return mdds.isEmpty() ? Double.NaN : Evaluation.median(mdds);
        }

        void honestLot(boolean flagged) {
            honestLots++;
            if (flagged) {
                honestFlagged++;
            }
        }

        public int instances() {
            return instances;
        }

        public int detected() {
            return months.size();
        }

        public double probability() {
            return instances == 0 ? Double.NaN : (double) months.size() / instances;
        }

        public double medianMonths() {
            if (months.isEmpty()) {
                return Double.NaN;
            }
            List<Integer> m = new ArrayList<>(months);
            Collections.sort(m);
            int n = m.size();
            return n % 2 == 1 ? m.get(n / 2) : (m.get(n / 2 - 1) + m.get(n / 2)) / 2.0;
        }

        public double honestFalsePositiveRate() {
            return honestLots == 0 ? Double.NaN : (double) honestFlagged / honestLots;
        }
    }

    /** Alerts of the clean runs by check, and the exposure they are counted against. */
    public static final class Clean {
        final Map<AlertKind, Integer> alerts = new EnumMap<>(AlertKind.class);
        double mufFacilityYears;
        double facilityYears;
        double partnerYears;
        int lotsTested;
        int lotsFlagged;
        int ruleFailures;
        /** Facility-years and alerts by kind of facility ("partner statistics" for mirror trade). */
        final Map<String, Double> kindYears = new TreeMap<>();
        final Map<String, Map<AlertKind, Integer>> kindAlerts = new TreeMap<>();
        /** Per facility, what each clean run's balances state it can detect on total rare earths. */
        final Map<String, List<MufMonitor.Detection>> detection = new java.util.TreeMap<>();

        void add(Scenario s, Evaluation.Run run) {
            MufMonitor monitor = run.analytics().mufMonitor();
            for (FacilityId f : run.analytics().balances().facilities()) {
                if (monitor.detection(run.analytics().balances(), f, Basis.RARE_EARTHS, YearMonth.of(9999, 12))
                        instanceof Outcome.Measured<MufMonitor.Detection>(MufMonitor.Detection d)) {
                    detection.computeIfAbsent(f.value(), x -> new ArrayList<>()).add(d);
                }
            }
            ruleFailures += run.rules().failures();
            for (Alert a : run.alerts()) {
                alerts.merge(a.kind(), 1, Integer::sum);
                kindAlerts.computeIfAbsent(Evaluation.facilityKind(s, facility(s, a)), k -> new EnumMap<>(AlertKind.class))
                        .merge(a.kind(), 1, Integer::sum);
            }
            for (Alert a : run.mirrorAlerts()) {
                alerts.merge(a.kind(), 1, Integer::sum);
                kindAlerts.computeIfAbsent("partner statistics", k -> new EnumMap<>(AlertKind.class))
                        .merge(a.kind(), 1, Integer::sum);
            }
            List<String> ids = new ArrayList<>();
            s.mines().forEach(m -> ids.add(m.id()));
            s.plants().forEach(p -> ids.add(p.id()));
            s.sites().forEach(x -> ids.add(x.id()));
            for (String id : ids) {
                kindYears.merge(Evaluation.facilityKind(s, id), s.months() / 12.0, Double::sum);
            }
            mufFacilityYears += Evaluation.testedFacilityYears(run.analytics());
            facilityYears += (s.mines().size() + s.plants().size() + s.sites().size()) * s.months() / 12.0;
            partnerYears += run.result().partnerImports().stream().map(p -> p.reporter() + "/" + p.hs6()).distinct().count()
                    * s.months() / 12.0;
            run.analytics().fingerprints().tested().forEach(t -> {
                lotsTested++;
                if (t.result().flagged()) {
                    lotsFlagged++;
                }
            });
        }

        /**
         * The facility an alert is about: its subject, a lot or route of it, or else the first facility its message
         * names (a transformation's alert is about an event); null if none.
         */
        private static String facility(Scenario s, Alert a) {
            List<String> ids = new ArrayList<>();
            s.mines().forEach(m -> ids.add(m.id()));
            s.plants().forEach(p -> ids.add(p.id()));
            s.sites().forEach(x -> ids.add(x.id()));
            for (String id : ids) {
                if (Evaluation.about(a.subject(), id)) {
                    return id;
                }
            }
            for (String id : ids) {
                if (a.message().contains(id)) {
                    return id;
                }
            }
            return "?";
        }

        public int ruleFailures() {
            return ruleFailures;
        }

        public int alerts(AlertKind k) {
            return alerts.getOrDefault(k, 0);
        }

        public double mufFalseAlarmsPer100FacilityYears() {
            return 100 * alerts(AlertKind.MATERIAL_UNACCOUNTED_FOR) / mufFacilityYears;
        }

        public double elementFalseAlarmsPer100FacilityYears() {
            return 100 * alerts(AlertKind.ELEMENT_UNACCOUNTED_FOR) / mufFacilityYears;
        }

        public double fingerprintFalsePositiveRate() {
            return lotsTested == 0 ? Double.NaN : (double) lotsFlagged / lotsTested;
        }
    }

    /** The report as Markdown: constraints first, then the table, then the goals. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Detection power of the enforcement analytics\n\n");
        b.append(String.format(Locale.ROOT, "Scenario `%s`, %d months from %s (baseline %d months, frauds after it), "
                        + "%d seeds from %d, each run twice (with the scenario's frauds, and clean); %,d events booked by the "
                        + "core ledger in all.%n%n", scenario.name(), scenario.months(), scenario.start(),
                scenario.baselineMonths(), seeds, firstSeed, events));
        b.append(firstSeed >= Evaluation.HELD_OUT_FIRST_SEED
                ? String.format(Locale.ROOT, "Held-out seeds: the thresholds were tuned, and the tests run, on seeds 1 to "
                        + "1,000; these seeds (%d to %d) are beyond them.%n%n", firstSeed, firstSeed + seeds - 1)
                : String.format(Locale.ROOT, "Seeds %d to %d lie in the tuning range (1 to 1,000): not a held-out "
                        + "measurement.%n%n", firstSeed, firstSeed + seeds - 1));
        b.append(String.format(Locale.ROOT, "Tests: on standardised MUF (all rare earths) Page's CUSUM k = %.2f, h = %.3f "
                        + "(Siegmund ARL0 %.0f months: %.2f false alarms per 100 facility-years by design), Page's test on "
                        + "SITMUF with k for 0.5 %% of throughput a month and cumulative MUF over 6 and 12 balances, all "
                        + "together 0.50 false alarms per 100 facility-years by design, and the same on Nd+Pr, Dy, Tb, HREE, "
                        + "Th and U at a Šidák share of another 0.50; fingerprints at "
                        + "alpha = 0.01 against a 12-month baseline; mirror trade by calendar year over the whole run, lag "
                        + "1 month, tolerance 3 %% + 20 t; months to detection count the fraud's (or the lot's) first month as 1; "
                        + "residue lots count where their 60-day deadline fell inside the run.%n%n", AnalyticsSettings.DEFAULT_CUSUM.reference(),
                AnalyticsSettings.DEFAULT_CUSUM.threshold(), AnalyticsSettings.DEFAULT_CUSUM.inControlRunLength(),
                100 * 12 / AnalyticsSettings.DEFAULT_CUSUM.inControlRunLength()));
        b.append("Minimum detectable diversion (MDD): for a diversion at a facility, the smallest constant share of its "
                + "monthly throughput that takes the CUSUM over its threshold within the window, (k + h / window) x "
                + "sigma-MUF / throughput, with the median sigma-MUF and throughput of the facility's balances in the "
                + "window (rare earths; dysprosium for an element skim; a window of one balance for an abrupt theft). "
                + "It is computed here from the balances the analytics keep. A missed instance smaller than its MDD is "
                + "listed under 'below MDD' and left out of the instances and P(detection): the measurements could not "
                + "have shown it.\n\n");
        b.append("## Per fraud class\n\n| fraud type | check | instances | detected | P(detection) | median months to detection | "
                + "false alarms on clean runs | below MDD (not counted) | median MDD |\n|---|---|---:|---:|---:|---:|---|---:|---:|\n");
        for (FraudType t : FraudType.values()) {
            Tally x = tallies.get(t);
            if (x.instances() == 0 && x.belowMdd() == 0) {
                continue;
            }
            String check = check(t);
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s | %s |%n", t.label(), check,
                    x.instances(), x.detected(), Double.isNaN(x.probability()) ? "-" : String.format(Locale.ROOT, "%.3f", x.probability()),
                    Double.isNaN(x.medianMonths()) ? "-" : String.format(Locale.ROOT, "%.1f", x.medianMonths()),
                    falseAlarms(t), x.mdds.isEmpty() ? "-" : Integer.toString(x.belowMdd()), mdd(x)));
        }
        b.append("\n## Per fraud class and kind of facility\n\n| fraud type | facility kind | instances | detected | "
                + "P(detection) | median months to detection | below MDD (not counted) | median MDD |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (FraudType t : FraudType.values()) {
            for (Map.Entry<String, Tally> e : byFacilityKind.getOrDefault(t, Map.of()).entrySet()) {
                Tally x = e.getValue();
                if (x.instances() == 0 && x.belowMdd() == 0) {
                    continue;
                }
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s |%n", t.label(), e.getKey(),
                        x.instances(), x.detected(),
                        Double.isNaN(x.probability()) ? "-" : String.format(Locale.ROOT, "%.3f", x.probability()),
                        Double.isNaN(x.medianMonths()) ? "-" : String.format(Locale.ROOT, "%.1f", x.medianMonths()),
                        x.mdds.isEmpty() ? "-" : Integer.toString(x.belowMdd()), mdd(x)));
            }
        }
        List<String> silent = new ArrayList<>();
        for (FraudType t : FraudType.values()) {
            if (tallies.get(t).instances() + tallies.get(t).belowMdd() == 0) {
                continue;
            }
            for (AlertKind k : t.alertKinds()) {
                if (!raised.contains(k) && !silent.contains(k.name())) {
                    silent.add(k.name());
                }
            }
        }
        if (!silent.isEmpty()) {
            b.append("\nAlert kinds meant to detect these frauds that no run raised (no check of this build raises "
                    + "them, or none fired): " + String.join(", ", silent) + ".\n");
        }
        b.append("\nEvery alert kind on the clean runs (false alarms, whatever check raised them), per 100 "
                + "facility-years of all mines, plants and sites:\n\n| alert kind | alerts | per 100 facility-years |\n"
                + "|---|---:|---:|\n");
        for (AlertKind k : AlertKind.values()) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.2f |%n", k, clean.alerts(k),
                    per100Value(clean.alerts(k), clean.facilityYears)));
        }
        b.append("\nFalse alarms on the clean runs by kind of facility (an alert counted at the facility it is about; "
                + "mirror-trade alerts under partner statistics, per partner-code-year):\n\n| facility kind | facility-years | "
                + "alerts | per 100 facility-years | by alert kind |\n|---|---:|---:|---:|---|\n");
        java.util.Set<String> kinds = new java.util.TreeSet<>(clean.kindYears.keySet());
        kinds.addAll(clean.kindAlerts.keySet());
        for (String k : kinds) {
            Map<AlertKind, Integer> by = clean.kindAlerts.getOrDefault(k, Map.of());
            int n = by.values().stream().mapToInt(Integer::intValue).sum();
            double years = k.equals("partner statistics") ? clean.partnerYears : clean.kindYears.getOrDefault(k, 0.0);
            StringBuilder list = new StringBuilder();
            by.forEach((kind, c) -> list.append(list.isEmpty() ? "" : ", ").append(kind).append(' ').append(c));
            b.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %.2f | %s |%n", k, years, n, per100Value(n, years),
                    list.isEmpty() ? "-" : list));
        }
        b.append("\n`INSUFFICIENT_MEASUREMENT` is no false alarm: it states, once per facility and on honest books as on "
                + "dishonest ones, that the facility's measurements cannot show the goal's diversion (see the table "
                + "below).\n");
        detectionTable(b);
        Tally launder = tallies.get(FraudType.LAUNDERED_ORE);
        b.append("\n## Goals\n\n");
        Tally div = tallies.get(FraudType.PROTRACTED_DIVERSION);
        b.append(String.format(Locale.ROOT, "- Protracted diversion of %s of a plant's throughput a month: detected within "
                        + "%d monthly balances with probability %.3f (goal >= 0.95); false alarms %.2f per 100 "
                        + "facility-years on clean runs (goal <= 1; %d alarms in %.0f tested facility-years).%n",
                amount(FraudType.PROTRACTED_DIVERSION), Evaluation.WINDOW_MONTHS, div.probability(),
                clean.mufFalseAlarmsPer100FacilityYears(), clean.alerts(AlertKind.MATERIAL_UNACCOUNTED_FOR),
                clean.mufFacilityYears));
        b.append(String.format(Locale.ROOT, "- Element balances (%s; each at its Šidák share): %.2f false alarms per 100 "
                        + "facility-years on clean runs (goal <= 1; %d alarms in %.0f tested facility-years).%n",
                Basis.WATCHED.stream().map(Basis::label).collect(java.util.stream.Collectors.joining(", ")),
                clean.elementFalseAlarmsPer100FacilityYears(), clean.alerts(AlertKind.ELEMENT_UNACCOUNTED_FOR),
                clean.mufFacilityYears));
        b.append(String.format(Locale.ROOT, "- Laundered ore: %.3f of laundered lots flagged (goal >= 0.95) at %.4f false "
                        + "positives among honest lots of the fraud runs (%d of %d) and %.4f on clean runs (%d of %d) "
                        + "(goal <= 0.02).%n", launder.probability(), launder.honestFalsePositiveRate(),
                launder.honestFlagged, launder.honestLots, clean.fingerprintFalsePositiveRate(), clean.lotsFlagged,
                clean.lotsTested));
        if (!mirrorRecovery.isEmpty()) {
            List<Double> abs = mirrorRecovery.stream().map(Math::abs).sorted().toList();
            long within = abs.stream().filter(v -> v <= 0.05).count();
            b.append(String.format(Locale.ROOT, "- Mirror trade: the gap recovered the true undeclared tonnage "
                            + "(undeclared + under-declared + misdeclared exports) within %.2f %% (median) and %.2f %% "
                            + "(worst) of it; within 5 %% in %d of %d runs (goal: within 5 %%).%n",
                    100 * abs.get(abs.size() / 2), 100 * abs.getLast(), within, abs.size()));
        }
        Tally forest = tallies.get(FraudType.FOREST_RESERVE_MINING);
        Tally tech = tallies.get(FraudType.CHINESE_TECHNOLOGY_UNLINKED);
        b.append(String.format(Locale.ROOT, "- Rule-breaking frauds, judged by the shipped Malaysian pack on each event as "
                        + "ingest does: mining in a forest reserve %.3f (MY-MIN-01), Chinese technology at an operator "
                        + "that is not state-linked %.3f (MY-TECH-CN) (goal 1.000); %d failures of these rules on the "
                        + "clean runs. Residue never disposed, quota overrun and the misdeclared export are scored by "
                        + "the analytics checks above.%n", forest.probability(), tech.probability(), clean.ruleFailures));
        return b.toString();
    }

    /**
     * Per facility, its minimum detectable diversion on total rare earths (median over the clean runs): where
     * detection is strong and where better measurement is needed.
     */
    private void detectionTable(StringBuilder b) {
        DetectionSettings d = SimAnalytics.settings(scenario).detection();
        b.append(String.format(Locale.ROOT, "%n## Minimum detectable diversion per facility%n%nTotal rare earths, median "
                        + "over the clean runs: the least steady diversion the balance tests detect within 6 and 12 "
                        + "balances with probability %.2f at %.2f false alarms per 100 facility-years (Monte Carlo on "
                        + "the measurement model); goal: %.1f %% of throughput a month within %d balances, beyond which "
                        + "`INSUFFICIENT_MEASUREMENT` is raised.%n%n", d.detectionProbability(),
                100 * d.alarmsPerYear(), 100 * d.goalRate(), d.goalBalances()));
        b.append("| facility | balances | throughput t/month | sigma-MUF t | SITMUF k | MDD 6 t/month | MDD 12 t/month "
                + "| MDD 12 % of throughput | goal met |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        clean.detection.forEach((facility, all) -> {
            b.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.3f | %.2f | %.3f | %.3f | %.2f | %s |%n", facility,
                    median(all.stream().mapToDouble(MufMonitor.Detection::balances).toArray()),
                    median(all.stream().mapToDouble(x -> x.throughputMg() / 1e9).toArray()),
                    median(all.stream().mapToDouble(x -> x.sigmaMufMg() / 1e9).toArray()),
                    median(all.stream().mapToDouble(MufMonitor.Detection::reference).toArray()),
                    median(all.stream().mapToDouble(x -> x.over(6).mg() / 1e9).toArray()),
                    median(all.stream().mapToDouble(x -> x.over(12).mg() / 1e9).toArray()),
                    median(all.stream().mapToDouble(x -> 100 * x.over(12).mg() / x.throughputMg()).toArray()),
                    all.stream().filter(MufMonitor.Detection::sufficient).count() + " of " + all.size()));
        });
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double per100Value(int alerts, double facilityYears) {
        return facilityYears == 0 ? 0 : 100 * alerts / facilityYears;
    }

    private static String mdd(Tally x) {
        return Double.isNaN(x.medianMdd()) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * x.medianMdd());
    }

    private String amount(FraudType t) {
        return scenario.frauds().stream().filter(f -> f.type() == t).findFirst()
                .map(f -> String.format(Locale.ROOT, "%.1f %%", 100 * f.amount())).orElse("-");
    }

    private static String check(FraudType t) {
        return switch (t) {
            case PROTRACTED_DIVERSION, ABRUPT_THEFT -> "MUF + CUSUM (within " + Evaluation.WINDOW_MONTHS + " balances)";
            case LAUNDERED_ORE -> "fingerprint (clr, Mahalanobis)";
            case MISDECLARED_EXPORT -> "export purity";
            case RESIDUE_NOT_DISPOSED -> "residue tracking (60 days)";
            case QUOTA_OVERRUN -> "annual quota";
            case UNDER_DECLARED_EXPORT, UNDECLARED_EXPORT -> "mirror trade";
            case FOREST_RESERVE_MINING -> "rule MY-MIN-01 at ingest";
            case CHINESE_TECHNOLOGY_UNLINKED -> "rule MY-TECH-CN at ingest";
            case SLOW_DIVERSION -> "MUF, element balances (within " + Evaluation.WINDOW_MONTHS + " balances)";
            case ELEMENT_SKIM -> "element balances (within " + Evaluation.WINDOW_MONTHS + " balances)";
            case LOST_IN_TRANSIT -> "shipments in transit";
            case TRANSIT_SKIM -> "shipper/receiver differences (within " + Evaluation.WINDOW_MONTHS + " months)";
            case ROUND_TRIP -> "round-trip imports";
            case RESIDUE_DILUTION -> "mass out against in, activity, residue";
            case LOOKALIKE_BLEND -> "blend analysis, fingerprint";
        };
    }

    private String falseAlarms(FraudType t) {
        return switch (t) {
            case PROTRACTED_DIVERSION, ABRUPT_THEFT -> String.format(Locale.ROOT, "%.2f per 100 facility-years",
                    clean.mufFalseAlarmsPer100FacilityYears());
            case LAUNDERED_ORE -> String.format(Locale.ROOT, "%.4f of honest lots", clean.fingerprintFalsePositiveRate());
            case MISDECLARED_EXPORT -> per100(clean.alerts(AlertKind.EXPORT_NOT_AS_DECLARED), clean.facilityYears);
            case RESIDUE_NOT_DISPOSED -> per100(clean.alerts(AlertKind.RESIDUE_NOT_DISPOSED), clean.facilityYears);
            case QUOTA_OVERRUN -> per100(clean.alerts(AlertKind.QUOTA_EXCEEDED), clean.facilityYears);
            case UNDER_DECLARED_EXPORT, UNDECLARED_EXPORT -> String.format(Locale.ROOT, "%d in %.0f partner-code-years",
                    clean.alerts(AlertKind.MIRROR_TRADE_GAP), clean.partnerYears);
            case FOREST_RESERVE_MINING, CHINESE_TECHNOLOGY_UNLINKED -> per100(clean.ruleFailures, clean.facilityYears);
            default -> per100(t.alertKinds().stream().mapToInt(clean::alerts).sum(), clean.facilityYears);
        };
    }

    private static String per100(int alerts, double years) {
        return String.format(Locale.ROOT, "%.2f per 100 facility-years (%d)", 100 * alerts / years, alerts);
    }
}
