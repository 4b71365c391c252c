package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * Checks each extracted lot's assay against its mine's signature. The signature is learnt from the mine's own
 * lots up to and including {@code baselineEnd} (in practice: the regulator's reference sampling when the lease
 * was granted) and then frozen, so that laundered ore cannot drift it. Every later lot is tested at the stated
 * false-positive rate; a mine whose baseline is too short for a signature has its lots reported as untested.
 */
public final class FingerprintMonitor {

    private final YearMonth baselineEnd;
    private final double falsePositiveRate;
    private final Map<FacilityId, List<Composition>> baselines = new HashMap<>();
    private final Map<FacilityId, Outcome<MineSignature>> signatures = new HashMap<>();
    private final List<Tested> tested = new ArrayList<>();
    private final Map<FacilityId, Integer> untested = new LinkedHashMap<>();

    public FingerprintMonitor(YearMonth baselineEnd, double falsePositiveRate) {
        this.baselineEnd = Objects.requireNonNull(baselineEnd, "baseline end");
        if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("false-positive rate lies in (0, 1): " + falsePositiveRate);
        }
        this.falsePositiveRate = falsePositiveRate;
    }

    /** One lot tested: which, when, and the result. */
    public record Tested(EventId event, LotId lot, YearMonth month, FingerprintResult result) {
    }

    void accept(Extract e, YearMonth month) {
        if (!month.isAfter(baselineEnd)) {
            baselines.computeIfAbsent(e.facility(), f -> new ArrayList<>()).add(e.composition());
            return;
        }
        Outcome<MineSignature> sig = signatures.computeIfAbsent(e.facility(),
                f -> MineSignature.of(f, baselines.getOrDefault(f, List.of())));
        if (sig instanceof Outcome.Measured<MineSignature>(MineSignature s)) {
            tested.add(new Tested(e.id(), e.lot(), month, s.test(e.composition(), falsePositiveRate)));
        } else {
            untested.merge(e.facility(), 1, Integer::sum);
        }
    }

    public List<Tested> tested() {
        return List.copyOf(tested);
    }

    /** The signature of a mine, or why there is none. */
    public Outcome<MineSignature> signature(FacilityId mine) {
        Outcome<MineSignature> s = signatures.get(mine);
        return s != null ? s : MineSignature.of(mine, baselines.getOrDefault(mine, List.of()));
    }

    /** Mines whose lots could not be tested, with how many. */
    public Map<FacilityId, Integer> untested() {
        return Map.copyOf(untested);
    }

    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (Tested t : tested) {
            FingerprintResult r = t.result();
            if (!r.flagged()) {
                continue;
            }
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("Mahalanobis D^2", MufMonitor.fmt(r.distanceSquared()));
            figures.put("critical D^2", MufMonitor.fmt(r.criticalDistanceSquared()));
            figures.put("p-value", String.format(Locale.ROOT, "%.3g", r.pValue()));
            figures.put("false-positive rate", MufMonitor.fmt(falsePositiveRate));
            if (signature(r.mine()) instanceof Outcome.Measured<MineSignature>(MineSignature s)) {
                StringJoiner pattern = new StringJoiner(" ");
                double[] p = r.pattern();
                for (int i = 0; i < p.length; i++) {
                    pattern.add(s.elements().get(i).symbol() + "=" + String.format(Locale.ROOT, "%.4g", p[i]));
                }
                figures.put("chondrite-normalised pattern", pattern.toString());
                figures.put("signature lots", Integer.toString(s.historySize()));
            }
            out.add(new Alert(AlertKind.FINGERPRINT_MISMATCH, t.lot().value(), t.month(),
                    "lot " + t.lot() + " declared from " + r.mine() + " does not match the mine's signature: D^2 "
                            + MufMonitor.fmt(r.distanceSquared()) + " > " + MufMonitor.fmt(r.criticalDistanceSquared())
                            + " (p = " + String.format(Locale.ROOT, "%.3g", r.pValue()) + ")",
                    figures, List.of(t.event())));
        }
        return out;
    }
}
