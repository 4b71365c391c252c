package org.reetrace.epcis.profile;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.element.Element;
import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.EventType;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.Location;

/**
 * The reetrace rare-earth profile of EPCIS 2.0, version 1 (docs/epcis-profile.md says it in prose): the names,
 * identifiers and vocabulary both directions of the mapping share. Standard EPCIS and CBV fields carry whatever
 * they can; the rest lives in the one namespace {@link #NAMESPACE}, prefix {@code ree}.
 */
public final class RareEarthProfile {
    /** The profile's extension namespace; the "1" is the profile version, bumped on incompatible change. */
    public static final String NAMESPACE = "https://reetrace.org/epcis/profile/1#";
    public static final String PREFIX = "ree";

    /** Private URN prefixes for operators without GS1 keys; any other URI is used whole as the id. */
    public static final String LOT_URN = "urn:reetrace:lot:";
    public static final String FACILITY_URN = "urn:reetrace:facility:";
    public static final String PARTY_URN = "urn:reetrace:party:";
    public static final String CUSTOMS_URN = "urn:reetrace:customs:";
    public static final String PERMIT_URN = "urn:reetrace:permit:";

    /** Business transaction types for what CBV's BTT vocabulary has no word for. */
    public static final String BTT_CUSTOMS_DECLARATION = NAMESPACE + "customsDeclaration";
    public static final String BTT_PERMIT = NAMESPACE + "permit";

    /** GS1 Web vocabulary measurement types (the JSON-LD context expands the bare words to these). */
    public static final String MEASUREMENT_MASS = "https://gs1.org/voc/Mass";
    public static final String MEASUREMENT_RADIOACTIVITY = "https://gs1.org/voc/Radioactivity";
    /** UN/CEFACT Rec. 20: milligram, kilogram, becquerel per kilogram. */
    public static final String UOM_MILLIGRAM = "MGM";
    public static final String UOM_KILOGRAM = "KGM";
    public static final String UOM_BECQUEREL_PER_KG = "A18";

    // Extension local names, in one place so reader, writer and document cannot drift apart.
    static final String LEDGER_EVENT = "ledgerEvent";
    static final String LOT = "lot";
    static final String EPC_CLASS = "epcClass";
    static final String MATERIAL_FORM = "materialForm";
    static final String COMPOSITION = "composition";
    static final String PROCESS = "process";
    static final String DECLARED_LOSS = "declaredLoss";
    static final String HS_CODE = "hsCode";
    static final String COUNTERPARTY_COUNTRY = "counterpartyCountry";
    static final String ORIGIN_COUNTRY = "originCountry";
    static final String SUPPLIER = "supplier";
    static final String UPSTREAM_STAGE = "upstreamStage";
    static final String STAGE_KIND = "kind";
    static final String STAGE_COUNTRY = "country";
    static final String STAGE_TECHNOLOGY_COUNTRY = "technologyCountry";
    static final String ADJUSTMENT_REASON = "adjustmentReason";
    /** On an error declaration: the ledger id of the reversal, and its reason in words (the CBV reason is a code). */
    static final String REVERSAL = "reversal";
    static final String REVERSAL_REASON = "reversalReason";

    /**
     * Chemical substances as the assay's sensor reports name them: the element's CAS registry number as an
     * identifiers.org URI, which the CBV names as one way to write {@code chemicalSubstance}.
     */
    private static final Map<Element, String> CAS = new EnumMap<>(Map.ofEntries(
            Map.entry(Element.Sc, "7440-20-2"), Map.entry(Element.Y, "7440-65-5"),
            Map.entry(Element.La, "7439-91-0"), Map.entry(Element.Ce, "7440-45-1"),
            Map.entry(Element.Pr, "7440-10-0"), Map.entry(Element.Nd, "7440-00-8"),
            Map.entry(Element.Pm, "7440-12-2"), Map.entry(Element.Sm, "7440-19-9"),
            Map.entry(Element.Eu, "7440-53-1"), Map.entry(Element.Gd, "7440-54-2"),
            Map.entry(Element.Tb, "7440-27-9"), Map.entry(Element.Dy, "7429-91-6"),
            Map.entry(Element.Ho, "7440-60-0"), Map.entry(Element.Er, "7440-52-0"),
            Map.entry(Element.Tm, "7440-30-4"), Map.entry(Element.Yb, "7440-64-4"),
            Map.entry(Element.Lu, "7439-94-3"), Map.entry(Element.Th, "7440-29-1"),
            Map.entry(Element.U, "7440-61-1")));
    private static final String CAS_URI = "https://identifiers.org/cas:";

    private RareEarthProfile() {
    }

    /** The CBV business step each ledger event is written with; the reader insists on it. */
    public static String bizStep(EventType type) {
        String word = switch (type) {
            case EXTRACT, TRANSFORM -> "commissioning";
            case ASSAY -> "inspecting";
            case SHIP, EXPORT -> "shipping";
            case RECEIVE, IMPORT -> "receiving";
            case DISPOSE -> "destroying";
            case ADJUST -> "stock_taking";
            // an error declaration repeats the original event, business step included; written alone, it has none
            case REVERSE -> null;
        };
        return word == null ? null : Cbv.BIZ_STEP.canonical(word);
    }

    /**
     * The ledger id of the reversal an error declaration of {@code eventID} books, when the declaration does not
     * name one ({@code ree:reversal}): derived from the original's id, so that capturing the same declaration again
     * is idempotent.
     */
    public static String reversalId(String eventID) {
        String id = eventID + "#reversal";
        return id.length() <= 128 ? id
                : "urn:reetrace:reversal:" + CanonicalForm.sha256Hex(eventID).substring(0, 40);
    }

    /** The EPCIS lot class URI of a lot: its own id when that is a URI already, else the private URN. */
    public static String lotClass(LotId lot) {
        return lot.value().contains(":") ? lot.value() : LOT_URN + lot.value();
    }

    /** The lot a class URI names: the private URN's suffix, or the whole URI (an LGTIN, a Digital Link). */
    public static LotId lotOf(String epcClass) {
        return LotId.of(epcClass.startsWith(LOT_URN) ? epcClass.substring(LOT_URN.length()) : epcClass);
    }

    public static String facilityUri(FacilityId facility) {
        return facility.value().contains(":") ? facility.value() : FACILITY_URN + facility.value();
    }

    public static FacilityId facilityOf(String uri) {
        return FacilityId.of(uri.startsWith(FACILITY_URN) ? uri.substring(FACILITY_URN.length()) : uri);
    }

    /**
     * The facility an event happened at, for any EPCIS event: its business location, else its read point
     * (a {@code geo:} read point names a position, not a facility). Empty when neither names one, or the URI
     * is too long to be an identifier.
     */
    public static Optional<FacilityId> facilityOf(EpcisEvent event) {
        for (Location l : new Location[] {event.bizLocation(), event.readPoint()}) {
            if (l != null && !l.id().startsWith("geo:")) {
                try {
                    return Optional.of(facilityOf(l.id()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The ledger event an EPCIS event declares itself to be, or empty if it does not follow the profile. A
     * declaration that is not one plain text (an object, a list, empty) is declared as written, for the reader to
     * refuse: it is never taken as "not profiled".
     */
    public static Optional<String> declaredLedgerEvent(EpcisEvent event) {
        List<Extension> declared = event.extensions().stream().filter(x -> is(x, LEDGER_EVENT)).toList();
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Extension first = declared.getFirst();
        return Optional.of(declared.size() == 1 && first.value() != null && first.children().isEmpty()
                ? first.value() : "");
    }

    public static String substance(Element e) {
        return CAS_URI + CAS.get(e);
    }

    public static Optional<Element> elementOfSubstance(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String cas = uri.toLowerCase(java.util.Locale.ROOT).startsWith(CAS_URI) ? uri.substring(CAS_URI.length()) : null;
        return CAS.entrySet().stream().filter(en -> en.getValue().equals(cas)).map(Map.Entry::getKey).findFirst();
    }

    public static String partyUri(String name) {
        return PARTY_URN + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    static String decode(String prefix, String uri) {
        if (uri == null || !uri.startsWith(prefix)) {
            return null;
        }
        return URLDecoder.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8);
    }

    static String encode(String prefix, String value) {
        return prefix + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static boolean is(Extension x, String localName) {
        return NAMESPACE.equals(x.namespace()) && localName.equals(x.localName());
    }
}
