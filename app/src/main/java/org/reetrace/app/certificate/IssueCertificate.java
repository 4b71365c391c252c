package org.reetrace.app.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.lot.TraceSteps;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotStatus;
import org.springframework.http.HttpStatus;

/**
 * Issuing a certificate of origin for a lot (an oxide, an alloy, a magnet, an export): a UNTP Digital Product
 * Passport signed by the regulator's key, stating the lot's identity, where each element came from and which
 * countries processed it on whose technology, how it stands against the rules buyers ask about, and the ledger
 * events behind it. The lot's holder asks for its own lot; the regulator for any. A void lot has no certificate.
 */
@UseCase
public class IssueCertificate {

    /** A certificate just issued: where the public reads it, the compact JWS, and what it says. */
    @Schema(name = "IssuedCertificate")
    public record Issued(String id, String url, String lot, String issuedAt, String keyId, String jws,
                         Passport.Credential credential) {
    }

    private final LotQueries lots;
    private final TraceSteps steps;
    private final StoredRegistry registry;
    private final Conformity conformity;
    private final LogEvidence evidence;
    private final CertificateStore store;
    private final CredentialSigner signer;
    private final PublicUrls urls;
    private final CertificateSettings settings;
    private final Clock clock;

    public IssueCertificate(LotQueries lots, TraceSteps steps, StoredRegistry registry, Conformity conformity, LogEvidence evidence,
                            CertificateStore store, CredentialSigner signer, PublicUrls urls,
                            CertificateSettings settings, Clock clock) {
        this.lots = lots;
        this.steps = steps;
        this.registry = registry;
        this.conformity = conformity;
        this.evidence = evidence;
        this.store = store;
        this.signer = signer;
        this.urls = urls;
        this.settings = settings;
        this.clock = clock;
    }

    public Issued issue(Caller caller, String lotId) {
        LotQueries.StoredLot stored = lots.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot", lotId));
        Lot lot = stored.lot();
        caller.requireRegulatorOrOperator(lot.holder().value());
        if (lot.status() == LotStatus.VOID) {
            throw new ProblemException(HttpStatus.CONFLICT, "lot-void", "Lot is void",
                    "lot " + lotId + " is void: the event that booked it was reversed, so it has no origin to certify",
                    Map.of("lot", lotId, "lotStatus", lot.status().name()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = UUID.randomUUID().toString();
        String url = urls.credential(id);

        // the lot's own events; the trace behind them is served beside the certificate, as the books stand now
        long head = store.head();
        Set<Long> sequences = new TreeSet<>();
        steps.events(lotId).forEach(e -> sequences.add(e.sequence()));
        sequences.add(stored.updatedSeq());
        List<CertificateStore.LedgerEventRow> events = store.events(new ArrayList<>(sequences));
        List<Passport.EventReference> references = events.stream().map(e -> new Passport.EventReference(
                e.sequence(), e.hash(), e.type(), e.time().toString(), e.eventId())).toList();
        CertificateStore.LedgerEventRow last = events.stream().filter(e -> e.sequence() == stored.updatedSeq())
                .findFirst().orElseThrow();

        CertificateStore.StatusEntry entry = store.nextStatusEntry();
        String listUrl = urls.statusList(entry.list());
        Passport.Credential credential = new Passport.Credential(
                List.of(Passport.VC_CONTEXT, Passport.DPP_CONTEXT),
                List.of("DigitalProductPassport", "VerifiableCredential"), url,
                new Passport.Issuer(List.of("CredentialIssuer"), urls.did(), settings.issuerName()), now.toString(),
                new Passport.Subject(List.of("ProductPassport"), url + "#lot", product(lot),
                        "batch", Provenance.materials(lot), Provenance.elements(lot),
                        conformity.claims(caller, lotId),
                        List.of(new Passport.Traceability(List.of("TraceabilityPerformance"),
                                "mine to " + lot.form().name().toLowerCase().replace('_', ' '),
                                java.math.BigDecimal.ONE, List.of(new Passport.Link(List.of("SecureLink", "Link"),
                                url + "/events", "The ledger events behind this certificate (UNTP traceability events)",
                                "application/json")))),
                        references),
                List.of(new Passport.StatusEntry(listUrl + "#" + entry.index(), "BitstringStatusListEntry",
                        "revocation", Integer.toString(entry.index()), listUrl)),
                evidence.of(last).stream().toList());
        CredentialSigner.Signed signed = signer.sign(credential);
        store.insert(new CertificateStore.StoredCertificate(id, lotId, now, caller.name(), signed.keyId(),
                entry.list(), entry.index(), signed.jws(), head, java.util.Optional.empty(),
                java.util.Optional.empty()));
        return new Issued(id, url, lotId, now.toString(), signed.keyId(), signed.jws(), credential);
    }

    private Passport.Product product(Lot lot) {
        String holder = lot.holder().value();
        String holderName = registry.operator(lot.holder()).map(o -> o.name()).orElse(holder);
        String country = registry.facility(lot.facility()).map(f -> f.country().alpha2()).orElse(null);
        String form = lot.form().name().toLowerCase().replace('_', ' ');
        return new Passport.Product(List.of("Product"), "urn:reetrace:lot:" + lot.id().value(),
                form + " lot " + lot.id().value(), lot.id().value(),
                "Rare-earth " + form + ", " + Provenance.kg(lot.mass().mg()).toPlainString() + " kg, "
                        + lot.status().name().toLowerCase().replace('_', ' '),
                new Passport.Party("urn:reetrace:operator:" + holder, holderName), country,
                Passport.Measure.kg(Provenance.kg(lot.mass().mg())));
    }
}
