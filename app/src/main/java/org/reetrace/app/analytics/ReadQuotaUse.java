package org.reetrace.app.analytics;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.QuotaCheck;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceKind;

/**
 * Reading how much of its annual quota of ore each mining lease's mine has extracted in a year (docs/design.md
 * section 7, quotas), for the regulator, customs and auditors: the leases and quotas as the registry has them now,
 * the extraction as the books have it. The year is the books' year (that of the latest event booked) unless one is
 * asked for.
 */
@UseCase
public class ReadQuotaUse {

    /** A lease's mine: its extraction in the year in tonnes of ore, its quota, and the {@code percent} used. */
    public record LeaseQuota(String lease, String mine, String name, String operator, double extractedTonnes,
                             double quotaTonnes, double percent, int lots) {
    }

    public record QuotaUse(int year, String booksMonth, List<LeaseQuota> leases) {
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
        record Books(YearMonth month, Map<FacilityId, QuotaCheck.Extraction> extracted, Year year) {
        }
        Books books = feed.read(analytics -> {
            Optional<YearMonth> month = analytics.booksTime()
                    .map(t -> YearMonth.from(t.atOffset(analytics.settings().offset())));
            Year y = year != null ? Year.of(year) : month.map(m -> Year.of(m.getYear())).orElse(Year.now());
            return new Books(month.orElse(null), analytics.extracted(y), y);
        });
        Instant start = books.year().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = books.year().plusYears(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        // per lease its term that overlaps the year; of several, the last to begin
        Map<String, Licence> leases = new TreeMap<>();
        registry.latest().licences().stream()
                .filter(l -> l.kind() == LicenceKind.MINING_LEASE && l.quota().isPresent() && l.site().isPresent())
                .filter(l -> l.validity().from().isBefore(end) && l.validity().end().map(e -> e.isAfter(start)).orElse(true))
                .sorted(Comparator.comparing((Licence l) -> l.validity().from()))
                .forEach(l -> leases.put(l.id().value(), l));
        List<LeaseQuota> rows = leases.values().stream().map(l -> lease(l, books.extracted())).toList();
        return new QuotaUse(books.year().getValue(), books.month() == null ? null : books.month().toString(), rows);
    }

    private LeaseQuota lease(Licence l, Map<FacilityId, QuotaCheck.Extraction> extracted) {
        FacilityId mine = l.site().orElseThrow();
        Facility f = registry.facility(mine).orElse(null);
        QuotaCheck.Extraction e = extracted.get(mine);
        double tonnes = e == null ? 0 : e.mg() / 1e9;
        double quota = l.quota().orElseThrow().mg() / 1e9;
        return new LeaseQuota(l.id().value(), mine.value(), f == null ? mine.value() : f.name(), l.holder().value(),
                round(tonnes), round(quota), quota == 0 ? 0 : Math.round(1000 * tonnes / quota) / 10.0,
                e == null ? 0 : e.lots());
    }

    private static double round(double tonnes) {
        return Math.round(tonnes * 1000) / 1000.0;
    }
}
