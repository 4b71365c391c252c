package org.reetrace.app.analytics;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.QuotaCheck;
import org.reetrace.core.registry.Facility;

/**
 * Reading how much of its lease's annual quota of ore each mine has extracted in a year (docs/design.md section 7,
 * quotas), for the regulator, customs and auditors. The year is the books' year (that of the latest event booked)
 * unless one is asked for.
 */
@UseCase
public class ReadQuotaUse {

    /** A mine's extraction in the year in tonnes of ore, against its quota; {@code percent} of the quota used. */
    public record MineQuota(String mine, String name, String operator, double extractedTonnes, double quotaTonnes,
                            double percent, int lots) {
    }

    public record QuotaUse(int year, String booksMonth, List<MineQuota> mines) {
    }

    private final AnalyticsFeed feed;
    private final StoredRegistry registry;

    public ReadQuotaUse(AnalyticsFeed feed, StoredRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    /** {@code year} null: the books' year. */
    public QuotaUse read(Caller caller, Integer year) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        return feed.read(analytics -> {
            YearMonth books = analytics.booksTime().map(t -> YearMonth.from(t.atOffset(analytics.settings().offset())))
                    .orElse(null);
            Year y = year != null ? Year.of(year) : books != null ? Year.of(books.getYear()) : Year.now();
            List<MineQuota> mines = analytics.quotaUse(y).stream().map(this::mine).toList();
            return new QuotaUse(y.getValue(), books == null ? null : books.toString(), mines);
        });
    }

    private MineQuota mine(QuotaCheck.Use u) {
        Facility f = registry.facility(u.mine()).orElse(null);
        double extracted = u.extractedMg() / 1e9;
        double quota = u.quotaMg() / 1e9;
        return new MineQuota(u.mine().value(), f == null ? u.mine().value() : f.name(),
                f == null ? null : f.operator().value(), round(extracted), round(quota),
                quota == 0 ? 0 : Math.round(1000 * extracted / quota) / 10.0, u.lots());
    }

    private static double round(double tonnes) {
        return Math.round(tonnes * 1000) / 1000.0;
    }
}
