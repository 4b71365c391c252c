package org.reetrace.bench.endtoend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * A simulated stream cut into capture documents as its operators would send them. A document holds up to
 * {@code size} events of one operator, in stream order (the capture interface refuses events at another operator's
 * facility), and names the documents it must follow: those that hold the previous event on any of its lots, so
 * that a receipt is sent after the document with its shipment and a transformation after those with its inputs.
 * Sent in the order given, one after another, the ledger sees every lot's events in the order they happened.
 */
final class CaptureWorkload {

    /** The events of document {@code number} (numbered in the order they were opened), sent by {@code operator}. */
    record Document(int number, String operator, List<LedgerEvent> events, Set<Integer> after) {
        Document {
            events = List.copyOf(events);
            after = Set.copyOf(after);
        }
    }

    private CaptureWorkload() {
    }

    /** The documents, each after those it follows (and otherwise in the order they were opened). */
    static List<Document> documents(List<LedgerEvent> stream, Function<FacilityId, String> operatorOf, int size) {
        record Open(String operator, List<LedgerEvent> events, Set<Integer> after) {
        }
        List<Open> open = new ArrayList<>();
        Map<String, Integer> current = new HashMap<>();
        Map<LotId, Integer> lastOnLot = new HashMap<>();
        Map<EventId, List<LotId>> lotsOf = new HashMap<>();
        for (LedgerEvent e : stream) {
            String operator = operatorOf.apply(e.facility());
            Integer n = current.get(operator);
            if (n == null || open.get(n).events().size() == size) {
                n = open.size();
                open.add(new Open(operator, new ArrayList<>(), new LinkedHashSet<>()));
                current.put(operator, n);
            }
            Open d = open.get(n);
            List<LotId> lots = lots(e, lotsOf);
            lotsOf.put(e.id(), lots);
            for (LotId lot : lots) {
                Integer before = lastOnLot.put(lot, n);
                if (before != null && before != n.intValue()) {
                    d.after().add(before);
                }
            }
            d.events().add(e);
        }
        List<Document> documents = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            documents.add(new Document(i, open.get(i).operator(), open.get(i).events(), open.get(i).after()));
        }
        return inOrder(documents);
    }

    /**
     * An order to send documents in: each after those it follows, the earliest opened first among those ready. (A
     * document opened early may hold a later receipt than one opened after it, so the order of opening is not one.)
     */
    static List<Document> inOrder(List<Document> documents) {
        List<Document> ordered = new ArrayList<>(documents.size());
        boolean[] sent = new boolean[documents.size()];
        List<Document> waiting = new ArrayList<>(documents);
        while (!waiting.isEmpty()) {
            Document ready = waiting.stream().filter(d -> d.after().stream().allMatch(n -> sent[n])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("documents " + waiting.stream()
                            .map(d -> d.number() + " after " + d.after()).toList() + " wait on each other"));
            waiting.remove(ready);
            sent[ready.number()] = true;
            ordered.add(ready);
        }
        return ordered;
    }

    /** The lots an event acts on; a reversal acts on those of the event it reverses, which must come first. */
    private static List<LotId> lots(LedgerEvent e, Map<EventId, List<LotId>> earlier) {
        return switch (e) {
            case Extract x -> List.of(x.lot());
            case Assay x -> List.of(x.lot());
            case Ship x -> List.of(x.lot());
            case Receive x -> List.of(x.lot());
            case Transform x -> {
                List<LotId> lots = new ArrayList<>();
                x.inputs().forEach(i -> lots.add(i.lot()));
                x.outputs().forEach(o -> lots.add(o.lot()));
                yield lots;
            }
            case Export x -> List.of(x.lot());
            case Import x -> List.of(x.lot());
            case Dispose x -> List.of(x.lot());
            case Adjust x -> List.of(x.lot());
            case Reverse x -> earlier.getOrDefault(x.original(), List.of());
        };
    }
}
