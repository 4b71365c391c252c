package org.reetrace.sim.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.registry.CountryCode;

/**
 * What partner countries' customs record of goods from the simulated country: the physical mass that arrived
 * (weighed again, with their own error), its CIF value, in the month of arrival, summed by reporter, HS code and
 * month as published statistics are.
 */
public final class PartnerStatistics {

    private static final CountryCode FROM = CountryCode.of("MY");

    private record Key(String reporter, String hs6, YearMonth month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = reporter.compareTo(o.reporter);
            c = c != 0 ? c : hs6.compareTo(o.hs6);
            return c != 0 ? c : month.compareTo(o.month);
        }
    }

    private final Map<Key, double[]> rows = new TreeMap<>();

    /** Records an arrival: kg as the partner weighed it and USD as it valued it. */
    public void record(CountryCode reporter, String hsCode, YearMonth arrival, double kg, double usd) {
        double[] r = rows.computeIfAbsent(new Key(reporter.alpha2(), hsCode.replace(".", "").substring(0, 6), arrival),
                k -> new double[2]);
        r[0] += kg;
        r[1] += usd;
    }

    public List<PartnerImport> rows() {
        List<PartnerImport> out = new ArrayList<>();
        rows.forEach((k, v) -> out.add(new PartnerImport(CountryCode.of(k.reporter()), FROM, k.hs6(), k.month(),
                Math.round(v[0]), BigDecimal.valueOf(v[1]).setScale(0, RoundingMode.HALF_EVEN))));
        return out;
    }
}
