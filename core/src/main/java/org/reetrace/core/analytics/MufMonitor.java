package org.reetrace.core.analytics;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;

import org.reetrace.core.registry.FacilityId;

/**
 * Sequential testing of every processing facility's monthly balances: standardised MUF on all rare earths
 * together, Page's CUSUM over the months, an alert at each crossing with the month's figures and the events that
 * made its MUF. Months without processing (a port, a store) carry no measurement and are not tested; a facility
 * that never processed anything has no sequence at all.
 */
public final class MufMonitor {

    private final Cusum cusum;

    public MufMonitor(Cusum cusum) {
        this.cusum = cusum;
    }

    /** The standardised MUF sequence of a facility and its CUSUM path, oldest month first. */
    public record Sequence(FacilityId facility, List<MaterialBalance> balances, Cusum.Path path) {
        public Sequence {
            balances = List.copyOf(balances);
        }
    }

    public Outcome<Sequence> sequence(MaterialBalanceBook book, FacilityId facility) {
        return sequence(book, facility, YearMonth.of(Year.MAX_VALUE, 12));
    }

    /** The sequence of the months before {@code before}: what it says of them, since CUSUM looks only back. */
    public Outcome<Sequence> sequence(MaterialBalanceBook book, FacilityId facility, YearMonth before) {
        List<MaterialBalance> tested = new ArrayList<>();
        for (MaterialBalance b : book.balances(facility, Basis.RARE_EARTHS, before)) {
            if (b.throughputMg() > 0 || b.mufMg() != 0) {
                tested.add(b);
            }
        }
        if (tested.isEmpty()) {
            return Outcome.noData(facility + " processed nothing: no material balance to test");
        }
        double[] z = new double[tested.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = tested.get(i).standardisedMuf();
        }
        return Outcome.measured(new Sequence(facility, tested, cusum.run(z)));
    }

    /** Alarms about the months before {@code before}. */
    public List<Alert> alerts(MaterialBalanceBook book, YearMonth before) {
        List<Alert> out = new ArrayList<>();
        for (FacilityId f : book.facilities()) {
            if (sequence(book, f, before) instanceof Outcome.Measured<Sequence>(Sequence s)) {
                for (int t : s.path().alarms()) {
                    MaterialBalance b = s.balances().get(t);
                    Map<String, String> figures = new LinkedHashMap<>();
                    figures.put("MUF kg", kg(b.mufMg()));
                    figures.put("expected loss kg", kg(b.expectedLossMg()));
                    figures.put("sigma-MUF kg", kg(b.sigmaMufMg()));
                    figures.put("throughput kg", kg(b.throughputMg()));
                    figures.put("declared loss kg", kg(b.declaredLossMg()));
                    figures.put("unexplained kg", kg(b.unexplainedMg()));
                    figures.put("adjusted kg", kg(b.adjustedMg()));
                    figures.put("standardised MUF", fmt(b.standardisedMuf()));
                    figures.put("CUSUM", fmt(s.path().at(t)));
                    figures.put("threshold h", fmt(cusum.threshold()));
                    figures.put("reference k", fmt(cusum.reference()));
                    out.add(new Alert(AlertKind.MATERIAL_UNACCOUNTED_FOR, f.value(), b.month(),
                            f + ": rare earths unaccounted for in " + b.month() + ": MUF " + kg(b.mufMg())
                                    + " kg against an expected loss of " + kg(b.expectedLossMg()) + " kg (sigma "
                                    + kg(b.sigmaMufMg()) + " kg); CUSUM " + fmt(s.path().at(t)) + " > h "
                                    + fmt(cusum.threshold()),
                            figures, b.events()));
                }
            }
        }
        return out;
    }

    static String kg(double mg) {
        return String.format(Locale.ROOT, "%.3f", mg / 1e6);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
