package org.reetrace.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Import;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.CountryCode;

/**
 * Round trips: material exported and imported back, which would otherwise enter the books as the neighbour's
 * product and wash its origin. An import matches an earlier export when
 * <ul>
 * <li>it comes from the country the export went to (the import's counterparty country is the export's),</li>
 * <li>it arrives within the window after the export,</li>
 * <li>it weighs at most what was exported (with three standard deviations of the two weighings), and</li>
 * <li>its element proportions equal the export's within the two assays' errors: for each element the difference
 * of the log shares has variance {@code s_x^2 + s_m^2} (each form's element assay error, {@link Uncertainty}; the
 * lot's grade, weighing and the laboratory's calibration scale all elements alike and cancel in proportions), and
 * the sum of squared centred log-ratio differences over that variance is chi-square with {@code k - 1} degrees of
 * freedom for {@code k} elements. A match is a statistic below its {@code matchLevel} quantile.</li>
 * </ul>
 * Elements are those of at least 0.5 % of either lot's rare earths; a lot with fewer than two has no proportions
 * to compare and matches nothing. Of several matching exports the closest in composition is named.
 */
public final class RoundTripMonitor {

    /** Elements below this share of both lots' rare earths are left out: their assays are near detection. */
    static final double MIN_SHARE = 0.005;

    private final MeasurementModel measurement;
    private final Duration window;
    private final double matchLevel;
    private final List<Exported> exports = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();

    /** An export the books hold, with what an import is compared on. */
    record Exported(EventId event, LotId lot, Instant time, CountryCode country, MaterialForm form, long massMg,
                    Composition composition) {
    }

    /** The best match of an import: the export, the chi-square statistic, its critical value and degrees of freedom. */
    public record Match(EventId exportEvent, LotId exportedLot, Instant exportedAt, long exportedMassMg,
                        double chiSquare, double critical, int degreesOfFreedom) {
    }

    public RoundTripMonitor(MeasurementModel measurement, Duration window, double matchLevel) {
        this.measurement = Objects.requireNonNull(measurement, "measurement model");
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the round-trip window must be positive, not " + window);
        }
        if (!(matchLevel > 0 && matchLevel < 1)) {
            throw new IllegalArgumentException("the match level lies in (0, 1): " + matchLevel);
        }
        this.window = window;
        this.matchLevel = matchLevel;
    }

    void exported(Export x, Lot lot) {
        exports.add(new Exported(x.id(), x.lot(), x.time(), x.declaration().country(), lot.form(), lot.mass().mg(),
                lot.composition()));
    }

    void imported(Import m, YearMonth month) {
        match(m).ifPresent(found -> alerts.add(alert(m, month, found)));
    }

    /** The export an import matches best, if any. */
    public Optional<Match> match(Import m) {
        Match best = null;
        for (Exported x : exports) {
            if (!x.country().equals(m.declaration().country()) || !m.time().isAfter(x.time())
                    || Duration.between(x.time(), m.time()).compareTo(window) > 0
                    || !lighter(m, x)) {
                continue;
            }
            Match candidate = compare(x, m);
            if (candidate != null && candidate.chiSquare() <= candidate.critical()
                    && (best == null || candidate.chiSquare() < best.chiSquare())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean lighter(Import m, Exported x) {
        double wx = measurement.of(x.form()).weighingRsd() * x.massMg();
        double wm = measurement.of(m.form()).weighingRsd() * m.mass().mg();
        return m.mass().mg() <= x.massMg() + 3 * Math.sqrt(wx * wx + wm * wm);
    }

    private Match compare(Exported x, Import m) {
        double totalX = x.composition().totalMg() - x.composition().get(Element.Th) - x.composition().get(Element.U);
        double totalM = m.composition().totalMg() - m.composition().get(Element.Th) - m.composition().get(Element.U);
        if (totalX <= 0 || totalM <= 0) {
            return null;
        }
        List<double[]> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            if (!e.isRareEarth()) {
                continue;
            }
            double sx = x.composition().get(e) / totalX;
            double sm = m.composition().get(e) / totalM;
            if (sx < MIN_SHARE && sm < MIN_SHARE) {
                continue;
            }
            if (sx <= 0 || sm <= 0) {
                return null; // one lot holds a major element the other lacks: no match
            }
            pairs.add(new double[] {sx, sm});
        }
        int k = pairs.size();
        if (k < 2) {
            return null;
        }
        double[] d = new double[k];
        double mean = 0;
        for (int i = 0; i < k; i++) {
            d[i] = Math.log(pairs.get(i)[1]) - Math.log(pairs.get(i)[0]);
            mean += d[i] / k;
        }
        double ex = measurement.of(x.form()).elementRsd();
        double em = measurement.of(m.form()).elementRsd();
        double variance = Math.max(ex * ex + em * em, 1e-8);
        double chi = 0;
        for (double v : d) {
            chi += (v - mean) * (v - mean) / variance;
        }
        double critical = Distributions.chiSquareQuantile(matchLevel, k - 1);
        return new Match(x.event(), x.lot(), x.time(), x.massMg(), chi, critical, k - 1);
    }

    private Alert alert(Import m, YearMonth month, Match found) {
        long days = Duration.between(found.exportedAt(), m.time()).toDays();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("imported lot", m.lot().value());
        figures.put("exported lot", found.exportedLot().value());
        figures.put("counterparty country", m.declaration().country().alpha2());
        figures.put("days since export", Long.toString(days));
        figures.put("exported kg", MufMonitor.fmt(found.exportedMassMg() / 1e6));
        figures.put("imported kg", MufMonitor.fmt(m.mass().mg() / 1e6));
        figures.put("chi-square", String.format(Locale.ROOT, "%.3g", found.chiSquare()));
        figures.put("critical chi-square", String.format(Locale.ROOT, "%.3g", found.critical()));
        figures.put("degrees of freedom", Integer.toString(found.degreesOfFreedom()));
        return new Alert(AlertKind.ROUND_TRIP_IMPORT, m.lot().value(), month,
                "lot " + m.lot() + " imported from " + m.declaration().country().alpha2() + " matches lot "
                        + found.exportedLot() + " exported there " + days + " days earlier: same proportions within"
                        + " the assays' errors (chi-square " + String.format(Locale.ROOT, "%.3g", found.chiSquare())
                        + " <= " + String.format(Locale.ROOT, "%.3g", found.critical()) + "), no more mass",
                figures, List.of(m.id(), found.exportEvent()));
    }

    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
