package org.reetrace.core.registry;

public record FacilityId(String value) implements Comparable<FacilityId> {

    public FacilityId {
        Identifier.check("facility id", value);
    }

    public static FacilityId of(String value) {
        return new FacilityId(value);
    }

    @Override
    public int compareTo(FacilityId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
