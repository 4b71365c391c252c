package org.reetrace.app.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reetrace.app.signing.SigningKey;
import org.reetrace.app.signing.SigningKeys;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secures a credential as VC-JOSE-COSE prescribes: a compact JWS of the credential itself, {@code typ vc+jwt},
 * {@code alg EdDSA}, {@code kid} the verification method of the regulator's current key in its {@code did:web}
 * document.
 */
@Component
public class CredentialSigner {

    /** A compact JWS and the key that signed it. */
    public record Signed(String jws, String keyId) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final PublicUrls urls;
    private final JsonMapper json;

    public CredentialSigner(SigningKeys keys, PublicUrls urls, JsonMapper json) {
        this.keys = keys;
        this.urls = urls;
        this.json = json;
    }

    public Signed sign(Object credential) {
        SigningKey key = keys.current();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", verificationMethod(key));
        header.put("typ", "vc+jwt");
        header.put("cty", "vc");
        String input = B64.encodeToString(json.writeValueAsBytes(header)) + "."
                + B64.encodeToString(json.writeValueAsBytes(credential));
        return new Signed(input + "." + B64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII))),
                key.keyId());
    }

    /** The verification method naming {@code key} in the regulator's DID document. */
    public String verificationMethod(SigningKey key) {
        return urls.did() + "#" + key.keyId();
    }
}
