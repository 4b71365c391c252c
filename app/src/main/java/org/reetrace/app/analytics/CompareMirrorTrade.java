package org.reetrace.app.analytics;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.analytics.MirrorTradeReport;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.analytics.PartnerImportCsv;
import org.reetrace.core.analytics.PartnerImportFormatException;
import org.springframework.http.HttpStatus;

/**
 * Comparing declared exports with what partner countries say they imported (mirror trade), per partner and HS code,
 * over a period of months; a gap beyond tolerance is raised as an alert. For the regulator, customs and auditors.
 */
@UseCase
public class CompareMirrorTrade {

    public record TradeLine(String partner, String hs6, double partnerTonnes, double declaredTonnes, double gapTonnes,
                            BigDecimal partnerValueUsd, BigDecimal gapValueUsd, BigDecimal lostRoyaltyUsd) {
    }

    public record MirrorTrade(String from, String to, int partnerRows, List<TradeLine> lines, TradeLine total,
                              List<String> alerts) {
    }

    private final AnalyticsFeed feed;
    /** The last comparison made since the server started: partner statistics are compared, not stored. */
    private volatile MirrorTrade last;

    public CompareMirrorTrade(AnalyticsFeed feed) {
        this.feed = feed;
    }

    /** {@code from} and {@code to} months YYYY-MM; {@code csv} the partner statistics ({@link PartnerImportCsv}). */
    public MirrorTrade compare(Caller caller, String from, String to, String csv) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        YearMonth start = AnalyticsQuestions.month("from", from);
        YearMonth end = AnalyticsQuestions.month("to", to);
        if (end.isBefore(start)) {
            throw AnalyticsQuestions.badRequest("period", "'to' " + end + " is before 'from' " + start);
        }
        List<PartnerImport> rows;
        try {
            rows = PartnerImportCsv.read(new StringReader(csv == null ? "" : csv));
        } catch (PartnerImportFormatException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "partner-import-format", "Partner import file is not valid",
                    e.getMessage(), Map.of("line", e.line()));
        }
        Outcome<MirrorTradeReport> outcome = feed.read(a -> a.mirrorTrade(rows, start, end));
        return switch (outcome) {
            case Outcome.Measured<MirrorTradeReport>(MirrorTradeReport r) -> {
                feed.raise(r.alerts());
                yield last = new MirrorTrade(start.toString(), end.toString(), rows.size(),
                        r.lines().stream().map(CompareMirrorTrade::line).toList(), line(r.total()),
                        r.alerts().stream().map(org.reetrace.core.analytics.Alert::message).toList());
            }
            case Outcome.NoData<MirrorTradeReport>(String reason) -> throw AnalyticsQuestions.noData(
                    HttpStatus.UNPROCESSABLE_CONTENT, reason, Map.of("from", start.toString(), "to", end.toString()));
        };
    }

    /** The last comparison made since the server started, if any: for the regulator, customs and auditors. */
    public java.util.Optional<MirrorTrade> last(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        return java.util.Optional.ofNullable(last);
    }

    private static TradeLine line(MirrorTradeReport.Line l) {
        return new TradeLine(l.partner() == null ? null : l.partner().alpha2(), l.hs6(), l.partnerKg() / 1000.0,
                l.declaredKg() / 1000.0, l.gapTonnes(), l.partnerValueUsd(), l.gapValueUsd(), l.lostRoyaltyUsd());
    }
}
