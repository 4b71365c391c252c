package org.reetrace.core.registry;

import java.util.regex.Pattern;

/** The shape every identifier in reetrace shares: 1 to 128 visible characters, no spaces. */
public final class Identifier {

    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private Identifier() {
    }

    public static String check(String kind, String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1 to 128 visible characters without spaces: " + value);
        }
        return value;
    }
}
