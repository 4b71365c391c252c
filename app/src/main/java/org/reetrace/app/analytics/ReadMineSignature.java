package org.reetrace.app.analytics;

import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.analytics.FingerprintMonitor;
import org.reetrace.core.analytics.MineSignature;
import org.reetrace.core.analytics.Outcome;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.Facility;
import org.springframework.http.HttpStatus;

/**
 * Reading a mine's fingerprint signature (its extractions' mean log-ratios up to the baseline) and how many later
 * lots were tested against it and did not match: for the regulator, customs, auditors and the mine's operator.
 */
@UseCase
public class ReadMineSignature {

    public record Signature(String mine, int historyLots, List<String> elements, int dimension, double[] meanLogRatios,
                            String baselineEnd, int testedLots, int mismatches, double falsePositiveRate) {
    }

    private final AnalyticsFeed feed;
    private final StoredRegistry registry;

    public ReadMineSignature(AnalyticsFeed feed, StoredRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    public Signature read(Caller caller, String id) {
        Facility mine = AnalyticsQuestions.readable(registry, caller, id);
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
                        throw AnalyticsQuestions.noData(HttpStatus.NOT_FOUND, reason, Map.of("mine", id));
            };
        });
    }
}
