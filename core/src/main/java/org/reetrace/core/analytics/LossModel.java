package org.reetrace.core.analytics;

import java.util.Map;
import java.util.Objects;

import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

/**
 * Expected unmeasured losses by facility and process; a facility without its own figure gets the process
 * default, a process without one is expected to lose nothing (handling: split, blend).
 */
public record LossModel(Map<FacilityId, Map<ProcessKind, LossExpectation>> byFacility,
                        Map<ProcessKind, LossExpectation> byProcess) {

    public LossModel {
        byFacility = Map.copyOf(Objects.requireNonNull(byFacility, "losses by facility"));
        byProcess = Map.copyOf(Objects.requireNonNull(byProcess, "losses by process"));
    }

    public static LossModel ofProcesses(Map<ProcessKind, LossExpectation> byProcess) {
        return new LossModel(Map.of(), byProcess);
    }

    public LossExpectation of(FacilityId facility, ProcessKind process) {
        Map<ProcessKind, LossExpectation> own = byFacility.get(facility);
        if (own != null && own.containsKey(process)) {
            return own.get(process);
        }
        return byProcess.getOrDefault(process, LossExpectation.NONE);
    }
}
