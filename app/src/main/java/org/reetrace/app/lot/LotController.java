package org.reetrace.app.lot;

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

    public LotController(ReadLot readLot, ReadPedigree readPedigree, TraceLot traceLot, ReadStock readStock) {
        this.readLot = readLot;
        this.readPedigree = readPedigree;
        this.traceLot = traceLot;
        this.readStock = readStock;
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

    @Operation(summary = "Read a facility's stock",
            description = "Its element masses and the active lots there, for the readers of the facility; of lots there"
                    + " that others hold, an operator learns only how many there are (withheldLots).")
    @GetMapping("/api/facilities/{id}/stock")
    public ReadStock.FacilityStock stock(Caller caller,
                                         @Parameter(description = "The facility's id") @PathVariable String id) {
        return readStock.read(caller, id);
    }
}
