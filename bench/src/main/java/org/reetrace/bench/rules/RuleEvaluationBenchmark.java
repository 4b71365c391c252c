package org.reetrace.bench.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.rules.Evaluation;
import org.reetrace.core.rules.LedgerFacts;
import org.reetrace.core.rules.RuleBook;
import org.reetrace.core.rules.RuleContext;
import org.reetrace.core.rules.RuleEngine;

/**
 * The rules at ingest: every event of a simulated year (Malaysia, no frauds, seed 1) judged by the four bundled packs
 * in force (Malaysia's applies to extractions, shipments, receipts, transformations and exports; China's and the
 * United States' to exports), against the scenario's registry (leases with quotas, forest reserves, permits,
 * disposal licences, technology, state links) and the books as they stood just before the event, as the ledger
 * writer asks: context built per event, then every pack. The books are frozen per event at setup (the lots the
 * rules read and the mine's extraction so far that year), so that only rule evaluation is timed. The figure that
 * matters: microseconds per event ({@code type=ALL}, the year's mix); the other {@code type}s time one kind each.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar RuleEvaluationBenchmark -f 1 -wi 6 -i 5 -w 2s -r 2s}: the CEL
 * interpreter takes about ten seconds to be compiled on a busy two-core machine, so warm up longer than the others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEvaluationBenchmark {

    /** ALL: the year's events in order; otherwise only the events of that type. */
    @Param({"ALL", "EXTRACT", "SHIP", "RECEIVE", "TRANSFORM", "EXPORT"})
    String type;

    /** An event and the books as the rules saw them before it. */
    private record Judged(LedgerEvent event, LedgerFacts before) {
    }

    private RuleBook book;
    private RegistrySnapshot registry;
    private List<Judged> judged;
    private int next;

    @Setup
    public void setUp() {
        SimulatedYear year = new SimulatedYear();
        book = RuleBook.withBundledPacks(RuleEngine.standard());
        registry = year.registry.snapshot(year.scenario);
        ZoneId quotaZone = RuleEngine.Settings.defaults().quotaZone();
        Ledger ledger = Ledger.empty(year.registry, Tolerance.DEFAULT);
        Map<FacilityId, Map<Integer, Long>> extracted = new HashMap<>();
        List<Judged> all = new ArrayList<>();
        for (LedgerEvent e : year.events) {
            Recording facts = new Recording(ledger, extracted);
            book.evaluate(RuleContext.forEvent(e, registry, facts));
            all.add(new Judged(e, facts.frozen()));
            if (ledger.apply(e) instanceof Verdict.Accepted && e instanceof Extract x) {
                extracted.computeIfAbsent(x.facility(), k -> new HashMap<>())
                        .merge(x.time().atZone(quotaZone).getYear(), x.mass().mg(), Long::sum);
            }
        }
        judged = type.equals("ALL") ? all : all.stream().filter(j -> j.event().type().name().equals(type)).toList();
        Map<String, Integer> mix = new TreeMap<>();
        all.forEach(j -> mix.merge(j.event().type().name(), 1, Integer::sum));
        System.out.println("RuleEvaluationBenchmark: " + all.size() + " events a year " + mix + ", timing "
                + judged.size());
    }

    /** One operation is one event: its context and every enabled pack. */
    @Benchmark
    public Evaluation event() {
        next = (next + 1) % judged.size();
        Judged j = judged.get(next);
        return book.evaluate(RuleContext.forEvent(j.event(), registry, j.before()));
    }

    /** The live books, remembering every answer they gave, to be replayed without them. */
    private static final class Recording implements LedgerFacts {
        private final Ledger ledger;
        private final Map<FacilityId, Map<Integer, Long>> extracted;
        private final Map<LotId, Lot> lots = new HashMap<>();
        private final Map<FacilityId, Map<Integer, Mass>> asked = new HashMap<>();

        Recording(Ledger ledger, Map<FacilityId, Map<Integer, Long>> extracted) {
            this.ledger = ledger;
            this.extracted = extracted;
        }

        @Override
        public Optional<Lot> lot(LotId id) {
            Optional<Lot> l = ledger.lot(id);
            l.ifPresent(x -> lots.put(id, x));
            return l;
        }

        @Override
        public Mass extractedInYear(FacilityId mine, int year) {
            Mass m = Mass.ofMilligrams(extracted.getOrDefault(mine, Map.of()).getOrDefault(year, 0L));
            asked.computeIfAbsent(mine, k -> new HashMap<>()).put(year, m);
            return m;
        }

        LedgerFacts frozen() {
            Map<LotId, Lot> l = Map.copyOf(lots);
            return LedgerFacts.of(id -> Optional.ofNullable(l.get(id)), Map.copyOf(asked));
        }
    }
}
