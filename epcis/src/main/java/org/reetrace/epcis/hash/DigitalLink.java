package org.reetrace.epcis.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts EPC URIs (TDS 2.0 pure identity, class and pattern URNs) into canonical GS1 Digital Link URIs
 * on {@code https://id.gs1.org}, and constrains Digital Link URIs written on another domain, as the CBV
 * 2.0 event hash requires (rules 17 and 18). Schemes not listed are returned unchanged.
 */
public final class DigitalLink {
    private static final String HOST = "https://id.gs1.org";
    private static final String KEYS = "00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018";
    // compiled once: every URI of every captured event is canonicalised for its hash
    /** The short names a Digital Link may use for keys and qualifiers, by their application identifiers. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("gtin", "01"),
            Map.entry("itip", "8006"), Map.entry("cpid", "8010"), Map.entry("gln", "414"), Map.entry("party", "417"),
            Map.entry("gsrnp", "8017"), Map.entry("gsrn", "8018"), Map.entry("gcn", "255"), Map.entry("sscc", "00"),
            Map.entry("gdti", "253"), Map.entry("ginc", "401"), Map.entry("gsin", "402"), Map.entry("grai", "8003"),
            Map.entry("giai", "8004"), Map.entry("cpv", "22"), Map.entry("lot", "10"), Map.entry("ser", "21"),
            Map.entry("glnx", "254"), Map.entry("tpx", "235"), Map.entry("cpsn", "8011"));
    private static final Pattern KEY = Pattern.compile(KEYS);

    private DigitalLink() {
    }

    public static String canonical(String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.startsWith("urn:epc:id:") || uri.startsWith("urn:epc:class:") || uri.startsWith("urn:epc:idpat:")) {
            String converted = fromUrn(uri);
            return converted == null ? uri : converted;
        }
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return constrain(uri);
        }
        return uri;
    }

    private static String fromUrn(String urn) {
        String[] head = urn.split(":", 5);
        if (head.length < 5) {
            return null;
        }
        String scheme = head[3];
        String[] p = head[4].split("\\.", -1);
        try {
            return switch (head[2] + ":" + scheme) {
                case "id:sgtin" -> HOST + "/01/" + gtin(p[0], p[1]) + "/21/" + encode(p[2]);
                case "id:sscc" -> HOST + "/00/" + withCheck(p[1].charAt(0) + p[0] + p[1].substring(1));
                case "id:sgln" -> HOST + "/414/" + withCheck(p[0] + p[1])
                        + ("0".equals(p[2]) ? "" : "/254/" + encode(p[2]));
                case "id:grai" -> HOST + "/8003/0" + withCheck(p[0] + p[1]) + encode(p[2]);
                case "id:giai" -> HOST + "/8004/" + p[0] + encode(p[1]);
                case "id:gsrn" -> HOST + "/8018/" + withCheck(p[0] + p[1]);
                case "id:gsrnp" -> HOST + "/8017/" + withCheck(p[0] + p[1]);
                case "id:gdti" -> HOST + "/253/" + withCheck(p[0] + p[1]) + encode(p[2]);
                case "id:sgcn" -> HOST + "/255/" + withCheck(p[0] + p[1]) + p[2];
                case "id:pgln" -> HOST + "/417/" + withCheck(p[0] + p[1]);
                case "id:ginc" -> HOST + "/401/" + p[0] + encode(p[1]);
                case "id:gsin" -> HOST + "/402/" + withCheck(p[0] + p[1]);
                case "id:cpi" -> HOST + "/8010/" + encode(p[0] + p[1]) + "/8011/" + p[2];
                case "id:itip" -> HOST + "/8006/" + gtin(p[0], p[1]) + p[2] + p[3] + "/21/" + encode(p[4]);
                case "id:upui" -> HOST + "/01/" + gtin(p[0], p[1]) + "/235/" + encode(p[2]);
                case "class:lgtin" -> HOST + "/01/" + gtin(p[0], p[1]) + "/10/" + encode(p[2]);
                case "idpat:sgtin" -> HOST + "/01/" + gtin(p[0], p[1]) + ("*".equals(p[2]) ? "" : "/21/" + p[2]);
                case "idpat:itip" -> HOST + "/8006/" + gtin(p[0], p[1]) + p[2] + p[3];
                case "idpat:upui" -> HOST + "/01/" + gtin(p[0], p[1]);
                case "idpat:grai" -> HOST + "/8003/0" + withCheck(p[0] + p[1]);
                case "idpat:gdti" -> HOST + "/253/" + withCheck(p[0] + p[1]);
                case "idpat:sgcn" -> HOST + "/255/" + withCheck(p[0] + p[1]);
                case "idpat:cpi" -> HOST + "/8010/" + encode(p[0] + p[1]);
                default -> null;
            };
        } catch (IndexOutOfBoundsException | NumberFormatException malformed) {
            return null;
        }
    }

    /**
     * Percent-encodes what a Digital Link must not carry raw (GS1 Digital Link 1.x, table 7-1) and an EPC URN may:
     * ! ( ) * + , and :, as the reference does.
     */
    private static String encode(String component) {
        StringBuilder b = new StringBuilder(component.length());
        for (char c : component.toCharArray()) {
            switch (c) {
                case '!' -> b.append("%21");
                case '(' -> b.append("%28");
                case ')' -> b.append("%29");
                case '*' -> b.append("%2A");
                case '+' -> b.append("%2B");
                case ',' -> b.append("%2C");
                case ':' -> b.append("%3A");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** GTIN-14 from company prefix and item reference, whose first digit is the indicator. */
    private static String gtin(String companyPrefix, String itemReference) {
        return withCheck(itemReference.charAt(0) + companyPrefix + itemReference.substring(1));
    }

    /** Appends the GS1 modulo-10 check digit: weights 3 and 1 alternating from the right. */
    static String withCheck(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(digits.length() - 1 - i), 10);
            if (d < 0) {
                throw new NumberFormatException(digits);
            }
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /**
     * A Digital Link on any domain, constrained (CBV 2.0 rule 18): on id.gs1.org, keys and qualifiers by their
     * numeric application identifiers rather than their aliases, a GTIN of 14 digits, only the finest level of
     * identification (a serial over a lot over the bare GTIN), no query string and no fragment.
     */
    private static String constrain(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int pathStart = uri.indexOf('/', uri.indexOf("//") + 2);
        if (pathStart < 0 || lower.startsWith("https://ref.gs1.org") || lower.startsWith("https://gs1.org")) {
            return uri;
        }
        String path = uri.substring(pathStart);
        int end = indexOfAny(path, '?', '#');
        if (end >= 0) {
            path = path.substring(0, end);
        }
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        segments.replaceAll(segment -> ALIASES.getOrDefault(segment, segment));
        int key = -1;
        for (int i = 1; i + 1 < segments.size(); i++) {
            if (KEY.matcher(segments.get(i)).matches()) {
                key = i;
                break;
            }
        }
        // only URIs whose path carries a GS1 primary key are Digital Links; other URIs are left alone
        if (key < 0) {
            return uri;
        }
        List<String> tail = segments.subList(key, segments.size());
        String value = tail.get(1);
        if (tail.get(0).equals("01")) {
            value = "0".repeat(Math.max(0, 14 - value.length())) + value;
        }
        StringBuilder b = new StringBuilder(HOST).append('/').append(tail.get(0)).append('/').append(value);
        String finest = null;
        for (String qualifier : List.of("21", "235", "10", "254", "8011")) {
            int at = tail.indexOf(qualifier);
            if (at > 1 && at + 1 < tail.size() && (at % 2 == 0)) {
                finest = qualifier + "/" + tail.get(at + 1);
                break;
            }
        }
        if (finest != null) {
            b.append('/').append(finest);
        }
        return b.toString();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

}
