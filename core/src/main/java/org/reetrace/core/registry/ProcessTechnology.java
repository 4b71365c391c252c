package org.reetrace.core.registry;

import java.util.Objects;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;

/**
 * A process a facility is licensed for, the technology it runs on (licensor and the licensor's country, which
 * becomes the stage's technology country in every pedigree) and the licensed capacity of input per year.
 */
public record ProcessTechnology(ProcessKind process, String licensor, CountryCode licensorCountry, Mass annualCapacity) {

    /** A process known only by its technology's country: licensor unnamed, capacity unstated. */
    public static ProcessTechnology unnamed(ProcessKind process, CountryCode licensorCountry) {
        return new ProcessTechnology(process, "unnamed licensor", licensorCountry, Mass.ZERO);
    }

    public ProcessTechnology {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(licensorCountry, "licensor country");
        Objects.requireNonNull(annualCapacity, "annual capacity");
        if (licensor == null || licensor.isBlank()) {
            throw new IllegalArgumentException(process + " technology needs its licensor (the operator itself for in-house technology)");
        }
    }
}
