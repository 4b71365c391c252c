package org.reetrace.bench.event;

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
import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.LedgerEvent;

/**
 * Event hashing in the ledger: the canonical form of an event ({@code of}) and its SHA-256 ({@code digest}), which the
 * writer computes for the content digest, the replay check and the hash chain. Workload: the events of a simulated year
 * (Malaysia, no frauds, seed 1) in turn. The figure that matters: microseconds per digest, times the number of digests
 * the writer takes per event.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar CanonicalFormBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CanonicalFormBenchmark {

    private List<LedgerEvent> events;
    private int next;

    @Setup
    public void setUp() {
        events = new SimulatedYear().events;
    }

    private LedgerEvent event() {
        next = (next + 1) % events.size();
        return events.get(next);
    }

    @Benchmark
    public String canonicalForm() {
        return CanonicalForm.of(event());
    }

    @Benchmark
    public String digest() {
        return CanonicalForm.digest(event());
    }
}
