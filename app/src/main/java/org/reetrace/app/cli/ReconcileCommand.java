package org.reetrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.reetrace.app.analytics.AnalyticsFeed;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.analytics.MirrorTradeReport;
import org.reetrace.core.analytics.MufMonitor;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.analytics.PartnerImportCsv;
import org.reetrace.core.analytics.PartnerImportFormatException;
import org.reetrace.core.registry.FacilityId;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mirror trade over a period (declared exports in the ledger against the partners' import statistics) and each
 * facility's material balance over the same months, one line per facility.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compares the exports declared in the ledger with partner countries' import statistics (CSV: "
                + PartnerImportCsv.HEADER + ") over a period: the gap in tonnes, its value and the royalty lost;"
                + " then one line per facility with its material balance over the period.")
final class ReconcileCommand extends ReadingCommand {

    @Option(names = "--partner", required = true, paramLabel = "FILE.csv", description = "Partner import statistics.")
    Path partner;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month.")
    String to;

    /** The period and the partner rows, read before the application starts. */
    private YearMonth start;
    private YearMonth end;
    private List<PartnerImport> rows;
    private String csv;

    @Override
    protected void checkArguments() {
        start = month("--from", from);
        end = month("--to", to);
        if (end.isBefore(start)) {
            throw new CommandFailure("--to " + end + " is before --from " + start);
        }
        try {
            csv = Files.readString(partner, StandardCharsets.UTF_8);
            rows = PartnerImportCsv.read(new StringReader(csv));
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no partner import file " + partner);
        } catch (PartnerImportFormatException e) {
            throw new CommandFailure(partner + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + partner + ": " + e.getMessage());
        }
    }

    @Override
    protected int runRemotely(ServerClient server) {
        return RemoteReads.reconcile(this, server, start, end, csv, rows.size());
    }

    @Override
    protected int run(ApplicationContext context) {
        AnalyticsFeed feed = context.getBean(AnalyticsFeed.class);
        PrintWriter o = out();
        Outcome<MirrorTradeReport> outcome = feed.read(a -> a.mirrorTrade(rows, start, end));
        int code = Commands.OK;
        switch (outcome) {
            case Outcome.Measured<MirrorTradeReport>(MirrorTradeReport report) -> {
                feed.raise(report.alerts());
                o.printf("Mirror trade %s to %s (%d partner rows)%n", start, end, rows.size());
                o.printf("%-8s %-7s %12s %12s %12s %16s %16s%n", "partner", "hs6", "partner t", "declared t", "gap t",
                        "gap value USD", "lost royalty USD");
                for (MirrorTradeReport.Line l : report.lines()) {
                    line(o, l.partner() == null ? "" : l.partner().alpha2(), l);
                }
                line(o, "total", report.total());
                report.alerts().forEach(a -> o.printf("ALERT %s%n", a.message()));
            }
            case Outcome.NoData<MirrorTradeReport>(String reason) -> {
                o.printf("Mirror trade %s to %s: no data: %s%n", start, end, reason);
                code = Commands.FAILURE;
            }
        }
        o.printf("%nMaterial balances %s to %s (REE basis; MUF and its expectation in kg, sigma root-sum-square of the"
                + " months)%n", start, end);
        o.printf("%-22s %6s %14s %12s %12s %10s %8s %6s%n", "facility", "months", "throughput t", "MUF kg", "expected kg",
                "sigma kg", "CUSUM", "alarms");
        feed.read(a -> {
            for (FacilityId f : a.balances().facilities()) {
                summary(o, a, f, start, end);
            }
            return null;
        });
        o.flush();
        return code;
    }

    private static void summary(PrintWriter o, EnforcementAnalytics a, FacilityId f, YearMonth start, YearMonth end) {
        int months = 0;
        double throughput = 0;
        double muf = 0;
        double expected = 0;
        double variance = 0;
        for (MaterialBalance b : a.balances().balances(f, Basis.RARE_EARTHS)) {
            if (b.month().isBefore(start) || b.month().isAfter(end)) {
                continue;
            }
            months++;
            throughput += b.throughputMg();
            muf += b.mufMg();
            expected += b.expectedLossMg();
            variance += b.sigmaMufMg() * b.sigmaMufMg();
        }
        if (months == 0) {
            o.printf("%-22s no data: booked no event in the period%n", f.value());
            return;
        }
        double maxCusum = 0;
        int alarms = 0;
        if (a.mufMonitor().sequence(a.balances(), f) instanceof Outcome.Measured<MufMonitor.Sequence>(MufMonitor.Sequence s)) {
            for (int t = 0; t < s.balances().size(); t++) {
                YearMonth m = s.balances().get(t).month();
                if (!m.isBefore(start) && !m.isAfter(end)) {
                    maxCusum = Math.max(maxCusum, s.path().at(t));
                    alarms += s.tests().alarmed().contains(t) ? 1 : 0;
                }
            }
        }
        // sigma-MUF has a floor from the measurement model, so "inf" is only a guard
        o.printf(Locale.ROOT, "%-22s %6d %14.3f %12.1f %12.1f %10.1f %8s %6d%n", f.value(), months, throughput / 1e9,
                muf / 1e6, expected / 1e6, Math.sqrt(variance) / 1e6,
                Double.isFinite(maxCusum) ? String.format(Locale.ROOT, "%.2f", maxCusum) : "inf", alarms);
    }

    private static void line(PrintWriter o, String partner, MirrorTradeReport.Line l) {
        o.printf(Locale.ROOT, "%-8s %-7s %12.3f %12.3f %12.3f %16s %16s%n", partner, l.hs6(), l.partnerKg() / 1000.0,
                l.declaredKg() / 1000.0, l.gapTonnes(), l.gapValueUsd().toPlainString(), l.lostRoyaltyUsd().toPlainString());
    }

    private static YearMonth month(String option, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandFailure(option + " must be a month YYYY-MM, was " + value);
        }
    }
}
