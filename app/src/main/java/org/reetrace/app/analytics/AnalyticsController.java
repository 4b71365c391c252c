package org.reetrace.app.analytics;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.FingerprintMonitor;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.analytics.MineSignature;
import org.reetrace.core.analytics.MirrorTradeReport;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.analytics.PartnerImportCsv;
import org.reetrace.core.analytics.PartnerImportFormatException;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enforcement analytics over the books (docs/design.md section 7): a facility's monthly material balances, a mine's
 * fingerprint signature, and declared exports against partner statistics. The regulator, customs and auditors read
 * everything; an operator the balances and signatures of its own facilities. A period or mine with nothing
 * measured answers a {@code no-data} problem that says why, never zeros.
 */
@RestController
public class AnalyticsController {

    /** One month's balance in kg; {@code cusum} is Page's statistic after the month (REE basis, tested months). */
    public record MonthBalance(String month, boolean measured, String noData, Double beginningKg, Double receiptsKg,
                               Double shipmentsKg, Double endingKg, Double throughputKg, Double declaredLossKg,
                               Double mufKg, Double expectedLossKg, Double sigmaMufKg, Double standardisedMuf,
                               Double cusum, Boolean alarm, List<String> events) {
    }

    public record Balances(String facility, String basis, String from, String to, double cusumReference,
                           double cusumThreshold, List<MonthBalance> months) {
    }

    public record Signature(String mine, int historyLots, List<String> elements, int dimension, double[] meanLogRatios,
                            String baselineEnd, int testedLots, int mismatches, double falsePositiveRate) {
    }

    public record TradeLine(String partner, String hs6, double partnerTonnes, double declaredTonnes, double gapTonnes,
                            BigDecimal partnerValueUsd, BigDecimal gapValueUsd, BigDecimal lostRoyaltyUsd) {
    }

    public record MirrorTrade(String from, String to, int partnerRows, List<TradeLine> lines, TradeLine total,
                              List<String> alerts) {
    }

    private final AnalyticsFeed feed;
    private final StoredRegistry registry;

    public AnalyticsController(AnalyticsFeed feed, StoredRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    @GetMapping("/api/facilities/{id}/balances")
    public Balances balances(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "REE") String basis,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Facility facility = readable(caller, id);
        Basis b = basis(basis);
        YearMonth start = month("from", from);
        YearMonth end = month("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw badRequest("period", "'to' " + end + " is before 'from' " + start);
        }
        return feed.read(analytics -> {
            List<MaterialBalance> all = analytics.balances().balances(facility.id(), b);
            Map<YearMonth, double[]> cusum = new HashMap<>();
            if (analytics.mufMonitor().sequence(analytics.balances(), facility.id())
                    instanceof Outcome.Measured<MufMonitor.Sequence>(MufMonitor.Sequence s)) {
                for (int t = 0; t < s.balances().size(); t++) {
                    cusum.put(s.balances().get(t).month(), new double[] {s.path().at(t), s.path().alarms().contains(t) ? 1 : 0});
                }
            }
            YearMonth first = start != null ? start : all.isEmpty() ? null : all.getFirst().month();
            YearMonth last = end != null ? end : all.isEmpty() ? null : all.getLast().month();
            if (first == null) {
                throw noData(HttpStatus.NOT_FOUND, facility.id() + " has booked nothing: there is no material balance",
                        Map.of("facility", id));
            }
            if (last.isBefore(first)) {
                last = first;
            }
            List<MonthBalance> months = new ArrayList<>();
            boolean any = false;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                switch (analytics.balances().balance(facility.id(), m, b)) {
                    case Outcome.Measured<MaterialBalance>(MaterialBalance mb) -> {
                        any = true;
                        double[] c = b.single().isEmpty() ? cusum.get(m) : null;
                        months.add(new MonthBalance(m.toString(), true, null, kg(mb.beginningMg()), kg(mb.receiptsMg()),
                                kg(mb.shipmentsMg()), kg(mb.endingMg()), kg(mb.throughputMg()), kg(mb.declaredLossMg()),
                                kg(mb.mufMg()), kg(mb.expectedLossMg()), kg(mb.sigmaMufMg()), finite(mb.standardisedMuf()),
                                c == null ? null : c[0], c == null ? null : c[1] > 0,
                                mb.events().stream().map(EventId::value).toList()));
                    }
                    case Outcome.NoData<MaterialBalance>(String reason) -> months.add(new MonthBalance(m.toString(),
                            false, reason, null, null, null, null, null, null, null, null, null, null, null, null, List.of()));
                }
            }
            if (!any) {
                throw noData(HttpStatus.NOT_FOUND, facility.id() + " booked no event from " + first + " to " + last
                        + ": there is no material balance for the period", Map.of("facility", id, "from",
                        first.toString(), "to", last.toString()));
            }
            return new Balances(facility.id().value(), b.label(), first.toString(), last.toString(),
                    analytics.settings().cusum().reference(), analytics.settings().cusum().threshold(), months);
        });
    }

    @GetMapping("/api/mines/{id}/signature")
    public Signature signature(Caller caller, @PathVariable String id) {
        Facility mine = readable(caller, id);
        return feed.read(analytics -> {
            FingerprintMonitor fp = analytics.fingerprints();
            return switch (fp.signature(mine.id())) {
                case Outcome.Measured<MineSignature>(MineSignature s) -> {
                    int tested = 0;
                    int flagged = 0;
                    for (FingerprintMonitor.Tested t : fp.tested()) {
                        if (t.result().mine().equals(mine.id())) {
                            tested++;
                            flagged += t.result().flagged() ? 1 : 0;
                        }
                    }
                    yield new Signature(mine.id().value(), s.historySize(),
                            s.elements().stream().map(Element::symbol).toList(), s.dimension(), s.meanLogRatios(),
                            analytics.settings().fingerprintBaselineEnd().toString(), tested, flagged,
                            analytics.settings().fingerprintFalsePositiveRate());
                }
                case Outcome.NoData<MineSignature>(String reason) ->
                        throw noData(HttpStatus.NOT_FOUND, reason, Map.of("mine", id));
            };
        });
    }

    @PostMapping(path = "/api/mirror-trade", consumes = "text/csv")
    public MirrorTrade mirrorTrade(Caller caller, @RequestParam String from, @RequestParam String to,
                                   @RequestBody(required = false) String csv) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        YearMonth start = month("from", from);
        YearMonth end = month("to", to);
        if (end.isBefore(start)) {
            throw badRequest("period", "'to' " + end + " is before 'from' " + start);
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
                yield new MirrorTrade(start.toString(), end.toString(), rows.size(),
                        r.lines().stream().map(AnalyticsController::line).toList(), line(r.total()),
                        r.alerts().stream().map(org.reetrace.core.analytics.Alert::message).toList());
            }
            case Outcome.NoData<MirrorTradeReport>(String reason) ->
                    throw noData(HttpStatus.UNPROCESSABLE_CONTENT, reason, Map.of("from", start.toString(), "to", end.toString()));
        };
    }

    static TradeLine line(MirrorTradeReport.Line l) {
        return new TradeLine(l.partner() == null ? null : l.partner().alpha2(), l.hs6(), l.partnerKg() / 1000.0,
                l.declaredKg() / 1000.0, l.gapTonnes(), l.partnerValueUsd(), l.gapValueUsd(), l.lostRoyaltyUsd());
    }

    private Facility readable(Caller caller, String id) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        Facility f = registry.facility(FacilityId.of(id)).orElseThrow(() -> ProblemException.notFound("facility", id));
        caller.requireReader(f.operator().value());
        return f;
    }

    private static Basis basis(String basis) {
        if (basis.equalsIgnoreCase("REE")) {
            return Basis.RARE_EARTHS;
        }
        for (Element e : Element.values()) {
            if (e.symbol().equalsIgnoreCase(basis)) {
                return Basis.of(e);
            }
        }
        throw badRequest("basis", "basis must be REE or an element symbol such as Nd, not '" + basis + "'");
    }

    private static YearMonth month(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name, "'" + name + "' must be a month YYYY-MM, not '" + value + "'");
        }
    }

    private static ProblemException badRequest(String parameter, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail,
                Map.of("parameter", parameter));
    }

    private static ProblemException noData(HttpStatus status, String reason, Map<String, Object> where) {
        return new ProblemException(status, "no-data", "Nothing was measured", reason, new LinkedHashMap<>(where));
    }

    private static Double kg(double mg) {
        return Math.round(mg / 1e3) / 1e3;
    }

    private static Double finite(double z) {
        return Double.isFinite(z) ? Math.round(z * 1000) / 1000.0 : null;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
