package org.reetrace.sim.smuggler;

import java.util.SplittableRandom;

import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.port.PortActor;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Product;
import org.reetrace.sim.world.World;

/**
 * Material that leaves with no declaration at all (in 2023 China reported about 19,000 t of rare-earth oxide from
 * Malaysian ore while some 3,000 t left legally: reference key_figures.csv). No event reaches the books; the only
 * trace is the partner's import statistics, which record it as mixed rare-earth compound.
 */
public final class Smuggler {

    public void smuggle(World w) {
        FraudSpec f = w.fraud(FraudType.UNDECLARED_EXPORT, null);
        if (f == null) {
            return;
        }
        SplittableRandom r = w.random("smuggler");
        double kg = f.amount() * 1000 * Math.exp(0.2 * r.nextGaussian());
        PortActor.record(w, r, f.country(), Product.MREC, kg, null);
        w.truth(new GroundTruth(FraudType.UNDECLARED_EXPORT, f.country().alpha2(), w.month(), null, kg,
                "mixed carbonate smuggled out, declared nowhere"));
    }
}
