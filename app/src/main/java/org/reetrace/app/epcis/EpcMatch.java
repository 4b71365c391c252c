package org.reetrace.app.epcis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reetrace.epcis.hash.DigitalLink;

/**
 * One value of a MATCH_ parameter (EPCIS 2.0 section 8.2.7.1.1): an EPC or class URI, or an EPC pattern
 * ({@code urn:epc:idpat:sgtin:0614141.107346.*}). An EPC URN and its GS1 Digital Link are the same identifier:
 * both compare in one canonical form, {@link DigitalLink#canonical}. Stored values are kept as captured, so the
 * SQL side asks for every spelling the value can be stored under ({@link #spellings}, an array overlap the GIN
 * indexes answer) and, for a pattern, for the prefixes it covers ({@link #likes}); {@link #matches} decides.
 *
 * <p>A Digital Link does not say how long its GS1 company prefix is, so its URN spellings are all those with a
 * prefix of 6 to 12 digits that convert back to it. A Digital Link stored on another domain than id.gs1.org is
 * found by its own spelling or, through the SQL side, not at all by its other spellings.
 */
record EpcMatch(String value, boolean pattern, List<String> spellings, List<String> likes) {

    private static final String IDPAT = "urn:epc:idpat:";
    private static final String DL = "https://id.gs1.org/";

    /**
     * The match of {@code value}; {@code classes} says it is compared with EPC classes, where an sgtin pattern
     * with a wildcard serial is itself a class (all instances of a GTIN) and also covers that GTIN's lots.
     */
    static EpcMatch of(String value, boolean classes) {
        boolean pattern = value.startsWith(IDPAT) && value.contains("*");
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(value);
        String canonical = DigitalLink.canonical(value);
        spellings.add(canonical);
        spellings.addAll(urnsOf(canonical));
        List<String> likes = new ArrayList<>();
        if (pattern) {
            String[] head = value.split(":", 5);
            if (head.length == 5) {
                String fixed = fixedPrefix(head[4]);
                likes.add(like("urn:epc:id:" + head[3] + ":" + fixed) + "%");
                if (classes && head[3].equals("sgtin")) {
                    likes.add(like("urn:epc:class:lgtin:" + fixed) + "%");
                }
                if (!canonical.equals(value)) {
                    // an sgtin pattern with only its serial open converts: its Digital Links are below it
                    likes.add(like(canonical) + "/%");
                } else if (head[3].equals("sgtin") && !fixed.isEmpty()) {
                    // company prefix only: a GTIN is its indicator digit, then the prefix
                    likes.add(like(DL + "01/") + "_" + like(fixed.substring(0, fixed.length() - 1)) + "%");
                }
            }
        }
        return new EpcMatch(value, pattern, List.copyOf(spellings), List.copyOf(likes));
    }

    /** Whether a stored EPC or class is this value, in any spelling, or one the pattern covers. */
    boolean matches(String stored) {
        if (stored == null) {
            return false;
        }
        String canonical = DigitalLink.canonical(stored);
        if (spellings.contains(stored) || spellings.contains(canonical)) {
            return true;
        }
        if (!pattern) {
            return false;
        }
        List<String> readings = new ArrayList<>();
        readings.add(stored);
        readings.addAll(urnsOf(canonical));
        return readings.stream().anyMatch(this::covers);
    }

    /** Whether a URN is covered by the pattern, field by field ('*' covers any field). */
    private boolean covers(String urn) {
        String[] p = value.split(":", 5);
        String[] u = urn.split(":", 5);
        if (p.length != 5 || u.length != 5 || !u[0].equals("urn") || !u[1].equals("epc")) {
            return false;
        }
        boolean sameScheme = u[2].equals("id") && u[3].equals(p[3]);
        boolean lotOfGtin = u[2].equals("class") && u[3].equals("lgtin") && p[3].equals("sgtin");
        if (!sameScheme && !lotOfGtin) {
            return false;
        }
        String[] pf = p[4].split("\\.", -1);
        String[] uf = u[4].split("\\.", -1);
        if (pf.length != uf.length) {
            return false;
        }
        for (int i = 0; i < pf.length; i++) {
            if (!pf[i].equals("*") && !pf[i].equals(uf[i])) {
                return false;
            }
        }
        return true;
    }

    /** The fields of a pattern before its first wildcard, each followed by its dot. */
    private static String fixedPrefix(String fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields.split("\\.", -1)) {
            if (f.equals("*")) {
                break;
            }
            b.append(f).append('.');
        }
        return b.toString();
    }

    /** {@code text} as the literal part of a LIKE pattern (escape character: backslash). */
    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The EPC URNs that convert to this canonical Digital Link: one per length of company prefix that gives it
     * back. Empty for anything else.
     */
    static List<String> urnsOf(String canonical) {
        if (!canonical.startsWith(DL)) {
            return List.of();
        }
        String[] s = canonical.substring(DL.length()).split("/");
        List<String> candidates = new ArrayList<>();
        for (int cp = 6; cp <= 12; cp++) {
            candidates.addAll(readings(s, cp));
        }
        return candidates.stream().distinct().filter(urn -> canonical.equals(DigitalLink.canonical(urn))).toList();
    }

    private static List<String> readings(String[] s, int cp) {
        String key = s[0];
        String v = s.length > 1 ? s[1] : "";
        String qualifier = s.length > 3 ? s[2] : null;
        String q = s.length > 3 ? decode(s[3]) : null;
        try {
            return switch (key) {
                case "01" -> {
                    String item = v.charAt(0) + v.substring(1 + cp, 13);
                    String prefix = v.substring(1, 1 + cp) + "." + item;
                    if (qualifier == null) {
                        yield List.of(IDPAT + "sgtin:" + prefix + ".*");
                    }
                    yield switch (qualifier) {
                        case "21" -> List.of("urn:epc:id:sgtin:" + prefix + "." + q);
                        case "10" -> List.of("urn:epc:class:lgtin:" + prefix + "." + q);
                        case "235" -> List.of("urn:epc:id:upui:" + prefix + "." + q);
                        default -> List.of();
                    };
                }
                case "00" -> List.of("urn:epc:id:sscc:" + v.substring(1, 1 + cp) + "." + v.charAt(0)
                        + v.substring(1 + cp, 17));
                case "414" -> List.of("urn:epc:id:sgln:" + v.substring(0, cp) + "." + v.substring(cp, 12) + "."
                        + ("254".equals(qualifier) ? q : "0"));
                case "417" -> List.of("urn:epc:id:pgln:" + v.substring(0, cp) + "." + v.substring(cp, 12));
                case "8018", "8017" -> List.of("urn:epc:id:" + (key.equals("8018") ? "gsrn:" : "gsrnp:")
                        + v.substring(0, cp) + "." + v.substring(cp, 17));
                case "8003" -> List.of("urn:epc:id:grai:" + v.substring(1, 1 + cp) + "." + v.substring(1 + cp, 13)
                        + "." + decode(v.substring(14)));
                case "8004" -> List.of("urn:epc:id:giai:" + v.substring(0, cp) + "." + decode(v.substring(cp)));
                case "253" -> List.of("urn:epc:id:gdti:" + v.substring(0, cp) + "." + v.substring(cp, 12) + "."
                        + decode(v.substring(13)));
                default -> List.of();
            };
        } catch (IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    /** Undoes what a Digital Link percent-encodes and an EPC URN writes raw. */
    private static String decode(String component) {
        return component.replace("%21", "!").replace("%28", "(").replace("%29", ")").replace("%2A", "*")
                .replace("%2B", "+").replace("%2C", ",").replace("%3A", ":");
    }
}
