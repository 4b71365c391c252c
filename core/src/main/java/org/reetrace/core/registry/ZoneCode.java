package org.reetrace.core.registry;

/** The gazette or registry code of a zone, e.g. a forest reserve's number. */
public record ZoneCode(String value) implements Comparable<ZoneCode> {

    public ZoneCode {
        Identifier.check("zone code", value);
    }

    public static ZoneCode of(String value) {
        return new ZoneCode(value);
    }

    @Override
    public int compareTo(ZoneCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
