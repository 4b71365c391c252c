package org.reetrace.app.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone reads without a token to check a certificate: the regulator's DID document, the status lists, and
 * each certificate (signed, as JSON, as a printable page with its QR code, and the events behind it).
 */
@RestController
public class PublicCredentialController {

    /** VC-JOSE-COSE's media type of a VC secured as a JWS. */
    public static final String VC_JWT = "application/vc+jwt";

    private final ReadIssuer issuer;
    private final ReadCertificate certificates;
    private final ReadCertificateEvents events;
    private final ReadStatusList statusLists;

    public PublicCredentialController(ReadIssuer issuer, ReadCertificate certificates, ReadCertificateEvents events,
                                      ReadStatusList statusLists) {
        this.issuer = issuer;
        this.certificates = certificates;
        this.events = events;
        this.statusLists = statusLists;
    }

    @Operation(summary = "The regulator's DID document",
            description = "did:web of this server: every published Ed25519 key (the current one, then retired ones that"
                    + " stay valid for what they signed), each as JsonWebKey2020 and as Multikey. Public.")
    @GetMapping(value = "/.well-known/did.json", produces = {MediaType.APPLICATION_JSON_VALUE, "application/did+json"})
    public ReadIssuer.DidDocument did() {
        return issuer.document();
    }

    @Operation(summary = "A status list",
            description = "A W3C Bitstring Status List credential, signed (application/vc+jwt): bit i set means the"
                    + " certificate holding entry i of this list is revoked. Public, never cached.")
    @GetMapping(value = "/credentials/status/{list}", produces = VC_JWT)
    public ResponseEntity<String> statusList(@Parameter(description = "The list's number, from 1") @PathVariable String list) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType(VC_JWT))
                .body(statusLists.read(list));
    }

    @Operation(summary = "Read a certificate",
            description = "Its status (VALID or REVOKED, with when and why), the compact JWS as signed, and what it says."
                    + " Public: a buyer holds the id. Ask for application/vc+jwt for the JWS alone, text/html for the"
                    + " printable page.")
    @GetMapping(value = "/credentials/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReadCertificate.CertificateView certificate(@Parameter(description = "The certificate's id") @PathVariable String id) {
        return certificates.read(id);
    }

    @Operation(summary = "Read a certificate as signed", description = "The compact JWS (application/vc+jwt). Public.")
    @GetMapping(value = "/credentials/{id}", produces = VC_JWT)
    public ResponseEntity<String> signed(@Parameter(description = "The certificate's id") @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(VC_JWT)).body(certificates.read(id).jws());
    }

    @Operation(summary = "A certificate's printable page",
            description = "What it says in plain words, its status, and a QR code of its public URL. Public.")
    @GetMapping(value = "/credentials/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@Parameter(description = "The certificate's id") @PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(CertificatePage.html(certificates.read(id)));
    }

    @Operation(summary = "A certificate's QR code", description = "An SVG image of the QR code of its public URL. Public.")
    @GetMapping(value = "/credentials/{id}/qr.svg", produces = "image/svg+xml")
    public ResponseEntity<String> qr(@Parameter(description = "The certificate's id") @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(CertificatePage.qrSvg(certificates.read(id).url()));
    }

    @Operation(summary = "The events behind a certificate",
            description = "Its ledger events as UNTP Digital Traceability Events: each event's hash, type and time, and the"
                    + " certified lot where the event names it. Public.")
    @GetMapping(value = "/credentials/{id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReadCertificateEvents.TraceabilityEvents events(@Parameter(description = "The certificate's id")
                                                           @PathVariable String id) {
        return events.read(id);
    }
}
