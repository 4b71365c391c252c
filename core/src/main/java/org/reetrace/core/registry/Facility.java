package org.reetrace.core.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.core.process.ProcessKind;

/**
 * A site of an operator. {@code technology} lists the processes the facility is licensed for, each with the
 * country of origin of the technology it uses: that country goes into the pedigree of everything the process
 * makes (a separation stage run on Chinese technology is on record as such).
 */
public record Facility(FacilityId id, OperatorId operator, String name, FacilityKind kind, CountryCode country,
                       GeoPoint location, Map<ProcessKind, CountryCode> technology) {

    public Facility {
        Objects.requireNonNull(id, "facility id");
        Objects.requireNonNull(operator, "facility operator");
        Objects.requireNonNull(kind, "facility kind");
        Objects.requireNonNull(country, "facility country");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("facility " + id + " needs a name");
        }
        technology = technology.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(technology));
    }

    public boolean licensedFor(ProcessKind process) {
        return !process.needsLicence() || technology.containsKey(process);
    }

    /** Country of the technology the facility uses for a process; its own country when none is registered. */
    public CountryCode technologyOrigin(ProcessKind process) {
        return technology.getOrDefault(process, country);
    }

    public Optional<GeoPoint> position() {
        return Optional.ofNullable(location);
    }
}
