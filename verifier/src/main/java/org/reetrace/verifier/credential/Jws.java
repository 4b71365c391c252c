package org.reetrace.verifier.credential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A compact JWS (RFC 7515) split into its parts: the protected header and the payload as JSON objects, the signing
 * input and the signature.
 */
public record Jws(Map<String, Object> header, Map<String, Object> payload, byte[] signingInput, byte[] signature) {

    /**
     * @throws IllegalArgumentException naming what is wrong if {@code compact} is not three base64url parts of which
     *                                  the first two are JSON objects
     */
    public static Jws parse(String compact) {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a compact JWS has three parts separated by '.', this has " + parts.length);
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        try {
            Map<String, Object> header = Json.object(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
            Map<String, Object> payload = Json.object(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new Jws(header, payload, input, b64.decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a compact JWS: " + e.getMessage());
        }
    }
}
