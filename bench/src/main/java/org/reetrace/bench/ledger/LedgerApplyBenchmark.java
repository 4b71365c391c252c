package org.reetrace.bench.ledger;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.reetrace.bench.SimulatedYear;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;

/**
 * The ledger engine in memory, without PostgreSQL or rules: a simulated year (Malaysia, no frauds, seed 1, about 3,000
 * events) applied event by event to an empty ledger, which validates each event, moves masses and pedigrees and chains
 * the hash. The figure that matters: milliseconds per year divided by the year's event count (printed at setup): the
 * time per event whose inverse is the ceiling the ledger writer's own thread puts on ingest before rules and SQL.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar LedgerApplyBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LedgerApplyBenchmark {

    private SimulatedYear year;
    private List<LedgerEvent> events;

    @Setup
    public void setUp() {
        year = new SimulatedYear();
        events = year.events;
        System.out.println("LedgerApplyBenchmark: " + events.size() + " events a year");
    }

    /** One operation is the whole year into a fresh ledger. */
    @Benchmark
    public void year(Blackhole bh) {
        Ledger ledger = Ledger.empty(year.registry, Tolerance.DEFAULT);
        for (LedgerEvent e : events) {
            bh.consume(ledger.apply(e));
        }
    }
}
