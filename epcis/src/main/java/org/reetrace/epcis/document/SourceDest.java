package org.reetrace.epcis.document;

import java.util.Objects;

/** A source or destination of a transfer: its type (CBV SDT Web URI or other URI) and its id. */
public record SourceDest(String type, String id) {
    public SourceDest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
