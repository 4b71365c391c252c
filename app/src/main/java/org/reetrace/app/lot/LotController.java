package org.reetrace.app.lot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lots, their pedigree and trace, and facility stocks. The regulator, customs and auditors read every lot; an
 * operator reads the lots it holds, and in a trace, pedigree or stock sees only that other holders' lots exist
 * ({@link Disclosure}).
 */
@RestController
public class LotController {

    private static final int MAX_DEPTH = 1_000;

    private final LotQueries queries;
    private final StoredRegistry registry;

    public LotController(LotQueries queries, StoredRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    @GetMapping("/api/lots/{id}")
    public LotViews.LotView lot(Caller caller, @PathVariable String id) {
        LotQueries.StoredLot stored = readable(caller, id);
        return LotViews.lot(stored);
    }

    @GetMapping("/api/lots/{id}/pedigree")
    public LotViews.PedigreeView pedigree(Caller caller, @PathVariable String id) {
        Disclosure disclosure = new Disclosure(caller, registry);
        // the countries of every path are the pedigree summary an operator gets; a mine is named only if it is its own,
        // a supplier abroad never (the import may be another operator's record)
        return LotViews.pedigree(readable(caller, id).lot(), origin -> disclosure.all()
                || origin.kind() == Origin.Kind.MINE && disclosure.facility(origin.source()));
    }

    /**
     * The trace as the caller may see it. An operator gets the lots it holds, a count of the others
     * ({@code withheldLots}), and each step either with its event (at one of its facilities) or as a withheld marker;
     * in both, the lots of other holders are counted ({@code withheldInputs}, {@code withheldOutputs}), never named.
     */
    @GetMapping("/api/lots/{id}/trace")
    public Map<String, Object> trace(Caller caller, @PathVariable String id,
                                     @RequestParam(defaultValue = "upstream") String direction,
                                     @RequestParam(defaultValue = "1000") int depth) {
        if (!direction.equals("upstream") && !direction.equals("downstream")) {
            throw badParameter("direction", "must be upstream or downstream, not " + direction);
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw badParameter("depth", "must be between 1 and " + MAX_DEPTH + ", not " + depth);
        }
        readable(caller, id);
        Disclosure disclosure = new Disclosure(caller, registry);
        LotQueries.Trace trace = queries.trace(id, direction.equals("upstream"), depth);
        List<Object> lots = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        int withheld = 0;
        for (LotQueries.StoredLot l : trace.lots()) {
            if (disclosure.lot(l.lot())) {
                shown.add(l.lot().id().value());
                LotQueries.EventSummary creator = trace.creators().get(l.createdSeq());
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("lot", LotViews.lot(l));
                node.put("createdBy", creator == null || disclosure.facility(creator.facility()) ? creator
                        : Map.of("withheld", true));
                lots.add(node);
            } else {
                withheld++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("root", id);
        result.put("direction", direction);
        result.put("depth", depth);
        result.put("lots", lots);
        if (disclosure.all()) {
            result.put("steps", trace.steps());
            return result;
        }
        result.put("withheldLots", withheld);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (LotQueries.Step step : trace.steps()) {
            Map<String, Object> view = new LinkedHashMap<>();
            if (disclosure.facility(step.event().facility())) {
                view.put("event", step.event());
            } else {
                view.put("withheld", true);
            }
            List<String> inputs = step.inputs().stream().filter(shown::contains).toList();
            List<String> outputs = step.outputs().stream().filter(shown::contains).toList();
            view.put("inputs", inputs);
            view.put("outputs", outputs);
            view.put("withheldInputs", step.inputs().size() - inputs.size());
            view.put("withheldOutputs", step.outputs().size() - outputs.size());
            steps.add(view);
        }
        result.put("steps", steps);
        return result;
    }

    /** A facility's stock; of lots there that others hold, an operator learns only how many there are. */
    @GetMapping("/api/facilities/{id}/stock")
    public Map<String, Object> stock(Caller caller, @PathVariable String id) {
        Facility facility = registry.facility(FacilityId.of(id)).orElseThrow(() -> ProblemException.notFound("facility", id));
        caller.requireReader(facility.operator().value());
        LotQueries.Stock stock = queries.stock(id);
        List<LotQueries.StockLot> shown = stock.activeLots().stream()
                .filter(l -> caller.readsAll() || caller.actsFor(l.holder().value())).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("facility", id);
        result.put("asOfSequence", stock.updatedSeq());
        result.put("compositionMg", LotViews.mg(stock.composition()));
        result.put("elementsKg", Mass.ofMilligrams(stock.composition().totalMg()).kilograms());
        result.put("activeLots", shown.stream().map(l -> Map.of("id", l.id().value(),
                "form", l.form().name(), "massKg", l.mass().kilograms())).toList());
        if (!caller.readsAll()) {
            result.put("withheldLots", stock.activeLots().size() - shown.size());
        }
        return result;
    }

    private LotQueries.StoredLot readable(Caller caller, String id) {
        LotQueries.StoredLot stored = queries.lot(id).orElseThrow(() -> ProblemException.notFound("lot", id));
        caller.requireReader(stored.lot().holder().value());
        return stored;
    }

    private static ProblemException badParameter(String name, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid query parameter",
                name + " " + reason, Map.of("errors", List.of(Map.of("field", name, "reason", reason))));
    }
}
