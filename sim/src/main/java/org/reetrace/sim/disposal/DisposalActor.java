package org.reetrace.sim.disposal;

import java.util.ArrayList;

import org.reetrace.core.event.Dispose;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.scenario.Product;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.world.SimLot;
import org.reetrace.sim.world.World;

/** The permanent disposal facility: every residue lot it receives goes into a cell the month it arrives. */
public final class DisposalActor {

    private final FacilityId id;

    public DisposalActor(Scenario.SiteSpec spec) {
        this.id = FacilityId.of(spec.id());
    }

    public void dispose(World w) {
        for (SimLot lot : new ArrayList<>(w.held(id))) {
            if (lot.product == Product.RESIDUE) {
                w.emit(e -> new Dispose(e, w.time(), id, lot.id));
                w.held(id).remove(lot);
            }
        }
    }
}
