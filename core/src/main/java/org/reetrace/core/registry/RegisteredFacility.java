package org.reetrace.core.registry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.core.process.ProcessKind;

/**
 * A facility with the detail the registry keeps beyond what the ledger needs: each licensed process with its
 * technology and capacity. The facility's {@code technology} map is derived from the processes, so the two
 * cannot disagree.
 */
public record RegisteredFacility(Facility facility, List<ProcessTechnology> processes) {

    public RegisteredFacility {
        Objects.requireNonNull(facility, "facility");
        processes = List.copyOf(processes);
        Map<ProcessKind, CountryCode> tech = new EnumMap<>(ProcessKind.class);
        for (ProcessTechnology p : processes) {
            if (tech.put(p.process(), p.licensorCountry()) != null) {
                throw new IllegalArgumentException("facility " + facility.id() + " lists " + p.process() + " twice");
            }
        }
        if (!tech.equals(facility.technology())) {
            throw new IllegalArgumentException("facility " + facility.id() + ": technology " + facility.technology()
                    + " does not match its licensed processes " + tech);
        }
    }

    /** Builds the facility's technology map from its processes. */
    public static RegisteredFacility of(FacilityId id, OperatorId operator, String name, FacilityKind kind,
                                        CountryCode country, GeoPoint location, List<ProcessTechnology> processes) {
        Map<ProcessKind, CountryCode> tech = new EnumMap<>(ProcessKind.class);
        processes.forEach(p -> tech.put(p.process(), p.licensorCountry()));
        return new RegisteredFacility(new Facility(id, operator, name, kind, country, location, tech), processes);
    }

    /** A facility known only by the country of each process's technology: licensor unnamed, capacity unstated. */
    public static RegisteredFacility of(Facility facility) {
        return new RegisteredFacility(facility, facility.technology().entrySet().stream()
                .map(t -> ProcessTechnology.unnamed(t.getKey(), t.getValue())).toList());
    }

    public FacilityId id() {
        return facility.id();
    }

    public Optional<ProcessTechnology> process(ProcessKind kind) {
        return processes.stream().filter(p -> p.process() == kind).findFirst();
    }
}
