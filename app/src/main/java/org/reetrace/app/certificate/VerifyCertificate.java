package org.reetrace.app.certificate;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.UseCase;
import org.reetrace.app.transparency.ReadLog;
import org.reetrace.app.web.ProblemException;
import org.reetrace.verifier.credential.Check;
import org.reetrace.verifier.credential.CredentialVerifier;
import org.reetrace.verifier.credential.Fetcher;
import org.reetrace.verifier.credential.IssuerKeys;
import org.reetrace.verifier.credential.Verdict;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checking a certificate for a person who holds one, as anyone may: the file, or the address its QR code gives. The
 * same verifier a buyer embeds ({@code org.reetrace.verifier}) checks it against this register's own published
 * material, read here rather than over the network: the regulator's DID document, the status list and the log's
 * latest checkpoint. A certificate of another register is not fetched: that is for the buyer's own verifier.
 */
@UseCase
public class VerifyCertificate {

    /** What was checked and found, in the verifier's order. */
    public record Verification(boolean valid, boolean complete, String lot, String issuer, String issuedAt,
                               String certificateUrl, List<CheckLine> checks) {
    }

    /** One aspect: what it is, PASSED, FAILED or NOT_CHECKED, the verifier's code and what it says. */
    public record CheckLine(String aspect, String result, String code, String detail) {
    }

    private final ReadCertificate certificates;
    private final ReadIssuer issuer;
    private final ReadStatusList statusLists;
    private final ReadLog log;
    private final PublicUrls urls;
    private final JsonMapper json;

    public VerifyCertificate(ReadCertificate certificates, ReadIssuer issuer, ReadStatusList statusLists, ReadLog log,
                             PublicUrls urls, JsonMapper json) {
        this.certificates = certificates;
        this.issuer = issuer;
        this.statusLists = statusLists;
        this.log = log;
        this.urls = urls;
        this.json = json;
    }

    /** A certificate as its file holds it: the compact JWS, whitespace around it ignored. */
    public Verification verify(String certificate) {
        String jws = certificate == null ? "" : certificate.strip();
        CredentialVerifier.Options options = CredentialVerifier.Options.usingNetwork()
                .withKeys(IssuerKeys.didDocument(json.writeValueAsString(issuer.document()), urls.did()))
                .withCheckpoint(log.checkpoint().note());
        Verdict verdict = new CredentialVerifier(ownMaterial()).verify(jws, options);
        Map<String, Object> vc = verdict.credential().orElse(Map.of());
        String lot = text(vc, "credentialSubject", "product", "batchNumber");
        return new Verification(verdict.valid(), verdict.complete(), lot, text(vc, "issuer", "name"),
                text(vc, "validFrom"), text(vc, "id"), verdict.checks().stream().map(VerifyCertificate::line).toList());
    }

    /** The certificate at the address of its QR code, which must be one of this register's. */
    public Verification verifyAt(String address) {
        String prefix = urls.credential("");
        String given = address == null ? "" : address.strip();
        if (!given.startsWith(prefix) || given.length() == prefix.length()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not-this-register", "Not this register's",
                    "'" + given + "' is not the address of a certificate of this register (" + prefix
                            + "...): check another issuer's certificate with its file and reetrace certificate verify",
                    Map.of("errors", List.of(Map.of("field", "url", "reason", "not an address under " + prefix))));
        }
        String id = given.substring(prefix.length()).replaceAll("[/?#].*$", "");
        return verify(certificates.read(id).jws());
    }

    /** This register's DID document and status lists, as the verifier would fetch them; nothing else. */
    private Fetcher ownMaterial() {
        URI did = IssuerKeys.didWebUrl(urls.did());
        String lists = urls.statusList(1).replaceAll("1$", "");
        return uri -> {
            if (uri.equals(did)) {
                return json.writeValueAsString(issuer.document());
            }
            String u = uri.toString();
            if (u.startsWith(lists) && u.substring(lists.length()).matches("[0-9]{1,9}")) {
                try {
                    return statusLists.read(u.substring(lists.length()));
                } catch (ProblemException e) {
                    throw new IOException(u + ": " + e.detail());
                }
            }
            throw new IOException(u + " is not this register's: it is not read");
        };
    }

    private static CheckLine line(Check c) {
        return new CheckLine(c.aspect().name(), c.result().name(), c.code(), c.detail());
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> map, String... path) {
        Object at = map;
        for (String key : path) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = ((Map<String, Object>) m).get(key);
        }
        return at instanceof String s ? s : Optional.ofNullable(at).map(Object::toString).orElse(null);
    }
}
