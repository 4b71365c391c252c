package org.reetrace.app.lot;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lots, their pedigree and trace, and facility stocks. The regulator, customs and auditors read every lot; an
 * operator reads the lots it holds, and in a trace, pedigree or stock sees only that other holders' lots exist.
 */
@RestController
public class LotController {

    private final ReadLot readLot;
    private final ReadPedigree readPedigree;
    private final TraceLot traceLot;
    private final ReadStock readStock;
    private final SummariseTrace summariseTrace;

    public LotController(ReadLot readLot, ReadPedigree readPedigree, TraceLot traceLot, ReadStock readStock,
                         SummariseTrace summariseTrace) {
        this.readLot = readLot;
        this.readPedigree = readPedigree;
        this.traceLot = traceLot;
        this.readStock = readStock;
        this.summariseTrace = summariseTrace;
    }

    @Operation(summary = "Read a lot",
            description = "Form, status, mass, composition in mg and as oxide percentages, TREO, and the events that"
                    + " created and last changed it; for the regulator, customs, auditors and the holder.")
    @GetMapping("/api/lots/{id}")
    public LotViews.LotView lot(Caller caller, @Parameter(description = "The lot's id") @PathVariable String id) {
        return readLot.read(caller, id);
    }

    @Operation(summary = "Read a lot's pedigree",
            description = "Every path from an origin (with its stages, country and technology country) with its element"
                    + " masses and shares; totals by origin country and by stage country. An operator sees a mine named"
                    + " only if it is its own.")
    @GetMapping("/api/lots/{id}/pedigree")
    public LotViews.PedigreeView pedigree(Caller caller,
                                          @Parameter(description = "The lot's id") @PathVariable String id) {
        return readPedigree.read(caller, id);
    }

    @Operation(summary = "Trace a lot",
            description = "The lots upstream (what went into it) or downstream (what it went into) and the"
                    + " transformations linking them, with the event that made each lot. An operator sees only that"
                    + " lots of other holders exist (withheldLots, withheldInputs, withheldOutputs), and a step at"
                    + " another operator's facility as withheld.")
    @GetMapping("/api/lots/{id}/trace")
    public TraceLot.LotTrace trace(Caller caller, @Parameter(description = "The lot's id") @PathVariable String id,
                                   @Parameter(description = "upstream or downstream")
                                   @RequestParam(defaultValue = "upstream") String direction,
                                   @Parameter(description = "How many transformations to follow, 1 to 1000")
                                   @RequestParam(defaultValue = "1000") int depth) {
        return traceLot.trace(caller, id, direction, depth);
    }

    @Operation(summary = "Summarise a lot's trace",
            description = "The trace by step, nearest first: for each distance from the lot (upstream: the"
                    + " transformation that made it, then those that made its inputs; downstream: the transformation"
                    + " it went into, then onwards), how many transformations and their processes, and of the lots on"
                    + " the far side (inputs upstream, outputs downstream) how many, their forms, their mass and"
                    + " element masses as made and the facilities where they are (a consumed lot: where it went in) and their countries; never the lots"
                    + " themselves (a magnet's trace passes through tens of thousands: page through a step with"
                    + " /trace/steps/{step}/lots). An operator sees its own lots counted and summed, of other"
                    + " holders' lots only how many (withheldLots), and processes only at its own facilities.")
    @GetMapping("/api/lots/{id}/trace/summary")
    public SummariseTrace.TraceSummary traceSummary(Caller caller,
                                                    @Parameter(description = "The lot's id") @PathVariable String id,
                                                    @Parameter(description = "upstream or downstream")
                                                    @RequestParam(defaultValue = "upstream") String direction) {
        return summariseTrace.summary(caller, id, direction);
    }

    @Operation(summary = "List the lots of a step of a lot's trace",
            description = "A page of the lots on the far side of a step of the summarised trace, in order of id."
                    + " An operator gets only the lots it holds, and how many others there are (withheldLots).")
    @GetMapping("/api/lots/{id}/trace/steps/{step}/lots")
    public SummariseTrace.StepLots traceStepLots(Caller caller,
                                                 @Parameter(description = "The lot's id") @PathVariable String id,
                                                 @Parameter(description = "The step's distance from the lot, from 1")
                                                 @PathVariable int step,
                                                 @Parameter(description = "upstream or downstream")
                                                 @RequestParam(defaultValue = "upstream") String direction,
                                                 @Parameter(description = "The page, from 1")
                                                 @RequestParam(defaultValue = "1") int page,
                                                 @Parameter(description = "Lots a page, 1 to 100")
                                                 @RequestParam(defaultValue = "20") int size) {
        return summariseTrace.stepLots(caller, id, direction, step, page, size);
    }

    @Operation(summary = "List a lot's events",
            description = "The events that made the lot, took it into or out of a transformation, and last changed"
                    + " it, in order. An operator sees an event at another operator's facility only as its type and"
                    + " sequence.")
    @GetMapping("/api/lots/{id}/events")
    public List<ReadLot.LotEvent> events(Caller caller,
                                                   @Parameter(description = "The lot's id") @PathVariable String id) {
        return readLot.events(caller, id);
    }

    @Operation(summary = "Read a facility's stock",
            description = "Its element masses and the active lots there, for the readers of the facility; of lots there"
                    + " that others hold, an operator learns only how many there are (withheldLots).")
    @GetMapping("/api/facilities/{id}/stock")
    public ReadStock.FacilityStock stock(Caller caller,
                                         @Parameter(description = "The facility's id") @PathVariable String id) {
        return readStock.read(caller, id);
    }
}
