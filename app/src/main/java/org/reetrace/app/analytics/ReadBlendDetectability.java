package org.reetrace.app.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.FingerprintMonitor;
import org.springframework.http.HttpStatus;

/**
 * Reading how small a blend of one known deposit's ore into another's one lot shows: per ordered pair of mines with
 * a signature, the smallest fraction of the second's rare earths detected with probability 95 % at 2 % false
 * positives (a single lot's question), and at the alert's own false-positive rate. For the regulator, customs and
 * auditors: it compares every mine's signature with every other's.
 */
@UseCase
public class ReadBlendDetectability {

    static final double POWER = 0.95;
    static final double FALSE_POSITIVES = 0.02;

    /**
     * A pair of deposits: the declared mine, the deposit blended in, and the smallest fractions (0 to 1; null when
     * even pure ore of the second is not told apart that often) at 2 % false positives and at the alert's rate.
     */
    public record Pair(String declared, String admixed, Double detectableFraction, Double detectableFractionAtAlertRate) {
    }

    /** The pairs, with the power, the two false-positive rates and the baseline the signatures come from. */
    public record Detectability(double power, double falsePositiveRate, double alertFalsePositiveRate,
                                String baselineEnd, List<Pair> pairs) {
    }

    private final AnalyticsFeed feed;

    public ReadBlendDetectability(AnalyticsFeed feed) {
        this.feed = feed;
    }

    public Detectability read(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        return feed.read(analytics -> {
            FingerprintMonitor fp = analytics.fingerprints();
            YearMonth books = analytics.booksTime()
                    .map(t -> YearMonth.from(t.atOffset(analytics.settings().offset())))
                    .orElse(analytics.settings().fingerprintBaselineEnd());
            int deposits = (int) fp.detectability(books, FALSE_POSITIVES, POWER).stream()
                    .map(FingerprintMonitor.Detectability::declared).distinct().count();
            // the alert asks each lot about every other deposit at once: its rate is shared among them
            double perPair = fp.blendFalsePositiveRate() / Math.max(1, deposits - 1);
            List<FingerprintMonitor.Detectability> at2 = fp.detectability(books, FALSE_POSITIVES, POWER);
            List<FingerprintMonitor.Detectability> atAlert = fp.detectability(books, perPair, POWER);
            if (at2.isEmpty()) {
                throw AnalyticsQuestions.noData(HttpStatus.NOT_FOUND, "fewer than two mines have a signature yet (the"
                        + " baseline ends " + analytics.settings().fingerprintBaselineEnd() + ")", Map.of());
            }
            List<Pair> pairs = new java.util.ArrayList<>();
            for (int i = 0; i < at2.size(); i++) {
                FingerprintMonitor.Detectability d = at2.get(i);
                pairs.add(new Pair(d.declared().value(), d.admixed().value(), value(d.fraction()),
                        value(atAlert.get(i).fraction())));
            }
            return new Detectability(POWER, FALSE_POSITIVES, fp.blendFalsePositiveRate(),
                    analytics.settings().fingerprintBaselineEnd().toString(), pairs);
        });
    }

    private static Double value(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
