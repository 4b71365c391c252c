package org.reetrace.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

/**
 * Input lots, whole or in part, become new output lots. {@code declaredLoss} is what the operator says the
 * process lost of each element (to residue not booked as a lot, effluent, dust); anything else that goes
 * missing is recorded as unexplained.
 */
public record Transform(EventId id, Instant time, FacilityId facility, ProcessKind process, List<Input> inputs,
                        List<Output> outputs, Composition declaredLoss) implements LedgerEvent {

    /** {@code mass} of lot {@code lot} goes into the process. */
    public record Input(LotId lot, Mass mass) {
        public Input {
            Objects.requireNonNull(lot, "input lot");
            Objects.requireNonNull(mass, "input mass");
        }
    }

    /** A new lot the process makes. */
    public record Output(LotId lot, MaterialForm form, Mass mass, Composition composition) {
        public Output {
            Objects.requireNonNull(lot, "output lot");
            Objects.requireNonNull(form, "output form");
            Objects.requireNonNull(mass, "output mass");
            Objects.requireNonNull(composition, "output composition");
        }
    }

    public Transform {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(process, "process");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        declaredLoss = declaredLoss == null ? Composition.ZERO : declaredLoss;
    }
}
