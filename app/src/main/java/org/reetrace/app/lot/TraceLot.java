package org.reetrace.app.lot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Tracing a lot upstream (what went into it) or downstream (what it went into): the lots and the transformations
 * linking them, with the event that made each lot. Who may trace it is who may read the lot. An operator gets the
 * lots it holds, a count of the others ({@code withheldLots}), and each step either with its event (at one of its
 * facilities) or as a withheld marker; in both, the lots of other holders are counted ({@code withheldInputs},
 * {@code withheldOutputs}), never named.
 */
@UseCase
public class TraceLot {

    public static final int MAX_DEPTH = 1_000;

    /** The trace; {@code withheldLots} only for a caller who does not read everything. */
    public record LotTrace(String root, String direction, int depth, List<TracedLot> lots,
                           @JsonInclude(Include.NON_NULL) Integer withheldLots, List<TraceStep> steps) {
    }

    /** A lot of the trace and the event that created it (null if none is stored), or a withheld marker. */
    public record TracedLot(LotViews.LotView lot,
                            @Schema(oneOf = {LotQueries.EventSummary.class, Withheld.class}) Object createdBy) {
    }

    /** In place of an event at another operator's facility. */
    public record Withheld(boolean withheld) {
        static final Withheld WITHHELD = new Withheld(true);
    }

    /**
     * A transformation: its event, or {@code withheld}; its inputs and outputs the caller may see, and for a caller
     * who does not read everything, how many others there are.
     */
    public record TraceStep(@JsonInclude(Include.NON_NULL) LotQueries.EventSummary event,
                            @JsonInclude(Include.NON_NULL) Boolean withheld, List<String> inputs,
                            List<String> outputs, @JsonInclude(Include.NON_NULL) Integer withheldInputs,
                            @JsonInclude(Include.NON_NULL) Integer withheldOutputs) {
    }

    private final LotQueries queries;
    private final StoredRegistry registry;

    public TraceLot(LotQueries queries, StoredRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    /** {@code direction} upstream or downstream, to {@code depth} steps (1 to {@link #MAX_DEPTH}). */
    public LotTrace trace(Caller caller, String id, String direction, int depth) {
        if (!direction.equals("upstream") && !direction.equals("downstream")) {
            throw badParameter("direction", "must be upstream or downstream, not " + direction);
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw badParameter("depth", "must be between 1 and " + MAX_DEPTH + ", not " + depth);
        }
        ReadLot.readable(queries, caller, id);
        Disclosure disclosure = new Disclosure(caller, registry);
        LotQueries.Trace trace = queries.trace(id, direction.equals("upstream"), depth);
        List<TracedLot> lots = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        int withheld = 0;
        for (LotQueries.StoredLot l : trace.lots()) {
            if (disclosure.lot(l.lot())) {
                shown.add(l.lot().id().value());
                LotQueries.EventSummary creator = trace.creators().get(l.createdSeq());
                lots.add(new TracedLot(LotViews.lot(l), creator == null || disclosure.facility(creator.facility())
                        ? creator : Withheld.WITHHELD));
            } else {
                withheld++;
            }
        }
        if (disclosure.all()) {
            return new LotTrace(id, direction, depth, lots, null, trace.steps().stream()
                    .map(s -> new TraceStep(s.event(), null, s.inputs(), s.outputs(), null, null)).toList());
        }
        List<TraceStep> steps = new ArrayList<>();
        for (LotQueries.Step step : trace.steps()) {
            boolean own = disclosure.facility(step.event().facility());
            List<String> inputs = step.inputs().stream().filter(shown::contains).toList();
            List<String> outputs = step.outputs().stream().filter(shown::contains).toList();
            steps.add(new TraceStep(own ? step.event() : null, own ? null : true, inputs, outputs,
                    step.inputs().size() - inputs.size(), step.outputs().size() - outputs.size()));
        }
        return new LotTrace(id, direction, depth, lots, withheld, steps);
    }

    /** The whole trace, every lot and event named, for whoever holds the database (the command line). */
    public LotQueries.Trace traceAsSystem(String id, boolean upstream, int depth) {
        return queries.trace(id, upstream, depth);
    }

    private static ProblemException badParameter(String name, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid query parameter",
                name + " " + reason, Map.of("errors", List.of(Map.of("field", name, "reason", reason))));
    }
}
