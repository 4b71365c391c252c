package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.lot.ReadLot;
import org.reetrace.app.lot.TraceLot;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.CountryCode;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints where a lot came from (or went), lot by lot, and the origin of its elements. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Traces a lot upstream to the mines and imports it came from (or downstream with"
                + " --downstream) and prints the origin of its elements by country.")
final class TraceCommand extends ReadingCommand {

    @Parameters(paramLabel = "LOT", description = "The lot id, e.g. MAG-2026-0001.")
    String lot;

    @Option(names = "--downstream", description = "Follow the lot into what it became instead of where it came from.")
    boolean downstream;

    @Option(names = "--depth", defaultValue = "1000", description = "How many steps to follow (default: ${DEFAULT-VALUE}).")
    int depth;

    @Override
    protected void checkArguments() {
        if (depth < 1 || depth > 1000) {
            throw new CommandFailure("--depth must be between 1 and 1000, was " + depth);
        }
    }

    @Override
    protected int runRemotely(ServerClient server) {
        return RemoteReads.trace(this, server);
    }

    @Override
    protected int run(ApplicationContext context) {
        LotQueries.StoredLot root = context.getBean(ReadLot.class).readAsSystem(lot)
                .orElseThrow(() -> new CommandFailure("no lot " + lot + " in the ledger"));
        LotQueries.Trace trace = context.getBean(TraceLot.class).traceAsSystem(lot, !downstream, depth);
        PrintWriter out = out();
        out.printf("%s trace of %s: %d lots, %d transformations%n", downstream ? "downstream" : "upstream", lot,
                trace.lots().size(), trace.steps().size());
        Map<String, List<String>> next = new HashMap<>();
        for (LotQueries.Step step : trace.steps()) {
            for (String from : downstream ? step.inputs() : step.outputs()) {
                next.computeIfAbsent(from, k -> new ArrayList<>()).addAll(downstream ? step.outputs() : step.inputs());
            }
        }
        Map<String, LotQueries.StoredLot> lots = new HashMap<>();
        trace.lots().forEach(x -> lots.put(x.lot().id().value(), x));
        print(out, lot, lots, trace, next, "", new HashSet<>());
        out.println();
        out.println("origin of the elements in " + lot + ":");
        Lot l = root.lot();
        Map<CountryCode, Composition> byCountry = l.pedigree().byOriginCountry();
        for (Element e : Element.values()) {
            long total = l.composition().get(e);
            if (total == 0) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("  %-2s %14s kg", e.symbol(), Mass.ofMilligrams(total).kilograms().toPlainString()));
            byCountry.forEach((country, c) -> {
                if (c.get(e) > 0) {
                    line.append(String.format("  %s %.2f %%", country, 100.0 * c.get(e) / total));
                }
            });
            out.println(line);
        }
        return Commands.OK;
    }

    /** One lot per line, what it came from (or went into) indented below it; a lot met again is not expanded twice. */
    private void print(PrintWriter out, String id, Map<String, LotQueries.StoredLot> lots, LotQueries.Trace trace,
                       Map<String, List<String>> next, String indent, Set<String> shown) {
        LotQueries.StoredLot stored = lots.get(id);
        Lot lot = stored.lot();
        LotQueries.EventSummary created = trace.creators().get(stored.createdSeq());
        out.printf("%s%s  %s %s kg at %s (%s)  made by %s %s%n", indent, id, lot.form(),
                lot.mass().kilograms().toPlainString(), lot.facility(), lot.status(),
                created == null ? "?" : created.type(), created == null ? "" : created.id());
        if (!shown.add(id)) {
            return;
        }
        for (String other : next.getOrDefault(id, List.of())) {
            print(out, other, lots, trace, next, indent + "  ", shown);
        }
    }
}
