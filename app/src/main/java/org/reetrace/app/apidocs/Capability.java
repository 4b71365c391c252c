package org.reetrace.app.apidocs;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.Optional;

/** What the API offers, one tag each, in the order a reader meets them; an operation's is its controller's package. */
enum Capability {

    LEDGER("ledger", "Ledger", "Booking events into the hash-chained ledger, reading them back, verifying the whole chain."),
    LOTS("lot", "Lots", "A lot's form, composition, pedigree and trace, and the stock of a facility."),
    REGISTRY("registry", "Registry", "Operators and their shareholders, facilities, licences, zones, technology agreements,"
            + " and what the registry discloses to the public."),
    RULES("rules", "Rules", "Rule packs of each jurisdiction, export prechecks and assessments of lots against a pack."),
    ALERTS("alerts", "Alerts", "Alerts raised by FLAG rules and their life cycle: open, acknowledged, closed."),
    ANALYTICS("analytics", "Analytics", "Mass balances of facilities, mine signatures and mirror-trade checks."),
    TRANSPARENCY("transparency", "Transparency log", "The public log of every booked event (RFC 9162, C2SP tlog-tiles):"
            + " signed checkpoints, tiles, entry bundles, inclusion and consistency proofs, the log's keys."),
    CERTIFICATES("certificate", "Certificates", "Certificates of origin of lots, signed by the regulator (UNTP product"
            + " passports as W3C VC 2.0, vc+jwt): issuing them; reading them, the regulator's DID document and the status"
            + " lists without a token; the RMI smelter list of a supply."),
    TOKENS("security", "Tokens", "Bearer tokens: issuing, listing and revoking them."),
    EPCIS("epcis", "EPCIS", "The GS1 EPCIS 2.0 REST binding: capturing EPCIS documents and querying events and"
            + " vocabularies.");

    private static final String APP = "org.reetrace.app.";

    private final String module;
    private final String tag;
    private final String description;

    Capability(String module, String tag, String description) {
        this.module = module;
        this.tag = tag;
        this.description = description;
    }

    /** The capability of a controller in {@code org.reetrace.app.<module>} or a package below it. */
    static Optional<Capability> of(Class<?> controller) {
        String name = controller.getPackageName();
        return Arrays.stream(values())
                .filter(c -> name.equals(APP + c.module) || name.startsWith(APP + c.module + "."))
                .findFirst();
    }

    String tag() {
        return tag;
    }

    Tag asTag() {
        return new Tag().name(tag).description(description);
    }
}
