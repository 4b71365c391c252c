package org.reetrace.core.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.reetrace.core.event.EventId;
import org.reetrace.core.registry.CountryCode;

/**
 * Mirror-trade analysis: the reporting country's declared exports against its partners' import statistics, by
 * partner and HS code. Partners record a shipment in the month it arrives, which can be a month or two after it
 * left, so the comparison runs on cumulative sums: honest trade keeps the partner's cumulative imports at or below
 * the cumulative declared exports (plus tolerance); undeclared or under-declared exports push them above, and the
 * gap grows with every month the leak goes on. Partner months are first moved back by the shipping lag of the
 * settings, so that a partner's March is compared with the declared February. An alert is raised in the first month the cumulative gap exceeds
 * the tolerance, once per partner and HS code.
 */
public final class MirrorTrade {

    private final MirrorTradeSettings settings;

    public MirrorTrade(MirrorTradeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private record Key(CountryCode partner, String hs6) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = partner.compareTo(o.partner);
            return c != 0 ? c : hs6.compareTo(o.hs6);
        }
    }

    private static final class Series {
        final TreeMap<YearMonth, long[]> kg = new TreeMap<>();
        final Map<YearMonth, List<EventId>> events = new TreeMap<>();
        BigDecimal partnerValue = BigDecimal.ZERO;
    }

    /**
     * The comparison over {@code from..to} (inclusive). Partner rows of other reporters' partners (not the
     * reporting country) are ignored. No data when neither side has anything in the period.
     */
    public Outcome<MirrorTradeReport> compare(List<PartnerImport> partnerImports, List<DeclaredExport> exports,
                                              YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
        Map<Key, Series> series = new TreeMap<>();
        for (PartnerImport p : partnerImports) {
            YearMonth shipped = p.month().minusMonths(settings.lagMonths());
            if (!p.partner().equals(settings.reporting()) || shipped.isBefore(from) || shipped.isAfter(to)) {
                continue;
            }
            Series s = series.computeIfAbsent(new Key(p.reporter(), p.hs6()), k -> new Series());
            s.kg.computeIfAbsent(shipped, m -> new long[2])[0] += p.netMassKg();
            s.partnerValue = s.partnerValue.add(p.valueUsd());
        }
        for (DeclaredExport x : exports) {
            if (x.month().isBefore(from) || x.month().isAfter(to)) {
                continue;
            }
            Series s = series.computeIfAbsent(new Key(x.country(), x.hs6()), k -> new Series());
            // booked mg to kg, rounded half-even as every edge conversion is
            s.kg.computeIfAbsent(x.month(), m -> new long[2])[1] += BigDecimal.valueOf(x.massMg())
                    .movePointLeft(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            s.events.computeIfAbsent(x.month(), m -> new ArrayList<>()).add(x.event());
        }
        if (series.isEmpty()) {
            return Outcome.noData("no partner import statistics and no declared exports from " + from + " to " + to);
        }
        List<MirrorTradeReport.Line> lines = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        long totalPartner = 0;
        long totalDeclared = 0;
        BigDecimal totalValue = BigDecimal.ZERO;
        BigDecimal totalGapValue = BigDecimal.ZERO;
        BigDecimal totalRoyalty = BigDecimal.ZERO;
        for (Map.Entry<Key, Series> e : series.entrySet()) {
            Key key = e.getKey();
            Series s = e.getValue();
            long partner = 0;
            long declared = 0;
            boolean alerted = false;
            List<EventId> seen = new ArrayList<>();
            for (Map.Entry<YearMonth, long[]> m : s.kg.entrySet()) {
                partner += m.getValue()[0];
                declared += m.getValue()[1];
                seen.addAll(s.events.getOrDefault(m.getKey(), List.of()));
                double tolerance = settings.relativeTolerance() * declared + settings.toleranceFloorKg();
                if (!alerted && partner - declared > tolerance) {
                    alerted = true;
                    Map<String, String> figures = new LinkedHashMap<>();
                    figures.put("partner imports to date t", tonnes(partner));
                    figures.put("declared exports to date t", tonnes(declared));
                    figures.put("gap t", tonnes(partner - declared));
                    figures.put("tolerance t", String.format(java.util.Locale.ROOT, "%.3f", tolerance / 1000));
                    alerts.add(new Alert(AlertKind.MIRROR_TRADE_GAP, key.partner() + "/" + key.hs6(), m.getKey(),
                            key.partner() + " reports " + tonnes(partner) + " t of HS " + key.hs6() + " imported from "
                                    + settings.reporting() + " since " + from + ", " + tonnes(partner - declared)
                                    + " t more than declared exports", figures, seen));
                }
            }
            long gap = partner - declared;
            BigDecimal unit = partner == 0 ? BigDecimal.ZERO
                    : s.partnerValue.divide(BigDecimal.valueOf(partner), 6, RoundingMode.HALF_EVEN);
            BigDecimal gapValue = unit.multiply(BigDecimal.valueOf(Math.max(0, gap))).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal royalty = gapValue.multiply(settings.royaltyRate()).setScale(2, RoundingMode.HALF_EVEN);
            lines.add(new MirrorTradeReport.Line(key.partner(), key.hs6(), partner, declared, gap,
                    s.partnerValue.setScale(2, RoundingMode.HALF_EVEN), gapValue, royalty));
            totalPartner += partner;
            totalDeclared += declared;
            totalValue = totalValue.add(s.partnerValue);
            totalGapValue = totalGapValue.add(gapValue);
            totalRoyalty = totalRoyalty.add(royalty);
        }
        MirrorTradeReport.Line total = new MirrorTradeReport.Line(null, "*", totalPartner, totalDeclared,
                totalPartner - totalDeclared, totalValue.setScale(2, RoundingMode.HALF_EVEN), totalGapValue, totalRoyalty);
        return Outcome.measured(new MirrorTradeReport(from, to, lines, total, alerts));
    }

    private static String tonnes(long kg) {
        return String.format(java.util.Locale.ROOT, "%.3f", kg / 1000.0);
    }
}
