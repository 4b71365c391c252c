package org.reetrace.sim.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.registry.CountryCode;

/**
 * What partner countries' customs record of goods from the simulated country: the physical mass that arrived
 * (weighed again, with their own error), its CIF value, in the month of arrival, summed by reporter, HS code and
 * month as published statistics are. Each arrival remembers the export event it left under (none for smuggled
 * goods), so that an export the ledger refused, which therefore never left, can be taken out.
 */
public final class PartnerStatistics {

    private static final CountryCode FROM = CountryCode.of("MY");

    /** One arrival as the partner recorded it; {@code export} is the id of the export event, or null if smuggled. */
    public record Arrival(CountryCode reporter, String hs6, YearMonth month, double kg, double usd, String export) {
        public Arrival {
            Objects.requireNonNull(reporter, "reporter");
            Objects.requireNonNull(hs6, "hs6");
            Objects.requireNonNull(month, "month");
        }
    }

    private record Key(String reporter, String hs6, YearMonth month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = reporter.compareTo(o.reporter);
            c = c != 0 ? c : hs6.compareTo(o.hs6);
            return c != 0 ? c : month.compareTo(o.month);
        }
    }

    private final List<Arrival> arrivals = new ArrayList<>();

    /** Records an arrival: kg as the partner weighed it and USD as it valued it, from export event {@code export}. */
    public void record(CountryCode reporter, String hsCode, YearMonth arrival, double kg, double usd, String export) {
        arrivals.add(new Arrival(reporter, hsCode.replace(".", "").substring(0, 6), arrival, kg, usd, export));
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The published statistics of these arrivals: summed by reporter, HS6 and month. */
    public static List<PartnerImport> rows(List<Arrival> arrivals) {
        Map<Key, double[]> rows = new TreeMap<>();
        for (Arrival a : arrivals) {
            double[] r = rows.computeIfAbsent(new Key(a.reporter().alpha2(), a.hs6(), a.month()), k -> new double[2]);
            r[0] += a.kg();
            r[1] += a.usd();
        }
        List<PartnerImport> out = new ArrayList<>();
        rows.forEach((k, v) -> out.add(new PartnerImport(CountryCode.of(k.reporter()), FROM, k.hs6(), k.month(),
                Math.round(v[0]), BigDecimal.valueOf(v[1]).setScale(0, RoundingMode.HALF_EVEN))));
        return out;
    }
}
