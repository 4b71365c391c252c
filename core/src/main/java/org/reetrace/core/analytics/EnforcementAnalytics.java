package org.reetrace.core.analytics;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.Ship;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;

/**
 * The enforcement analytics of docs/design.md section 7 over the ledger's accepted entries: material balances with
 * sigma-MUF and CUSUM, fingerprints, quotas, capacities, yields and mass out against mass in, declared against
 * computed activity, blends of known deposits, round trips (an import that is an earlier export coming back), residue tracking, shipments in transit and
 * shipper/receiver differences, export claims, and the
 * declared exports that mirror trade compares with partner statistics. Feed it every accepted entry in order
 * ({@link #accept}); ask for alerts at any time. Not thread-safe, like the ledger it reads.
 */
public final class EnforcementAnalytics {

    private final AnalyticsSettings settings;
    private final MaterialBalanceBook book;
    private final MufMonitor muf;
    private final FingerprintMonitor fingerprints;
    private final RoundTripMonitor roundTrips;
    private final QuotaCheck quotas;
    private final PlausibilityCheck plausibility;
    private final ResidueTracker residues;
    private final ExportClaimCheck exportClaims;
    private final MirrorTrade mirrorTrade;
    private final TransitMonitor transit;
    private final PhysicalPlausibility physics;
    private final MaterialFlows flows = new MaterialFlows();
    private final List<DeclaredExport> exports = new ArrayList<>();
    /** The books' time: the latest event time accepted so far, which every deadline runs on. */
    private Instant booksTime;

    public EnforcementAnalytics(AnalyticsSettings settings) {
        this.settings = settings;
        this.book = new MaterialBalanceBook(settings.measurement(), settings.losses(), settings.offset());
        this.muf = new MufMonitor(settings.cusum(), settings.detection());
        this.fingerprints = new FingerprintMonitor(settings.fingerprintBaselineEnd(), settings.fingerprintFalsePositiveRate(),
                settings.origin().blendFalsePositiveRate());
        this.roundTrips = new RoundTripMonitor(settings.measurement(), settings.origin().roundTripWindow(),
                settings.origin().roundTripMatchLevel());
        this.quotas = new QuotaCheck(settings.annualOreQuota());
        this.plausibility = new PlausibilityCheck(settings.annualCapacity(), settings.yieldBands());
        this.residues = new ResidueTracker(settings.residueDeadline(), settings.residueActivityLimit(), settings.offset());
        this.exportClaims = new ExportClaimCheck(settings.exportMinPurity());
        this.mirrorTrade = new MirrorTrade(settings.mirrorTrade());
        this.transit = new TransitMonitor(settings.transitTime(), settings.measurement(), settings.offset());
        this.physics = new PhysicalPlausibility(PhysicalPlausibility.DEFAULT_BANDS, settings.residueActivityLimit(),
                settings.offset());
        book.onProcessRun(plausibility::accept);
    }

    public void accept(Entry entry) {
        Instant time = entry.event().time();
        if (booksTime == null || time.isAfter(booksTime)) {
            booksTime = time;
        }
        book.accept(entry);
        residues.accept(entry);
        transit.accept(entry);
        physics.accept(entry);
        YearMonth month = book.monthOf(entry.event().time());
        switch (entry.event()) {
            case Extract e -> {
                fingerprints.accept(e, month);
                quotas.accept(e, month);
            }
            case Ship s -> entry.lots().stream().filter(l -> l.id().equals(s.lot())).findFirst()
                    .ifPresent(l -> flows.shipped(month, s.facility(), s.destination(), l.composition()));
            case Export x -> {
                Lot lot = entry.lots().getFirst();
                flows.exported(month, x.facility(), x.declaration().country(), lot.composition());
                exportClaims.accept(x, lot, month);
                roundTrips.exported(x, lot);
                exports.add(new DeclaredExport(x.id(), x.lot(), x.declaration().country(), x.declaration().hsCode(),
                        month, lot.mass().mg()));
            }
            case Import m -> roundTrips.imported(m, month);
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

    public RoundTripMonitor roundTrips() {
        return roundTrips;
    }

    /** What each mine extracted in {@code year}, to read against its lease's quota. */
    public java.util.Map<org.reetrace.core.registry.FacilityId, QuotaCheck.Extraction> extracted(java.time.Year year) {
        return quotas.extracted(year);
    }

    /** Radioactive residue lots not yet disposed of, the earliest due first. */
    public List<ResidueTracker.Pending> residuesPending() {
        return residues.pending();
    }

    /** What moved between facilities and abroad, month by month. */
    public MaterialFlows flows() {
        return flows;
    }

    public List<DeclaredExport> declaredExports() {
        return List.copyOf(exports);
    }

    /**
     * The latest event time booked so far, or empty before the first entry. Deadlines run on it, never on the wall
     * clock: what the books say does not depend on how the events were batched or when they were sent.
     */
    public Optional<Instant> booksTime() {
        return Optional.ofNullable(booksTime);
    }

    /** Every alert the books raise as they stand (residue deadlines run to the books' time), by month then kind. */
    public List<Alert> alerts() {
        return alerts(YearMonth.of(Year.MAX_VALUE, 12));
    }

    /**
     * The findings of the books as they stand, those about a month's balance (material unaccounted for, capacity)
     * only for the months before {@code monthsBefore}: a feed that raises them once a month has closed need not
     * work out the open month's balance with every batch.
     */
    public List<Alert> alerts(YearMonth monthsBefore) {
        List<Alert> all = new ArrayList<>();
        all.addAll(muf.alerts(book, monthsBefore));
        all.addAll(fingerprints.alerts());
        all.addAll(quotas.alerts());
        all.addAll(plausibility.capacityAlerts(book, monthsBefore));
        all.addAll(plausibility.yieldAlerts());
        all.addAll(physics.alerts());
        if (booksTime != null) {
            all.addAll(residues.overdue(booksTime));
            all.addAll(transit.alerts(booksTime));
        }
        all.addAll(exportClaims.alerts());
        all.addAll(roundTrips.alerts());
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
