package org.reetrace.core.registry;

/** The number on a licence or permit as the issuing authority writes it. */
public record LicenceId(String value) implements Comparable<LicenceId> {

    public LicenceId {
        Identifier.check("licence id", value);
    }

    public static LicenceId of(String value) {
        return new LicenceId(value);
    }

    @Override
    public int compareTo(LicenceId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
