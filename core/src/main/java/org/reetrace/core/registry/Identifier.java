package org.reetrace.core.registry;

/** The shape every identifier in reetrace shares: 1 to 128 visible characters, no spaces. */
public final class Identifier {

    private Identifier() {
    }

    public static String check(String kind, String value) {
        if (value == null || !visible(value)) {
            throw new IllegalArgumentException(kind + " must be 1 to 128 visible characters without spaces: " + value);
        }
        return value;
    }

    /** 1 to 128 of the characters 0x21 to 0x7E: a plain loop rather than a regex, as ids are made per event. */
    private static boolean visible(String value) {
        int n = value.length();
        if (n < 1 || n > 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
