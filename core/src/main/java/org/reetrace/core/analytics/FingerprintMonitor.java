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
 *
 * <p>Each tested lot is also asked whether it is better explained as a blend of its mine's ore with another known
 * deposit's (every other mine with a signature; {@link BlendTest}), at {@code blendFalsePositiveRate} per lot over
 * all candidates together (Bonferroni): a look-alike deposit's ore passes the pattern check but moves the lot
 * along the blend line, which this test looks along. Its signatures extend the pattern by thorium and uranium
 * where every baseline lot has them.
 */
public final class FingerprintMonitor {

    private final YearMonth baselineEnd;
    private final double falsePositiveRate;
    private final Map<FacilityId, List<Composition>> baselines = new HashMap<>();
    private final Map<FacilityId, Outcome<MineSignature>> signatures = new HashMap<>();
    private final List<Tested> tested = new ArrayList<>();
    private final Map<FacilityId, Integer> untested = new LinkedHashMap<>();
    private final double blendFalsePositiveRate;
    private final List<Blended> blended = new ArrayList<>();
    /** The signatures the blend test uses: the pattern extended by thorium and uranium where the baseline has them. */
    private final Map<FacilityId, Outcome<MineSignature>> blendSignatures = new HashMap<>();

    public FingerprintMonitor(YearMonth baselineEnd, double falsePositiveRate) {
        this(baselineEnd, falsePositiveRate, OriginSettings.DEFAULT.blendFalsePositiveRate());
    }

    public FingerprintMonitor(YearMonth baselineEnd, double falsePositiveRate, double blendFalsePositiveRate) {
        this.baselineEnd = Objects.requireNonNull(baselineEnd, "baseline end");
        if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("false-positive rate lies in (0, 1): " + falsePositiveRate);
        }
        this.falsePositiveRate = falsePositiveRate;
        if (!(blendFalsePositiveRate > 0 && blendFalsePositiveRate < 0.5)) {
            throw new IllegalArgumentException("blend false-positive rate lies in (0, 1/2): " + blendFalsePositiveRate);
        }
        this.blendFalsePositiveRate = blendFalsePositiveRate;
    }

    /** One lot asked whether it is a blend: the best-explaining other deposit, and the lot's features. */
    public record Blended(EventId event, LotId lot, YearMonth month, BlendTest.Result result,
                          RareEarthFeatures features) {
    }

    /** A pair of deposits and the smallest fraction of the second in the first's ore that one lot shows. */
    public record Detectability(FacilityId declared, FacilityId admixed, java.util.OptionalDouble fraction) {
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
            List<MineSignature> others = knownDeposits();
            MineSignature own = others.stream().filter(k -> k.mine().equals(e.facility())).findFirst().orElse(s);
            if (others.size() > 1) {
                BlendTest.test(own, others, e.composition(), blendFalsePositiveRate / (others.size() - 1))
                        .ifPresent(r -> blended.add(new Blended(e.id(), e.lot(), month, r,
                                RareEarthFeatures.of(e.composition()))));
            }
        } else {
            untested.merge(e.facility(), 1, Integer::sum);
        }
    }

    /**
     * The signatures of every mine with a baseline long enough for one: the known deposits a lot can be a blend
     * of. Asked only after the baseline has ended, when no baseline grows any more.
     */
    private List<MineSignature> knownDeposits() {
        List<MineSignature> out = new ArrayList<>();
        for (FacilityId mine : baselines.keySet().stream().sorted().toList()) {
            if (blendSignatures.computeIfAbsent(mine, f -> MineSignature.of(f, baselines.get(f), true))
                    instanceof Outcome.Measured<MineSignature>(MineSignature s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The lots asked whether they are blends, in the order booked. */
    public List<Blended> blended() {
        return List.copyOf(blended);
    }

    /**
     * For every ordered pair of known deposits, the smallest fraction of the second's rare earths in the first's
     * ore that one lot shows with probability {@code power} at false-positive rate {@code alpha}
     * ({@link BlendTest#detectableFraction}); empty when the baseline has not ended.
     */
    public List<Detectability> detectability(YearMonth booksMonth, double alpha, double power) {
        if (!booksMonth.isAfter(baselineEnd)) {
            return List.of();
        }
        List<MineSignature> known = knownDeposits();
        List<Detectability> out = new ArrayList<>();
        for (MineSignature a : known) {
            for (MineSignature b : known) {
                if (!a.mine().equals(b.mine())) {
                    out.add(new Detectability(a.mine(), b.mine(), BlendTest.detectableFraction(a, b, alpha, power)));
                }
            }
        }
        return out;
    }

    /** The blend test's false-positive rate per lot, over all candidate deposits together. */
    public double blendFalsePositiveRate() {
        return blendFalsePositiveRate;
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
        for (Blended b : blended) {
            BlendTest.Result r = b.result();
            if (!r.flagged()) {
                continue;
            }
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("declared mine", r.declared().value());
            figures.put("admixed deposit", r.admixed().value());
            figures.put("estimated fraction", String.format(Locale.ROOT, "%.3f", r.fraction()));
            figures.put("statistic", String.format(Locale.ROOT, "%.3g", r.statistic()));
            figures.put("critical statistic", String.format(Locale.ROOT, "%.3g", r.critical()));
            figures.put("false-positive rate", String.format(Locale.ROOT, "%.3g", blendFalsePositiveRate));
            RareEarthFeatures f = b.features();
            f.ceriumAnomaly().ifPresent(v -> figures.put("Ce/Ce*", String.format(Locale.ROOT, "%.3f", v)));
            f.europiumAnomaly().ifPresent(v -> figures.put("Eu/Eu*", String.format(Locale.ROOT, "%.3f", v)));
            f.thoriumToUranium().ifPresent(v -> figures.put("Th/U", String.format(Locale.ROOT, "%.3g", v)));
            f.lightToHeavy().ifPresent(v -> figures.put("light/heavy", String.format(Locale.ROOT, "%.3g", v)));
            out.add(new Alert(AlertKind.BLENDED_ORE, b.lot().value(), b.month(),
                    "lot " + b.lot() + " declared from " + r.declared() + " is best explained as a blend with "
                            + String.format(Locale.ROOT, "%.0f", 100 * r.fraction()) + " % of its rare earths from "
                            + r.admixed() + "'s ore (statistic " + String.format(Locale.ROOT, "%.3g", r.statistic())
                            + " > " + String.format(Locale.ROOT, "%.3g", r.critical()) + ")",
                    figures, List.of(b.event())));
        }
        return out;
    }
}
