package org.reetrace.core.pedigree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Proportion;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.CountryCode;

/**
 * The provenance of a lot: for each path material took ({@link PedigreeKey}), the element masses that came that
 * way. The parts add up exactly to the lot's composition. Transformations use the ISO 22095 mass balance model,
 * proportional method: inputs are pooled and each output receives, element by element, each path in proportion
 * to that path's share of the element in the pool. Rounding uses the largest remainder, so sums stay exact and
 * every provenance question is a look-up rather than a walk through the lineage graph.
 */
public final class Pedigree {

    public static final Pedigree EMPTY = new Pedigree(new TreeMap<>());

    private final TreeMap<PedigreeKey, Composition> parts;

    private Pedigree(TreeMap<PedigreeKey, Composition> parts) {
        this.parts = parts;
    }

    public static Pedigree of(PedigreeKey key, Composition composition) {
        TreeMap<PedigreeKey, Composition> m = new TreeMap<>();
        if (!composition.isZero()) {
            m.put(key, composition);
        }
        return new Pedigree(m);
    }

    /**
     * The pedigree of a lot a mine extracts: all of it from that mine, mined where the mine is. The one definition
     * the ledger books and the rules judge.
     */
    public static Pedigree extracted(String mine, CountryCode country, Composition composition) {
        return of(new PedigreeKey(Origin.mine(mine, country), List.of(new Stage(StageKind.MINING, country, country))),
                composition);
    }

    /**
     * The pedigree of an imported lot: from its supplier in its origin country, mined there unless the declared
     * upstream stages say otherwise, then through those stages. The one definition the ledger books and the rules
     * judge.
     */
    public static Pedigree imported(String supplier, CountryCode origin, List<Stage> upstream,
                                    Composition composition) {
        PedigreeKey key = new PedigreeKey(Origin.imported(supplier, origin), List.of());
        if (upstream.stream().noneMatch(s -> s.kind() == StageKind.MINING)) {
            key = key.then(new Stage(StageKind.MINING, origin, origin));
        }
        for (Stage s : upstream) {
            key = key.then(s);
        }
        return of(key, composition);
    }

    public static Pedigree of(Map<PedigreeKey, Composition> parts) {
        TreeMap<PedigreeKey, Composition> m = new TreeMap<>();
        parts.forEach((k, c) -> {
            Objects.requireNonNull(k, "pedigree key");
            if (!c.isZero()) {
                m.merge(k, c, Composition::plus);
            }
        });
        return new Pedigree(m);
    }

    /** The element masses of all paths together: what the lot's composition must be. */
    public Composition total() {
        Composition t = Composition.ZERO;
        for (Composition c : parts.values()) {
            t = t.plus(c);
        }
        return t;
    }

    public Map<PedigreeKey, Composition> parts() {
        return Collections.unmodifiableMap(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * The paths that go with {@code take}, a part of this pedigree's element masses: each element is divided over
     * the paths in proportion to what each path holds of it.
     */
    public Pedigree portion(Composition take) {
        Composition have = total();
        if (!have.covers(take)) {
            throw new IllegalArgumentException("cannot take " + take + " from a pedigree holding " + have);
        }
        return distribute(take, false);
    }

    /**
     * This pedigree's paths re-scaled so that they hold exactly {@code target}: the proportional method's step
     * from a pool of inputs to one output. An element the pool does not hold at all is given to the paths in
     * proportion to their total mass.
     */
    public Pedigree allocate(Composition target) {
        if (!target.isZero() && parts.isEmpty()) {
            throw new IllegalArgumentException("a pedigree with no paths cannot supply " + target);
        }
        return distribute(target, true);
    }

    private Pedigree distribute(Composition target, boolean byTotalWhenAbsent) {
        PedigreeKey[] keys = parts.keySet().toArray(PedigreeKey[]::new);
        Composition[] comps = parts.values().toArray(Composition[]::new);
        long[][] out = new long[keys.length][Element.count()];
        long[] weights = new long[keys.length];
        long[] totals = null;
        for (int e = 0; e < Element.count(); e++) {
            Element element = Element.byIndex(e);
            long want = target.get(element);
            if (want == 0) {
                continue;
            }
            long sum = 0;
            for (int k = 0; k < keys.length; k++) {
                weights[k] = comps[k].get(element);
                sum += weights[k];
            }
            if (sum == 0 && byTotalWhenAbsent) {
                if (totals == null) {
                    totals = new long[keys.length];
                    for (int k = 0; k < keys.length; k++) {
                        totals[k] = comps[k].totalMg();
                    }
                }
                System.arraycopy(totals, 0, weights, 0, keys.length);
            }
            long[] split = Proportion.divide(want, weights);
            for (int k = 0; k < keys.length; k++) {
                out[k][e] = split[k];
            }
        }
        TreeMap<PedigreeKey, Composition> m = new TreeMap<>();
        for (int k = 0; k < keys.length; k++) {
            Composition c = Composition.ofArray(out[k]);
            if (!c.isZero()) {
                m.put(keys[k], c);
            }
        }
        return new Pedigree(m);
    }

    public Pedigree plus(Pedigree other) {
        TreeMap<PedigreeKey, Composition> m = new TreeMap<>(parts);
        other.parts.forEach((k, c) -> m.merge(k, c, Composition::plus));
        return new Pedigree(m);
    }

    /** Path by path difference; {@code other} must be a portion of this pedigree. */
    public Pedigree minus(Pedigree other) {
        TreeMap<PedigreeKey, Composition> m = new TreeMap<>(parts);
        other.parts.forEach((k, c) -> {
            Composition have = m.get(k);
            if (have == null) {
                throw new IllegalArgumentException("pedigree has no path " + k);
            }
            Composition left = have.minus(c);
            if (left.isZero()) {
                m.remove(k);
            } else {
                m.put(k, left);
            }
        });
        return new Pedigree(m);
    }

    /** Every path extended by a processing stage. */
    public Pedigree then(Stage stage) {
        TreeMap<PedigreeKey, Composition> m = new TreeMap<>();
        parts.forEach((k, c) -> m.merge(k.then(stage), c, Composition::plus));
        return new Pedigree(m);
    }

    /** Element masses by the country material was mined in (or imported from). */
    public Map<CountryCode, Composition> byOriginCountry() {
        return group(k -> k.origin().country());
    }

    /** Element masses by the country where a stage took place; material that never passed it is left out. */
    public Map<CountryCode, Composition> byStageCountry(StageKind kind) {
        return group(k -> k.stages().stream().filter(s -> s.kind() == kind).reduce((a, b) -> b)
                .map(Stage::country).orElse(null));
    }

    private <K> Map<K, Composition> group(Function<PedigreeKey, K> by) {
        Map<K, Composition> m = new LinkedHashMap<>();
        parts.forEach((k, c) -> {
            K g = by.apply(k);
            if (g != null) {
                m.merge(g, c, Composition::plus);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pedigree p && parts.equals(p.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return parts.toString();
    }
}
