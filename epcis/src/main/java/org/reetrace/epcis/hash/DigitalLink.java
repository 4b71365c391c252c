package org.reetrace.epcis.hash;

import java.util.Locale;
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
    private static final Pattern KEYED_PATH = Pattern.compile("(/[^/]+)*/(" + KEYS + ")/[^/]+.*");
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
                case "id:sgtin" -> HOST + "/01/" + gtin(p[0], p[1]) + "/21/" + p[2];
                case "id:sscc" -> HOST + "/00/" + withCheck(p[1].charAt(0) + p[0] + p[1].substring(1));
                case "id:sgln" -> HOST + "/414/" + withCheck(p[0] + p[1]) + ("0".equals(p[2]) ? "" : "/254/" + p[2]);
                case "id:grai" -> HOST + "/8003/0" + withCheck(p[0] + p[1]) + p[2];
                case "id:giai" -> HOST + "/8004/" + p[0] + p[1];
                case "id:gsrn" -> HOST + "/8018/" + withCheck(p[0] + p[1]);
                case "id:gsrnp" -> HOST + "/8017/" + withCheck(p[0] + p[1]);
                case "id:gdti" -> HOST + "/253/" + withCheck(p[0] + p[1]) + p[2];
                case "id:sgcn" -> HOST + "/255/" + withCheck(p[0] + p[1]) + p[2];
                case "id:pgln" -> HOST + "/417/" + withCheck(p[0] + p[1]);
                case "id:ginc" -> HOST + "/401/" + p[0] + p[1];
                case "id:gsin" -> HOST + "/402/" + withCheck(p[0] + p[1]);
                case "id:cpi" -> HOST + "/8010/" + p[0] + p[1] + "/8011/" + p[2];
                case "class:lgtin" -> HOST + "/01/" + gtin(p[0], p[1]) + "/10/" + p[2];
                case "idpat:sgtin" -> HOST + "/01/" + gtin(p[0], p[1]) + ("*".equals(p[2]) ? "" : "/21/" + p[2]);
                default -> null;
            };
        } catch (IndexOutOfBoundsException | NumberFormatException malformed) {
            return null;
        }
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

    /** A Digital Link on any domain: id.gs1.org, no query string (rule 18 I and II). */
    private static String constrain(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int pathStart = uri.indexOf('/', uri.indexOf("//") + 2);
        if (pathStart < 0) {
            return uri;
        }
        String path = uri.substring(pathStart);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        // Only URIs whose path carries a GS1 primary key are Digital Links; other URIs are left alone.
        if (!KEYED_PATH.matcher(path).matches()
                || lower.startsWith("https://ref.gs1.org") || lower.startsWith("https://gs1.org")) {
            return uri;
        }
        int key = path.indexOf("/" + primaryKeyIn(path) + "/");
        return HOST + path.substring(key);
    }

    private static String primaryKeyIn(String path) {
        for (String segment : path.split("/")) {
            if (KEY.matcher(segment).matches()) {
                return segment;
            }
        }
        return "";
    }
}
