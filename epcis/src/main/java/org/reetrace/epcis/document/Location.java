package org.reetrace.epcis.document;

import java.util.List;
import java.util.Objects;

/** A read point or business location: its id and any user extensions written inside it. */
public record Location(String id, List<Extension> extensions) {
    public Location {
        Objects.requireNonNull(id, "id");
        extensions = List.copyOf(extensions);
    }

    public static Location of(String id) {
        return new Location(id, List.of());
    }
}
