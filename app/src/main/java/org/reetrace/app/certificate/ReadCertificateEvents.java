package org.reetrace.app.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.lot.TraceLot;

/**
 * The ledger events behind a certificate as UNTP Digital Traceability Events (schema 0.6.0), public: the events of its
 * lot's upstream trace in the books as they stood when it was issued (the lots' own events and the transformations
 * between them), each with its hash, which is its entry in the transparency log, its type and time; the certified lot
 * where the event names it; never other holders' lots, facilities or quantities.
 */
@UseCase
public class ReadCertificateEvents {

    public static final String DTE_CONTEXT = "https://test.uncefact.org/vocabulary/untp/dte/0.6.0/";

    @Schema(name = "TraceabilityEvents", description = "A UNTP Digital Traceability Event credential (unsigned view)")
    public record TraceabilityEvents(@JsonProperty("@context") List<String> context, List<String> type, String id,
                                     Passport.Issuer issuer, String validFrom, List<TraceabilityEvent> credentialSubject) {
    }

    /** One ledger event as an EPCIS-style event: a transformation, or an object event for everything else. */
    @JsonInclude(Include.NON_EMPTY)
    public record TraceabilityEvent(List<String> type, String id, String processType, String eventTime, String action,
                                    String bizStep, List<Item> epcList, List<Item> outputEPCList) {
    }

    public record Item(List<String> type, String id, String name) {
    }

    private final ReadCertificate certificates;
    private final CertificateStore store;
    private final LotQueries lots;

    public ReadCertificateEvents(ReadCertificate certificates, CertificateStore store, LotQueries lots) {
        this.certificates = certificates;
        this.store = store;
        this.lots = lots;
    }

    public TraceabilityEvents read(String id) {
        ReadCertificate.CertificateView view = certificates.read(id);
        Passport.Credential c = view.credential();
        Passport.Product product = c.credentialSubject().product();
        List<Item> lot = List.of(new Item(List.of("Item"), product.id(), product.name()));
        long head = store.find(id).orElseThrow().ledgerSeq();
        LotQueries.Trace trace = lots.trace(view.lot(), true, TraceLot.MAX_DEPTH);
        Set<Long> sequences = new TreeSet<>();
        trace.lots().forEach(l -> sequences.add(l.createdSeq()));
        trace.steps().forEach(s -> sequences.add(s.event().sequence()));
        c.credentialSubject().ledgerEvents().forEach(e -> sequences.add(e.sequence()));
        sequences.removeIf(seq -> seq > head);
        List<TraceabilityEvent> events = store.events(new ArrayList<>(sequences)).stream().map(e -> {
            boolean transform = e.type().equals("TRANSFORM");
            List<Item> items = e.lots().contains(view.lot()) ? lot : List.of();
            return new TraceabilityEvent(List.of(transform ? "TransformationEvent" : "ObjectEvent", "Event"),
                    "urn:reetrace:event:" + e.hash(), e.type(), e.time().toString(), transform || e.type().equals("EXTRACT")
                    ? "add" : "observe", bizStep(e.type()), transform ? List.of() : items,
                    transform ? items : List.of());
        }).toList();
        return new TraceabilityEvents(List.of(Passport.VC_CONTEXT, DTE_CONTEXT),
                List.of("DigitalTraceabilityEvent", "VerifiableCredential"), view.url() + "/events", c.issuer(),
                c.validFrom(), events);
    }

    /** The CBV business step closest to a ledger event type. */
    private static String bizStep(String type) {
        return switch (type) {
            case "EXTRACT" -> "commissioning";
            case "TRANSFORM" -> "transforming";
            case "SHIP", "EXPORT" -> "shipping";
            case "RECEIVE", "IMPORT" -> "receiving";
            case "ASSAY" -> "inspecting";
            case "DISPOSE" -> "destroying";
            default -> "other";
        };
    }
}
