package org.reetrace.core.analytics;

/** HS codes compared at the six digits every country shares (national lines differ beyond). */
final class Hs {

    private Hs() {
    }

    /** "2846.90", "284690" and "2846901920" all give "284690". */
    static String six(String code) {
        if (code == null) {
            throw new IllegalArgumentException("HS code is missing");
        }
        String digits = code.replace(".", "").strip();
        if (!digits.matches("\\d{6,10}")) {
            throw new IllegalArgumentException("HS code must have 6 to 10 digits, dots allowed: '" + code + "'");
        }
        return digits.substring(0, 6);
    }
}
