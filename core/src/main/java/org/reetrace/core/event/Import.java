package org.reetrace.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;

/**
 * A lot enters the country. {@code originCountry} is where the material was mined as the supplier declares it,
 * and {@code upstreamStages} the processing it went through abroad (from the supplier's certificate).
 */
public record Import(EventId id, Instant time, FacilityId facility, LotId lot, MaterialForm form, Mass mass,
                     Composition composition, CountryCode originCountry, String supplier,
                     List<Stage> upstreamStages, CustomsDeclaration declaration) implements LedgerEvent {

    public Import {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(mass, "mass");
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(originCountry, "originCountry");
        if (supplier == null || supplier.isBlank() || supplier.length() > 200) {
            throw new IllegalArgumentException("supplier must be a name of 1 to 200 characters: " + supplier);
        }
        Objects.requireNonNull(declaration, "declaration");
        upstreamStages = upstreamStages == null ? List.of() : List.copyOf(upstreamStages);
    }
}
