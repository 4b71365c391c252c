package org.reetrace.app.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.event.EventId;
import org.reetrace.core.registry.Facility;
import org.springframework.http.HttpStatus;

/**
 * Reading a facility's monthly material balances (docs/design.md section 7), on the rare-earth basis or one element,
 * with Page's CUSUM over the months: for the regulator, customs, auditors and the facility's operator. A period with
 * nothing measured is a {@code no-data} problem that says why, never zeros.
 */
@UseCase
public class ReadMaterialBalances {

    /**
     * One month's balance in kg; {@code cusum} is Page's k = 1 statistic after the month and {@code alarm} whether any
     * of the balance tests alarmed in it (REE basis, tested months).
     */
    public record MonthBalance(String month, boolean measured, String noData, Double beginningKg, Double receiptsKg,
                               Double shipmentsKg, Double endingKg, Double throughputKg, Double declaredLossKg,
                               Double mufKg, Double expectedLossKg, Double sigmaMufKg, Double standardisedMuf,
                               Double cusum, Boolean alarm, List<String> events) {
    }

    public record Balances(String facility, String basis, String from, String to, double cusumReference,
                           double cusumThreshold, List<MonthBalance> months) {
    }

    private final AnalyticsFeed feed;
    private final StoredRegistry registry;

    public ReadMaterialBalances(AnalyticsFeed feed, StoredRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    /**
     * {@code basis} REE or an element symbol; {@code from} and {@code to} months YYYY-MM, or null for the first and
     * last month booked.
     */
    public Balances read(Caller caller, String id, String basis, String from, String to) {
        Facility facility = AnalyticsQuestions.readable(registry, caller, id);
        Basis b = basis(basis);
        YearMonth start = AnalyticsQuestions.month("from", from);
        YearMonth end = AnalyticsQuestions.month("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw AnalyticsQuestions.badRequest("period", "'to' " + end + " is before 'from' " + start);
        }
        return feed.read(analytics -> {
            List<MaterialBalance> all = analytics.balances().balances(facility.id(), b);
            Map<YearMonth, double[]> cusum = new HashMap<>();
            if (analytics.mufMonitor().sequence(analytics.balances(), facility.id())
                    instanceof Outcome.Measured<MufMonitor.Sequence>(MufMonitor.Sequence s)) {
                for (int t = 0; t < s.balances().size(); t++) {
                    // the alarm is any test's: Page's k = 1 (whose statistic this is), on SITMUF, or cumulative MUF
                    cusum.put(s.balances().get(t).month(), new double[] {s.path().at(t),
                            s.tests().alarmed().contains(t) ? 1 : 0});
                }
            }
            YearMonth first = start != null ? start : all.isEmpty() ? null : all.getFirst().month();
            YearMonth last = end != null ? end : all.isEmpty() ? null : all.getLast().month();
            if (first == null) {
                throw AnalyticsQuestions.noData(HttpStatus.NOT_FOUND, facility.id()
                        + " has booked nothing: there is no material balance", Map.of("facility", id));
            }
            if (last.isBefore(first)) {
                last = first;
            }
            List<MonthBalance> months = new ArrayList<>();
            boolean any = false;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                switch (analytics.balances().balance(facility.id(), m, b)) {
                    case Outcome.Measured<MaterialBalance>(MaterialBalance mb) -> {
                        any = true;
                        double[] c = b.equals(Basis.RARE_EARTHS) ? cusum.get(m) : null;
                        months.add(new MonthBalance(m.toString(), true, null, kg(mb.beginningMg()), kg(mb.receiptsMg()),
                                kg(mb.shipmentsMg()), kg(mb.endingMg()), kg(mb.throughputMg()), kg(mb.declaredLossMg()),
                                kg(mb.mufMg()), kg(mb.expectedLossMg()), kg(mb.sigmaMufMg()), finite(mb.standardisedMuf()),
                                c == null ? null : c[0], c == null ? null : c[1] > 0,
                                mb.events().stream().map(EventId::value).toList()));
                    }
                    case Outcome.NoData<MaterialBalance>(String reason) -> months.add(new MonthBalance(m.toString(),
                            false, reason, null, null, null, null, null, null, null, null, null, null, null, null, List.of()));
                }
            }
            if (!any) {
                throw AnalyticsQuestions.noData(HttpStatus.NOT_FOUND, facility.id() + " booked no event from " + first
                        + " to " + last + ": there is no material balance for the period", Map.of("facility", id,
                        "from", first.toString(), "to", last.toString()));
            }
            return new Balances(facility.id().value(), b.label(), first.toString(), last.toString(),
                    analytics.settings().cusum().reference(), analytics.settings().cusum().threshold(), months);
        });
    }

    private static Basis basis(String basis) {
        return Basis.byLabel(basis).orElseThrow(() -> AnalyticsQuestions.badRequest("basis", "basis must be REE, Nd+Pr,"
                + " HREE or an element symbol such as Nd, not '" + basis + "'"));
    }

    private static Double kg(double mg) {
        return Math.round(mg / 1e3) / 1e3;
    }

    private static Double finite(double z) {
        return Double.isFinite(z) ? Math.round(z * 1000) / 1000.0 : null;
    }
}
