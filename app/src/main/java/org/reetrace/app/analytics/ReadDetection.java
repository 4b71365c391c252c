package org.reetrace.app.analytics;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.DetectionSettings;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.springframework.http.HttpStatus;

/**
 * Reading what each facility's measurements can detect (docs/analytics.md, "Minimum detectable diversion"): per
 * facility and basis (total rare earths and the watched elements and groups) the least steady diversion the balance
 * tests detect within 6 and 12 balances at the set detection probability and false-alarm rate, against the goal. The
 * regulator, customs and auditors read every facility; an operator its own.
 */
@UseCase
public class ReadDetection {

    /** The minimum detectable diversion over a number of balances, in kg a month. */
    public record Bound(int balances, double mddKgPerMonth, Double percentOfThroughput, Double cumulativeBoundKgPerMonth) {
    }

    /** One basis of a facility: its figures, or why there are none. */
    public record BasisDetection(String basis, boolean measured, String noData, Integer balances,
                                 Double throughputKgPerMonth, Double sigmaMufKg, Double sitmufReference,
                                 List<Bound> bounds, Double goalKgPerMonth, Boolean goalMet) {
    }

    public record FacilityDetection(String facility, List<BasisDetection> bases) {
    }

    /** The settings the figures are stated at, and the facilities. */
    public record Detection(double detectionProbability, double falseAlarmsPer100FacilityYears,
                            double goalPercentOfThroughput, int goalBalances, String method,
                            List<FacilityDetection> facilities) {
    }

    static final String METHOD = "Monte Carlo on the measurement model (4000 series of N(d, 1) standardised MUF, fixed"
            + " seed) through every test the basis runs; cumulativeBoundKgPerMonth is the analytic bound of the"
            + " cumulative MUF test alone, (c + z_p) sigma / sqrt(n)";

    private final AnalyticsFeed feed;
    private final StoredRegistry registry;

    public ReadDetection(AnalyticsFeed feed, StoredRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    /** One facility ({@code id}) or, with {@code id} null, every facility with balances that the caller reads. */
    public Detection read(Caller caller, String id) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        Facility only = id == null ? null : AnalyticsQuestions.readable(registry, caller, id);
        return feed.read(analytics -> {
            List<FacilityId> facilities = new ArrayList<>();
            for (FacilityId f : analytics.balances().facilities()) {
                if (only != null ? only.id().equals(f) : readable(caller, f)) {
                    facilities.add(f);
                }
            }
            if (only != null && facilities.isEmpty()) {
                throw AnalyticsQuestions.noData(HttpStatus.NOT_FOUND, only.id()
                        + " has booked nothing: there is no material balance to judge", Map.of("facility", id));
            }
            List<FacilityDetection> out = new ArrayList<>();
            for (FacilityId f : facilities) {
                List<BasisDetection> bases = new ArrayList<>();
                bases.add(basis(analytics, f, Basis.RARE_EARTHS));
                Basis.WATCHED.forEach(b -> bases.add(basis(analytics, f, b)));
                out.add(new FacilityDetection(f.value(), bases));
            }
            DetectionSettings d = analytics.settings().detection();
            return new Detection(d.detectionProbability(), 100 * d.alarmsPerYear(), 100 * d.goalRate(),
                    d.goalBalances(), METHOD, out);
        });
    }

    private boolean readable(Caller caller, FacilityId f) {
        if (caller.readsAll()) {
            return true;
        }
        return registry.facility(f).map(x -> caller.actsFor(x.operator().value())).orElse(false);
    }

    private static BasisDetection basis(EnforcementAnalytics analytics, FacilityId f, Basis basis) {
        return switch (analytics.mufMonitor().detection(analytics.balances(), f, basis, YearMonth.of(Year.MAX_VALUE, 12))) {
            case Outcome.Measured<MufMonitor.Detection>(MufMonitor.Detection d) -> new BasisDetection(basis.label(), true,
                    null, d.balances(), kg(d.throughputMg()), kg(d.sigmaMufMg()), round(d.reference()),
                    d.bounds().stream().map(b -> new Bound(b.balances(), kg(b.mg()),
                            d.throughputMg() > 0 ? round(100 * b.mg() / d.throughputMg()) : null,
                            Double.isNaN(b.analyticMg()) ? null : kg(b.analyticMg()))).toList(),
                    kg(d.goalMg()), d.sufficient());
            case Outcome.NoData<MufMonitor.Detection>(String reason) -> new BasisDetection(basis.label(), false, reason,
                    null, null, null, null, List.of(), null, null);
        };
    }

    private static Double kg(double mg) {
        return Math.round(mg / 1e3) / 1e3;
    }

    private static Double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
