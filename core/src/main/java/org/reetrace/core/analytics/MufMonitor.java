package org.reetrace.core.analytics;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.reetrace.core.event.EventId;
import org.reetrace.core.registry.FacilityId;

/**
 * Sequential testing of every processing facility's monthly balances ({@link BalanceTests}): on all rare earths
 * together ({@code MATERIAL_UNACCOUNTED_FOR}, the whole false-alarm budget of that kind) and on each watched element
 * and group ({@link Basis#WATCHED}: Nd+Pr, Dy, Tb, heavy rare earths, Th, U; {@code ELEMENT_UNACCOUNTED_FOR}, the
 * budget shared among them by Šidák's correction). Each facility also states its minimum detectable diversion and
 * raises {@code INSUFFICIENT_MEASUREMENT} once, after its first {@code goalBalances} balances, if it exceeds the goal.
 *
 * <p>Months without processing on a basis (a port, a store) carry no measurement and are not tested; a facility that
 * never processed anything has no sequence at all. The protracted test's reference is chosen per facility and basis
 * from its first 12 tested balances (the median of throughput over sigma-MUF, times the target rate); it is fixed
 * from then on.
 */
public final class MufMonitor {

    /** The balances the protracted test's reference is chosen from. */
    private static final int CALIBRATION_BALANCES = 12;

    private final DetectionSettings detection;
    private final BalanceTests total;
    private final BalanceTests watched;
    /**
     * The alerts last worked out for each facility and the balances they came from: a feed asks with every batch, and
     * a facility whose balances are the same (closed months are the same objects) has the same alerts.
     */
    private final Map<FacilityId, Memo> memo = new java.util.concurrent.ConcurrentHashMap<>();

    private record Memo(List<List<MaterialBalance>> balances, List<Alert> alerts) {

        boolean same(List<List<MaterialBalance>> other) {
            if (other.size() != balances.size()) {
                return false;
            }
            for (int i = 0; i < other.size(); i++) {
                List<MaterialBalance> a = balances.get(i);
                List<MaterialBalance> b = other.get(i);
                if (a.size() != b.size()) {
                    return false;
                }
                for (int j = 0; j < a.size(); j++) {
                    if (a.get(j) != b.get(j)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    public MufMonitor(Cusum cusum) {
        this(cusum, DetectionSettings.DEFAULT);
    }

    /** {@code cusum} is the abrupt-loss test on total rare earths; it takes its own rate of the budget. */
    public MufMonitor(Cusum cusum, DetectionSettings detection) {
        this.detection = detection;
        this.total = new BalanceTests(cusum, detection.alarmsPerYear());
        this.watched = BalanceTests.forBudget(detection.perWatchedBasis());
    }

    public DetectionSettings detectionSettings() {
        return detection;
    }

    /** The tests a basis is watched by: total rare earths', or the watched elements' (each at its Šidák share). */
    public BalanceTests tests(Basis basis) {
        return basis.equals(Basis.RARE_EARTHS) ? total : watched;
    }

    /**
     * The standardised MUF sequence of a facility on one basis, oldest month first: {@code path} is Page's k = 1 test
     * (the abrupt one), {@code tests} what every test says.
     */
    public record Sequence(FacilityId facility, List<MaterialBalance> balances, Cusum.Path path, Basis basis,
                           BalanceTests.Result tests) {
        public Sequence {
            balances = List.copyOf(balances);
        }
    }

    public Outcome<Sequence> sequence(MaterialBalanceBook book, FacilityId facility) {
        return sequence(book, facility, YearMonth.of(Year.MAX_VALUE, 12));
    }

    /** The total rare-earth sequence of the months before {@code before}: what it says of them, since the tests look only back. */
    public Outcome<Sequence> sequence(MaterialBalanceBook book, FacilityId facility, YearMonth before) {
        return sequence(book, facility, Basis.RARE_EARTHS, before);
    }

    public Outcome<Sequence> sequence(MaterialBalanceBook book, FacilityId facility, Basis basis, YearMonth before) {
        return sequence(facility, basis, book.balances(facility, basis, before));
    }

    /** The sequence of a facility's balances on one basis, oldest first (months without processing left out). */
    public Outcome<Sequence> sequence(FacilityId facility, Basis basis, List<MaterialBalance> balances) {
        List<MaterialBalance> tested = tested(balances);
        if (tested.isEmpty()) {
            return Outcome.noData(facility + " processed nothing on " + basis + ": no material balance to test");
        }
        double[] z = new double[tested.size()];
        double[] sigma = new double[tested.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = tested.get(i).standardisedMuf();
            sigma[i] = tested.get(i).sigmaMufMg();
        }
        BalanceTests tests = tests(basis);
        BalanceTests.Result result = tests.run(z, sigma, reference(tested));
        return Outcome.measured(new Sequence(facility, tested, result.abrupt(), basis, result));
    }

    private static List<MaterialBalance> tested(List<MaterialBalance> balances) {
        List<MaterialBalance> tested = new ArrayList<>();
        for (MaterialBalance b : balances) {
            if (b.throughputMg() > 0 || b.mufMg() != 0) {
                tested.add(b);
            }
        }
        return tested;
    }

    /** The protracted test's reference: half the target diversion in sigma-MUF, from the first 12 balances. */
    private double reference(List<MaterialBalance> tested) {
        List<MaterialBalance> first = tested.subList(0, Math.min(CALIBRATION_BALANCES, tested.size()));
        return BalanceTests.referenceFor(detection.targetRate() * median(first.stream()
                .mapToDouble(b -> b.throughputMg() / b.sigmaMufMg()).toArray()));
    }

    /** The minimum detectable diversion over a number of balances, in mg a month, by Monte Carlo and bounded analytically. */
    public record Bound(int balances, double shiftSigma, double mg, double analyticMg) {
    }

    /**
     * What a facility's measurements can show on one basis: the median throughput and sigma-MUF of its tested
     * balances, the protracted test's reference, and the minimum detectable diversion over 6 and 12 balances (and
     * over {@code goalBalances}) at the set detection probability and false-alarm rate, against the goal.
     */
    public record Detection(FacilityId facility, Basis basis, int balances, double throughputMg, double sigmaMufMg,
                            double reference, List<Bound> bounds, double goalMg, int goalBalances, boolean sufficient) {
        public Detection {
            bounds = List.copyOf(bounds);
        }

        /** The bound over {@code n} balances. */
        public Bound over(int n) {
            return bounds.stream().filter(b -> b.balances() == n).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no bound over " + n + " balances"));
        }
    }

    /** The detection statement of a facility on one basis, from its balances before {@code before}. */
    public Outcome<Detection> detection(MaterialBalanceBook book, FacilityId facility, Basis basis, YearMonth before) {
        return detection(facility, basis, book.balances(facility, basis, before));
    }

    /** The detection statement of a facility's balances on one basis (months without processing left out). */
    public Outcome<Detection> detection(FacilityId facility, Basis basis, List<MaterialBalance> balances) {
        List<MaterialBalance> tested = tested(balances);
        if (tested.isEmpty()) {
            return Outcome.noData(facility + " processed nothing on " + basis + ": no measurement to judge");
        }
        return Outcome.measured(stated(facility, basis, tested));
    }

    private Detection stated(FacilityId facility, Basis basis, List<MaterialBalance> tested) {
        double throughput = median(tested.stream().mapToDouble(MaterialBalance::throughputMg).toArray());
        double sigma = median(tested.stream().mapToDouble(MaterialBalance::sigmaMufMg).toArray());
        double k = reference(tested);
        BalanceTests tests = tests(basis);
        List<Integer> ns = new ArrayList<>(BalanceTests.WINDOWS);
        if (!ns.contains(detection.goalBalances())) {
            ns.add(detection.goalBalances());
        }
        List<Bound> bounds = new ArrayList<>();
        for (int n : ns) {
            double shift = tests.detectableShift(k, n, detection.detectionProbability());
            double analytic = n >= BalanceTests.WINDOWS.getFirst()
                    ? tests.cumulativeBound(BalanceTests.WINDOWS.stream().filter(w -> w <= n).max(Integer::compare)
                    .orElseThrow(), detection.detectionProbability()) * sigma
                    : Double.NaN;
            bounds.add(new Bound(n, shift, shift * sigma, analytic));
        }
        double goal = detection.goalRate() * throughput;
        boolean sufficient = bounds.stream().filter(b -> b.balances() == detection.goalBalances()).findFirst()
                .orElseThrow().mg() <= goal;
        return new Detection(facility, basis, tested.size(), throughput, sigma, k, bounds, goal,
                detection.goalBalances(), sufficient);
    }

    /** Alarms about the months before {@code before}. */
    public List<Alert> alerts(MaterialBalanceBook book, YearMonth before) {
        List<Alert> out = new ArrayList<>();
        for (FacilityId f : book.facilities()) {
            List<List<MaterialBalance>> balances = new ArrayList<>();
            balances.add(book.balances(f, Basis.RARE_EARTHS, before));
            Basis.WATCHED.forEach(b -> balances.add(book.balances(f, b, before)));
            Memo known = memo.get(f);
            if (known == null || !known.same(balances)) {
                known = new Memo(balances, alerts(f, balances));
                memo.put(f, known);
            }
            out.addAll(known.alerts());
        }
        return out;
    }

    /** The alerts of one facility's balances: total rare earths first, then the watched bases in order. */
    private List<Alert> alerts(FacilityId f, List<List<MaterialBalance>> balances) {
        List<Alert> out = new ArrayList<>();
        if (sequence(f, Basis.RARE_EARTHS, balances.getFirst()) instanceof Outcome.Measured<Sequence>(Sequence s)) {
            for (int t : s.tests().alarmed()) {
                out.add(totalAlert(f, s, t));
            }
            if (s.balances().size() >= detection.goalBalances()) {
                Detection d = stated(f, Basis.RARE_EARTHS, s.balances().subList(0, detection.goalBalances()));
                if (!d.sufficient()) {
                    out.add(insufficient(d, s.balances().get(detection.goalBalances() - 1)));
                }
            }
        }
        out.addAll(elementAlerts(f, balances.subList(1, balances.size())));
        return List.copyOf(out);
    }

    private Alert totalAlert(FacilityId f, Sequence s, int t) {
        MaterialBalance b = s.balances().get(t);
        Map<String, String> figures = balanceFigures(b, "");
        Cusum abrupt = total.abrupt();
        Cusum slow = total.protracted(s.tests().reference());
        figures.put("CUSUM", fmt(s.path().at(t)));
        figures.put("threshold h", fmt(abrupt.threshold()));
        figures.put("reference k", fmt(abrupt.reference()));
        figures.put("SITMUF CUSUM", fmt(s.tests().protracted().at(t)));
        figures.put("SITMUF threshold h", fmt(slow.threshold()));
        figures.put("SITMUF reference k", fmt(slow.reference()));
        for (int w = 0; w < BalanceTests.WINDOWS.size(); w++) {
            double c = s.tests().cumulative()[w][t];
            figures.put("CUMUF " + BalanceTests.WINDOWS.get(w), Double.isNaN(c) ? "-" : fmt(c));
        }
        figures.put("CUMUF critical", fmt(total.critical()));
        String by = alarmedBy(s.tests().at(t));
        figures.put("alarmed by", by);
        return new Alert(AlertKind.MATERIAL_UNACCOUNTED_FOR, f.value(), b.month(),
                f + ": rare earths unaccounted for in " + b.month() + ": MUF " + kg(b.mufMg())
                        + " kg against an expected loss of " + kg(b.expectedLossMg()) + " kg (sigma "
                        + kg(b.sigmaMufMg()) + " kg); " + by,
                figures, b.events());
    }

    /** A watched basis' balance at which its tests alarmed, and their alarms. */
    private record Found(MaterialBalance balance, List<BalanceTests.Alarm> alarms) {
    }

    private List<Alert> elementAlerts(FacilityId f, List<List<MaterialBalance>> balances) {
        Map<YearMonth, List<Found>> byMonth = new TreeMap<>();
        for (int i = 0; i < Basis.WATCHED.size(); i++) {
            if (sequence(f, Basis.WATCHED.get(i), balances.get(i)) instanceof Outcome.Measured<Sequence>(Sequence s)) {
                for (int t : s.tests().alarmed()) {
                    MaterialBalance b = s.balances().get(t);
                    byMonth.computeIfAbsent(b.month(), m -> new ArrayList<>()).add(new Found(b, s.tests().at(t)));
                }
            }
        }
        List<Alert> out = new ArrayList<>();
        byMonth.forEach((month, found) -> {
            Map<String, String> figures = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            List<EventId> events = new ArrayList<>();
            StringBuilder detail = new StringBuilder();
            for (Found x : found) {
                MaterialBalance b = x.balance();
                List<BalanceTests.Alarm> alarms = x.alarms();
                String label = b.basis().label();
                names.add(label);
                figures.putAll(balanceFigures(b, label + " "));
                figures.put(label + " alarmed by", alarmedBy(alarms));
                detail.append("; ").append(label).append(" MUF ").append(kg(b.mufMg())).append(" kg against ")
                        .append(kg(b.expectedLossMg())).append(" kg expected (sigma ").append(kg(b.sigmaMufMg()))
                        .append(" kg)");
                b.events().stream().filter(e -> !events.contains(e)).forEach(events::add);
            }
            Map<String, String> all = new LinkedHashMap<>();
            all.put("elements", String.join(", ", names));
            all.putAll(figures);
            out.add(new Alert(AlertKind.ELEMENT_UNACCOUNTED_FOR, f.value(), month,
                    f + ": " + String.join(", ", names) + " unaccounted for in " + month + detail, all, events));
        });
        return out;
    }

    private Alert insufficient(Detection d, MaterialBalance last) {
        Bound goal = d.over(d.goalBalances());
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("balances", Integer.toString(d.goalBalances()));
        figures.put("median throughput kg", kg(d.throughputMg()));
        figures.put("median sigma-MUF kg", kg(d.sigmaMufMg()));
        for (Bound b : d.bounds()) {
            figures.put("MDD " + b.balances() + " balances kg/month", kg(b.mg()));
        }
        figures.put("goal kg/month", kg(d.goalMg()));
        figures.put("goal % of throughput", String.format(Locale.ROOT, "%.2f", 100 * detection.goalRate()));
        figures.put("detection probability", fmt(detection.detectionProbability()));
        figures.put("false alarms per facility-year", String.format(Locale.ROOT, "%.4f", detection.alarmsPerYear()));
        return new Alert(AlertKind.INSUFFICIENT_MEASUREMENT, d.facility().value(), last.month(),
                d.facility() + ": its measurements cannot show a diversion of " + kg(d.goalMg()) + " kg a month ("
                        + String.format(Locale.ROOT, "%.1f", 100 * detection.goalRate()) + " % of throughput) within "
                        + d.goalBalances() + " balances: the least they show at " + Math.round(100
                        * detection.detectionProbability()) + " % is " + kg(goal.mg()) + " kg a month (sigma-MUF "
                        + kg(d.sigmaMufMg()) + " kg)",
                figures, List.of());
    }

    private static Map<String, String> balanceFigures(MaterialBalance b, String prefix) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put(prefix + "MUF kg", kg(b.mufMg()));
        figures.put(prefix + "expected loss kg", kg(b.expectedLossMg()));
        figures.put(prefix + "sigma-MUF kg", kg(b.sigmaMufMg()));
        figures.put(prefix + "throughput kg", kg(b.throughputMg()));
        figures.put(prefix + "declared loss kg", kg(b.declaredLossMg()));
        figures.put(prefix + "unexplained kg", kg(b.unexplainedMg()));
        figures.put(prefix + "adjusted kg", kg(b.adjustedMg()));
        figures.put(prefix + "standardised MUF", fmt(b.standardisedMuf()));
        return figures;
    }

    private static String alarmedBy(List<BalanceTests.Alarm> alarms) {
        return alarms.stream().map(a -> a.test() + " " + fmt(a.statistic()) + " > " + fmt(a.threshold()))
                .collect(Collectors.joining(", "));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String kg(double mg) {
        return String.format(Locale.ROOT, "%.3f", mg / 1e6);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
