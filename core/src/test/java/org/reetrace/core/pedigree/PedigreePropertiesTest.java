package org.reetrace.core.pedigree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.CountryCode;

class PedigreePropertiesTest {

    private static final List<CountryCode> COUNTRIES = List.of(CountryCode.of("MY"), CountryCode.of("CN"),
            CountryCode.of("AU"), CountryCode.of("US"));

    @Provide
    Arbitrary<PedigreeKey> keys() {
        Arbitrary<Origin> origin = Combinators.combine(Arbitraries.of(Origin.Kind.class),
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(2), Arbitraries.of(COUNTRIES))
                .as(Origin::new);
        Arbitrary<Stage> stage = Combinators.combine(Arbitraries.of(StageKind.class), Arbitraries.of(COUNTRIES),
                Arbitraries.of(COUNTRIES)).as(Stage::new);
        return Combinators.combine(origin, stage.list().ofMaxSize(3)).as(PedigreeKey::new);
    }

    @Provide
    Arbitrary<Composition> compositions() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 5), Arbitraries.longs().between(0, 1_000_000_000L))
                .array(long[].class).ofSize(Element.count()).map(Composition::ofArray);
    }

    @Provide
    Arbitrary<Pedigree> pedigrees() {
        return Combinators.combine(keys(), compositions()).as(Map::entry).list().ofMinSize(1).ofMaxSize(8)
                .map(entries -> {
                    Map<PedigreeKey, Composition> m = new HashMap<>();
                    entries.forEach(e -> m.merge(e.getKey(), e.getValue(), Composition::plus));
                    return Pedigree.of(m);
                });
    }

    /** Some part of {@code c}: each element a fraction given by the seeds. */
    private static Composition partOf(Composition c, long seed) {
        long[] mg = c.toArray();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < mg.length; i++) {
            mg[i] = mg[i] == 0 ? 0 : r.nextLong(mg[i] + 1);
        }
        return Composition.ofArray(mg);
    }

    @Property(tries = 300)
    void aPortionAndWhatRemainsAddUpExactlyToThePedigree(@ForAll("pedigrees") Pedigree p, @ForAll long seed) {
        Composition take = partOf(p.total(), seed);
        Pedigree portion = p.portion(take);
        assertThat(portion.total()).isEqualTo(take);
        Pedigree rest = p.minus(portion);
        assertThat(rest.total()).isEqualTo(p.total().minus(take));
        assertThat(rest.plus(portion)).isEqualTo(p);
        portion.parts().forEach((k, c) -> assertThat(p.parts().get(k).covers(c)).as("path %s", k).isTrue());
    }

    @Property(tries = 300)
    void anAllocationHoldsExactlyItsTargetOverThePoolsPaths(@ForAll("pedigrees") Pedigree p,
                                                          @ForAll("compositions") Composition target) {
        if (p.isEmpty()) {
            return;
        }
        Pedigree allocated = p.allocate(target);
        assertThat(allocated.total()).isEqualTo(target);
        assertThat(p.parts().keySet()).containsAll(allocated.parts().keySet());
    }

    @Property(tries = 200)
    void eachPathGetsItsProportionalShareOfAnElementToWithinAMilligram(@ForAll("pedigrees") Pedigree p,
                                                                       @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long want,
                                                                       @ForAll Element element) {
        long have = p.total().get(element);
        if (have == 0) {
            return;
        }
        Pedigree allocated = p.allocate(Composition.of(element, want));
        p.parts().forEach((k, c) -> {
            long got = allocated.parts().getOrDefault(k, Composition.ZERO).get(element);
            double exact = (double) want * c.get(element) / have;
            assertThat(Math.abs(got - exact)).as("path %s", k).isLessThan(1.0 + 1e-6 * exact);
        });
    }

    @Property(tries = 200)
    void aStageAddedToEveryPathKeepsTheTotal(@ForAll("pedigrees") Pedigree p, @ForAll StageKind kind) {
        Pedigree after = p.then(new Stage(kind, COUNTRIES.get(0), COUNTRIES.get(1)));
        assertThat(after.total()).isEqualTo(p.total());
        assertThat(after.parts().keySet()).allMatch(k -> k.passed(kind));
    }

    @Property(tries = 200)
    void groupingByCountryKeepsTheTotal(@ForAll("pedigrees") Pedigree p) {
        Composition byOrigin = Composition.ZERO;
        for (Composition c : p.byOriginCountry().values()) {
            byOrigin = byOrigin.plus(c);
        }
        assertThat(byOrigin).isEqualTo(p.total());
        List<Composition> stagesMining = new ArrayList<>(p.byStageCountry(StageKind.MINING).values());
        Composition mined = stagesMining.stream().reduce(Composition.ZERO, Composition::plus);
        assertThat(p.total().covers(mined)).isTrue();
    }
}
