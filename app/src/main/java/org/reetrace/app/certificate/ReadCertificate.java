package org.reetrace.app.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a certificate by its id, as anyone may: a buyer holds the id (or its QR code), and the certificate says
 * only what its holder chose to show the buyer. Its status says whether the regulator revoked it.
 */
@UseCase
public class ReadCertificate {

    /** A certificate as the public reads it: its status, the JWS as signed and what it says. */
    @Schema(name = "Certificate")
    public record CertificateView(String id, String url, String lot, String issuedAt, String keyId, String status,
                                  String revokedAt, String revocationReason, String jws,
                                  Passport.Credential credential) {
    }

    private final CertificateStore store;
    private final PublicUrls urls;
    private final JsonMapper json;

    public ReadCertificate(CertificateStore store, PublicUrls urls, JsonMapper json) {
        this.store = store;
        this.urls = urls;
        this.json = json;
    }

    public CertificateView read(String id) {
        CertificateStore.StoredCertificate c = store.find(id)
                .orElseThrow(() -> ProblemException.notFound("certificate", id));
        String payload = new String(Base64.getUrlDecoder().decode(c.jws().split("\\.")[1]), StandardCharsets.UTF_8);
        return new CertificateView(c.id(), urls.credential(c.id()), c.lot(), c.issuedAt().toString(), c.keyId(),
                c.revokedAt().isPresent() ? "REVOKED" : "VALID", c.revokedAt().map(Object::toString).orElse(null),
                c.revokedReason().orElse(null), c.jws(), json.readValue(payload, Passport.Credential.class));
    }
}
