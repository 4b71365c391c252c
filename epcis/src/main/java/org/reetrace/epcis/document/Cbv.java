package org.reetrace.epcis.document;

import java.util.Locale;

/**
 * The CBV 2.0 standard vocabularies and their three spellings: a bare word in JSON-LD ({@code shipping},
 * which the EPCIS JSON-LD context expands), a URN in EPCIS 1.x style XML
 * ({@code urn:epcglobal:cbv:bizstep:shipping}) and the GS1 Web URI
 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}). Records hold the Web URI; writers pick the
 * spelling their binding uses. Values outside CBV (any other URI) pass through untouched.
 */
public enum Cbv {
    BIZ_STEP("BizStep-", "bizstep"),
    DISPOSITION("Disp-", "disp"),
    BIZ_TRANSACTION_TYPE("BTT-", "btt"),
    SOURCE_DEST_TYPE("SDT-", "sdt"),
    ERROR_REASON("ER-", "er");

    public static final String WEB_BASE = "https://ref.gs1.org/cbv/";
    private static final String URN_BASE = "urn:epcglobal:cbv:";

    private final String webPrefix;
    private final String urnPrefix;

    Cbv(String webTermPrefix, String urnVocabulary) {
        this.webPrefix = WEB_BASE + webTermPrefix;
        this.urnPrefix = URN_BASE + urnVocabulary + ":";
    }

    /** The Web URI for any of the three spellings; null stays null, foreign URIs stay as they are. */
    public String canonical(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith(urnPrefix)) {
            return webPrefix + v.substring(urnPrefix.length());
        }
        if (v.startsWith("cbv:")) {
            return WEB_BASE + v.substring("cbv:".length());
        }
        if (isBareWord(v)) {
            return webPrefix + v;
        }
        // The Web vocabulary is case-sensitive on the term but GS1 examples mix the host's case.
        if (v.toLowerCase(Locale.ROOT).startsWith(WEB_BASE) && !v.startsWith(WEB_BASE)) {
            return WEB_BASE + v.substring(WEB_BASE.length());
        }
        return v;
    }

    /** The JSON-LD spelling: the bare word for a CBV term, the URI otherwise. */
    public String jsonSpelling(String canonical) {
        return canonical != null && canonical.startsWith(webPrefix) ? canonical.substring(webPrefix.length())
                : canonical;
    }

    /** The XML spelling: the CBV URN for a CBV term (as GS1's XML examples write it), the URI otherwise. */
    public String xmlSpelling(String canonical) {
        return canonical != null && canonical.startsWith(webPrefix)
                ? urnPrefix + canonical.substring(webPrefix.length()) : canonical;
    }

    private static boolean isBareWord(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }
}
