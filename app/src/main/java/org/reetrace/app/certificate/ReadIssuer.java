package org.reetrace.app.certificate;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.signing.SigningKey;
import org.reetrace.app.signing.SigningKeys;
import org.reetrace.verifier.credential.Ed25519;

/**
 * The regulator as an issuer: its {@code did:web} document, public, with every published key (the current one
 * first, then the retired ones, which stay valid for what they signed), each as a JsonWebKey2020 and as a Multikey.
 */
@UseCase
public class ReadIssuer {

    @Schema(name = "DidDocument", description = "A W3C DID document of did:web")
    public record DidDocument(@JsonProperty("@context") List<String> context, String id,
                              List<VerificationMethod> verificationMethod, List<String> assertionMethod,
                              List<String> authentication) {
    }

    @JsonInclude(Include.NON_NULL)
    public record VerificationMethod(String id, String type, String controller, Jwk publicKeyJwk,
                                     String publicKeyMultibase) {
    }

    /** An Ed25519 public key as a JWK (RFC 8037). */
    public record Jwk(String kty, String crv, String x, String kid) {
    }

    private final SigningKeys keys;
    private final PublicUrls urls;

    public ReadIssuer(SigningKeys keys, PublicUrls urls) {
        this.keys = keys;
        this.urls = urls;
    }

    public DidDocument document() {
        String did = urls.did();
        List<VerificationMethod> methods = new ArrayList<>();
        List<String> assertion = new ArrayList<>();
        for (SigningKey key : keys.published()) {
            byte[] raw = key.rawPublicKey();
            String jwkId = did + "#" + key.keyId();
            String multikeyId = jwkId + "-multikey";
            methods.add(new VerificationMethod(jwkId, "JsonWebKey2020", did, new Jwk("OKP", "Ed25519",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(raw), key.keyId()), null));
            methods.add(new VerificationMethod(multikeyId, "Multikey", did, null, Ed25519.toMultibase(raw)));
            assertion.add(jwkId);
            assertion.add(multikeyId);
        }
        return new DidDocument(List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1",
                "https://w3id.org/security/multikey/v1"), did, methods, assertion, List.of(assertion.getFirst()));
    }
}
