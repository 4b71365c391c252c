package org.reetrace.app.lot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lots, their pedigree and trace, and facility stocks. The regulator, customs and auditors read every lot; an
 * operator reads the lots it holds, and in a trace sees only that other holders' lots exist.
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
        return LotViews.pedigree(readable(caller, id).lot());
    }

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
        LotQueries.Trace trace = queries.trace(id, direction.equals("upstream"), depth);
        List<Object> lots = new ArrayList<>();
        for (LotQueries.StoredLot l : trace.lots()) {
            Lot lot = l.lot();
            if (caller.readsAll() || caller.actsFor(lot.holder().value())) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("lot", LotViews.lot(l));
                node.put("createdBy", trace.creators().get(l.createdSeq()));
                lots.add(node);
            } else {
                lots.add(Map.of("lot", new LotViews.WithheldLot(lot.id().value(), lot.form().name(),
                        lot.status().name(), true)));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("root", id);
        result.put("direction", direction);
        result.put("depth", depth);
        result.put("lots", lots);
        result.put("steps", trace.steps());
        return result;
    }

    @GetMapping("/api/facilities/{id}/stock")
    public Map<String, Object> stock(Caller caller, @PathVariable String id) {
        Facility facility = registry.facility(FacilityId.of(id)).orElseThrow(() -> ProblemException.notFound("facility", id));
        caller.requireReader(facility.operator().value());
        LotQueries.Stock stock = queries.stock(id);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("facility", id);
        result.put("asOfSequence", stock.updatedSeq());
        result.put("compositionMg", LotViews.mg(stock.composition()));
        result.put("elementsKg", Mass.ofMilligrams(stock.composition().totalMg()).kilograms());
        result.put("activeLots", stock.activeLots().stream().map(l -> Map.of("id", l.id().value(),
                "form", l.form().name(), "massKg", l.mass().kilograms())).toList());
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
