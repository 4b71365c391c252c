package org.reetrace.app.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a certificate by its id, as anyone may: a buyer holds the id (or its QR code), and the certificate says
 * only what a buyer may see. Its status says whether it was revoked. A lot's certificates are listed for its holder
 * and the regulator.
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
    private final LotQueries lots;
    private final PublicUrls urls;
    private final JsonMapper json;

    public ReadCertificate(CertificateStore store, LotQueries lots, PublicUrls urls, JsonMapper json) {
        this.store = store;
        this.lots = lots;
        this.urls = urls;
        this.json = json;
    }

    public CertificateView read(String id) {
        return view(store.find(id).orElseThrow(() -> ProblemException.notFound("certificate", id)));
    }

    /** A lot's certificates, oldest first, for its holder and the regulator. */
    public List<CertificateView> ofLot(Caller caller, String lot) {
        LotQueries.StoredLot stored = lots.lot(lot).orElseThrow(() -> ProblemException.notFound("lot", lot));
        caller.requireRegulatorOrOperator(stored.lot().holder().value());
        return store.forLot(lot).stream().map(this::view).toList();
    }

    private CertificateView view(CertificateStore.StoredCertificate c) {
        String payload = new String(Base64.getUrlDecoder().decode(c.jws().split("\\.")[1]), StandardCharsets.UTF_8);
        return new CertificateView(c.id(), urls.credential(c.id()), c.lot(), c.issuedAt().toString(), c.keyId(),
                c.revokedAt().isPresent() ? "REVOKED" : "VALID", c.revokedAt().map(Object::toString).orElse(null),
                c.revokedReason().orElse(null), c.jws(), json.readValue(payload, Passport.Credential.class));
    }
}
