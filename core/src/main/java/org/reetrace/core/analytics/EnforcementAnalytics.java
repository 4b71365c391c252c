package org.reetrace.core.analytics;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;

/**
 * The enforcement analytics of docs/design.md section 7 over the ledger's accepted entries: material balances with
 * sigma-MUF and CUSUM, fingerprints, quotas, capacities and yields, residue tracking, export claims, and the
 * declared exports that mirror trade compares with partner statistics. Feed it every accepted entry in order
 * ({@link #accept}); ask for alerts at any time. Not thread-safe, like the ledger it reads.
 */
public final class EnforcementAnalytics {

    private final AnalyticsSettings settings;
    private final MaterialBalanceBook book;
    private final MufMonitor muf;
    private final FingerprintMonitor fingerprints;
    private final QuotaCheck quotas;
    private final PlausibilityCheck plausibility;
    private final ResidueTracker residues;
    private final ExportClaimCheck exportClaims;
    private final MirrorTrade mirrorTrade;
    private final List<DeclaredExport> exports = new ArrayList<>();

    public EnforcementAnalytics(AnalyticsSettings settings) {
        this.settings = settings;
        this.book = new MaterialBalanceBook(settings.measurement(), settings.losses(), settings.offset());
        this.muf = new MufMonitor(settings.cusum());
        this.fingerprints = new FingerprintMonitor(settings.fingerprintBaselineEnd(), settings.fingerprintFalsePositiveRate());
        this.quotas = new QuotaCheck(settings.annualOreQuota());
        this.plausibility = new PlausibilityCheck(settings.annualCapacity(), settings.yieldBands());
        this.residues = new ResidueTracker(settings.residueDeadline(), settings.residueActivityLimit(), settings.offset());
        this.exportClaims = new ExportClaimCheck(settings.exportMinPurity());
        this.mirrorTrade = new MirrorTrade(settings.mirrorTrade());
        book.onProcessRun(plausibility::accept);
    }

    public void accept(Entry entry) {
        book.accept(entry);
        residues.accept(entry);
        YearMonth month = book.monthOf(entry.event().time());
        switch (entry.event()) {
            case Extract e -> {
                fingerprints.accept(e, month);
                quotas.accept(e, month);
            }
            case Export x -> {
                Lot lot = entry.lots().getFirst();
                exportClaims.accept(x, lot, month);
                exports.add(new DeclaredExport(x.id(), x.lot(), x.declaration().country(), x.declaration().hsCode(),
                        month, lot.mass().mg()));
            }
            default -> {
            }
        }
    }

    public MaterialBalanceBook balances() {
        return book;
    }

    public MufMonitor mufMonitor() {
        return muf;
    }

    public FingerprintMonitor fingerprints() {
        return fingerprints;
    }

    public List<DeclaredExport> declaredExports() {
        return List.copyOf(exports);
    }

    /** Every alert the books raise as of {@code asOf} (residue deadlines run to it), by month then kind. */
    public List<Alert> alerts(Instant asOf) {
        return alerts(asOf, YearMonth.of(Year.MAX_VALUE, 12));
    }

    /**
     * The findings as of {@code asOf}, those about a month's balance (material unaccounted for, capacity) only for
     * the months before {@code monthsBefore}: a feed that raises them once a month has closed need not work out the
     * open month's balance with every batch.
     */
    public List<Alert> alerts(Instant asOf, YearMonth monthsBefore) {
        List<Alert> all = new ArrayList<>();
        all.addAll(muf.alerts(book, monthsBefore));
        all.addAll(fingerprints.alerts());
        all.addAll(quotas.alerts());
        all.addAll(plausibility.capacityAlerts(book, monthsBefore));
        all.addAll(plausibility.yieldAlerts());
        all.addAll(residues.overdue(asOf));
        all.addAll(exportClaims.alerts());
        all.sort(Comparator.comparing(Alert::period).thenComparing(Alert::kind).thenComparing(Alert::subject));
        return all;
    }

    /** Declared exports against partner statistics over a period. */
    public Outcome<MirrorTradeReport> mirrorTrade(List<PartnerImport> partnerImports, YearMonth from, YearMonth to) {
        return mirrorTrade.compare(partnerImports, exports, from, to);
    }

    public AnalyticsSettings settings() {
        return settings;
    }
}
