package org.reetrace.core.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.reetrace.core.registry.CountryCode;

/**
 * Declared exports against what partner countries say they imported, for a period: one line per partner and HS
 * code, and the totals. A positive gap is material that left without being declared (or was declared lighter than
 * it was); its value is the partner's unit value times the gap, and the royalty lost is the rate times that value.
 */
public record MirrorTradeReport(YearMonth from, YearMonth to, List<Line> lines, Line total, List<Alert> alerts) {

    public MirrorTradeReport {
        lines = List.copyOf(lines);
        alerts = List.copyOf(alerts);
    }

    /**
     * @param partner   the importing country, null in the total line
     * @param hs6       the six-digit HS code, "*" in the total line
     */
    public record Line(CountryCode partner, String hs6, long partnerKg, long declaredKg, long gapKg,
                       BigDecimal partnerValueUsd, BigDecimal gapValueUsd, BigDecimal lostRoyaltyUsd) {

        public double gapTonnes() {
            return gapKg / 1000.0;
        }
    }
}
