package org.reetrace.core.lot;

import org.reetrace.core.registry.Identifier;

public record LotId(String value) implements Comparable<LotId> {

    public LotId {
        Identifier.check("lot id", value);
    }

    public static LotId of(String value) {
        return new LotId(value);
    }

    @Override
    public int compareTo(LotId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
