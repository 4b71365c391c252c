package org.reetrace.bench.composition;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reetrace.bench.SimulatedYear;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.lot.Lot;

/**
 * Composition arithmetic on 19 elements in milligrams: {@code plus}, {@code minus} after a cover check, and
 * {@code share} (a proportional part, rounded so that the parts add up). Workload: the compositions of 64 lots of a
 * simulated year (Malaysia, no frauds, seed 1), used in turn. The figure that matters: nanoseconds per operation.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar CompositionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CompositionBenchmark {

    private List<Composition> compositions;
    private int next;

    @Setup
    public void setUp() {
        compositions = new SimulatedYear().lotsByPedigreeSize(64).stream().map(Lot::composition).toList();
    }

    private Composition composition() {
        next = (next + 1) % compositions.size();
        return compositions.get(next);
    }

    @Benchmark
    public Composition plus() {
        return composition().plus(composition());
    }

    @Benchmark
    public Composition minusAfterCovers() {
        Composition a = composition();
        Composition b = a.share(2, 5);
        return a.covers(b) ? a.minus(b) : a;
    }

    @Benchmark
    public Composition share() {
        return composition().share(7, 13);
    }
}
