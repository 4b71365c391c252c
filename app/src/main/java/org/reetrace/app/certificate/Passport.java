package org.reetrace.app.certificate;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A certificate of origin as a UNTP Digital Product Passport (schema 0.6.0, the newest published) in a W3C VC 2.0:
 * what the regulator signs. Members beyond UNTP's ({@code elementProvenance}, {@code ledgerEvents}, {@code evidence})
 * carry what a rare-earth buyer needs and UNTP has no term for.
 */
public final class Passport {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String DPP_CONTEXT = "https://test.uncefact.org/vocabulary/untp/dpp/0.6.0/";

    private Passport() {
    }

    @Schema(name = "CertificateCredential", description = "A UNTP Digital Product Passport as a W3C VC 2.0")
    @JsonInclude(Include.NON_EMPTY)
    public record Credential(@JsonProperty("@context") List<String> context, List<String> type, String id,
                             Issuer issuer, String validFrom, Subject credentialSubject,
                             List<StatusEntry> credentialStatus, List<Evidence> evidence) {
    }

    public record Issuer(List<String> type, String id, String name) {
    }

    /** The lot as a product passport. */
    @JsonInclude(Include.NON_EMPTY)
    public record Subject(List<String> type, String id, Product product, String granularityLevel,
                          List<Material> materialsProvenance, List<ElementProvenance> elementProvenance,
                          List<Claim> conformityClaim, List<Traceability> traceabilityInformation,
                          List<EventReference> ledgerEvents) {
    }

    /** The lot's own identity: id, form, mass, and who holds it. */
    @JsonInclude(Include.NON_NULL)
    public record Product(List<String> type, String id, String name, String batchNumber, String description,
                          Party producedByParty, String countryOfProduction, Measure netMass) {
    }

    public record Party(String id, String name) {
    }

    public record Measure(List<String> type, BigDecimal value, String unit) {

        static Measure kg(BigDecimal value) {
            return new Measure(List.of("Measure"), value, "KGM");
        }
    }

    /** One element from one origin country: its mass and its fraction of the lot's mass. */
    public record Material(List<String> type, String name, String symbol, String originCountry,
                           BigDecimal massFraction, Measure mass) {
    }

    /**
     * One element of the lot: its share by origin country, and by country and technology country at each processing
     * stage, in percent of the lot's mass of that element (ISO 22095 mass balance, proportional method).
     */
    public record ElementProvenance(String symbol, String name, BigDecimal massKg,
                                    List<CountryShare> origins, List<StageShare> stages) {
    }

    public record CountryShare(String country, BigDecimal sharePercent) {
    }

    public record StageShare(String stage, String country, String technologyCountry, BigDecimal sharePercent) {
    }

    /** A UNTP conformity claim: one rule of one pack, at one date, and its outcome. */
    @JsonInclude(Include.NON_NULL)
    public record Claim(List<String> type, String id, String description, Regulation referenceRegulation,
                        String assessmentDate, boolean conformance, String conformityTopic, String ruleId,
                        String pack, String packVersion, String assessedAt, String outcome) {
    }

    @JsonInclude(Include.NON_NULL)
    public record Regulation(List<String> type, String name, String jurisdictionCountry, Party administeredBy) {
    }

    public record Traceability(List<String> type, String valueChainProcess, BigDecimal verifiedRatio,
                               List<Link> traceabilityEvent) {
    }

    /** A UNTP secure link; the events it points to are derived from this credential, so it carries no digest. */
    public record Link(List<String> type, String linkURL, String linkName, String linkType) {
    }

    /**
     * A ledger event behind the certificate, by reference: its hash in the hash chain (and transparency log leaf),
     * its sequence, type and time; its id only if it concerns the certified lot itself.
     */
    @JsonInclude(Include.NON_NULL)
    public record EventReference(long sequence, String hash, String type, String time, String eventId) {
    }

    /** A Bitstring Status List entry: revoking the certificate sets its bit. */
    public record StatusEntry(String id, String type, String statusPurpose, String statusListIndex,
                              String statusListCredential) {
    }

    /**
     * That the lot's last event is in the regulator's transparency log: its leaf index, its entry (the event's ledger
     * hash, hex: the leaf is SHA-256(0x00 || those 32 bytes)), and the proof in C2SP tlog-proof text with the signed
     * checkpoint it leads to. The event's id is not given: it may name another holder's lot.
     */
    public record Evidence(List<String> type, long leafIndex, String eventHash, String proof) {
    }
}
