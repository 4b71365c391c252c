package org.reetrace.core.registry;

public record OperatorId(String value) implements Comparable<OperatorId> {

    public OperatorId {
        Identifier.check("operator id", value);
    }

    public static OperatorId of(String value) {
        return new OperatorId(value);
    }

    @Override
    public int compareTo(OperatorId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
