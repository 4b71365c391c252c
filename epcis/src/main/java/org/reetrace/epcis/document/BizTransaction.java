package org.reetrace.epcis.document;

import java.util.Objects;

/** A business transaction reference; {@code type} (a CBV BTT Web URI or other URI) is optional. */
public record BizTransaction(String type, String value) {
    public BizTransaction {
        Objects.requireNonNull(value, "bizTransaction");
    }
}
