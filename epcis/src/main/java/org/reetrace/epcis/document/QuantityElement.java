package org.reetrace.epcis.document;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity of an object class. {@code quantity} may be absent (the standard allows a class without a
 * quantity); {@code uom} absent means a count of items. Bulk material should always carry a unit (KGM).
 */
public record QuantityElement(String epcClass, BigDecimal quantity, String uom) {
    public QuantityElement {
        Objects.requireNonNull(epcClass, "epcClass");
    }
}
