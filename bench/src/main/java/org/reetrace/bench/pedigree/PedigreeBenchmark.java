package org.reetrace.bench.pedigree;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reetrace.bench.SimulatedYear;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.Pedigree;

/**
 * Pedigree allocation, the arithmetic every shipment, split and transformation does: taking a third of a lot's
 * composition out of its pedigree ({@code allocate}) and adding two pedigrees ({@code plus}). Workload: the
 * {@code lots} lots with the most pedigree parts after a simulated year (Malaysia, no frauds, seed 1), used in turn.
 * The figure that matters: nanoseconds per allocation on the largest pedigrees.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar PedigreeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PedigreeBenchmark {

    @Param({"16"})
    int lots;

    private List<Lot> sample;
    private int next;

    @Setup
    public void setUp() {
        sample = new SimulatedYear().lotsByPedigreeSize(lots);
    }

    private Lot lot() {
        next = (next + 1) % sample.size();
        return sample.get(next);
    }

    @Benchmark
    public Pedigree allocateAThird() {
        Lot lot = lot();
        return lot.pedigree().allocate(lot.composition().share(1, 3));
    }

    @Benchmark
    public Pedigree plus() {
        Lot a = lot();
        Lot b = lot();
        return a.pedigree().plus(b.pedigree());
    }
}
