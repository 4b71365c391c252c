package org.reetrace.verifier.credential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** A test issuer: an Ed25519 key under a did:web, signing credentials and status lists as reetrace does. */
final class Issuer {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final String did;
    final KeyPair pair;
    final String keyId;

    Issuer(String host) {
        this.did = "did:web:" + host;
        try {
            this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.keyId = Ed25519.keyIdOf(Ed25519.raw(pair.getPublic()));
    }

    String kid() {
        return did + "#" + keyId;
    }

    String didDocument() {
        String x = B64.encodeToString(Ed25519.raw(pair.getPublic()));
        return """
                {"@context": ["https://www.w3.org/ns/did/v1"], "id": "%1$s",
                 "verificationMethod": [{"id": "%2$s", "type": "JsonWebKey2020", "controller": "%1$s",
                   "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": "%3$s"}}],
                 "assertionMethod": ["%2$s"]}""".formatted(did, kid(), x);
    }

    String credential(String validFrom, String validUntil, int statusIndex) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "id": "https://%1$s/credentials/c1", "issuer": {"id": "%2$s", "name": "Regulator"},
                 "validFrom": "%3$s"%4$s,
                 "credentialSubject": {"id": "urn:reetrace:lot:MAG-1", "product": {"batchNumber": "MAG-1"}},
                 "credentialStatus": [{"id": "https://%1$s/credentials/status/1#%5$d",
                   "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                   "statusListIndex": "%5$d", "statusListCredential": "https://%1$s/credentials/status/1"}]}"""
                .formatted(host(), did, validFrom, validUntil == null ? "" : ", \"validUntil\": \"" + validUntil + "\"",
                        statusIndex);
    }

    static final String ORIGIN = "reetrace.example.gov.my/reetrace/log";

    /** A checkpoint of {@code ORIGIN} over these leaf hashes, signed by this issuer's key. */
    String checkpoint(long size, byte[] root) {
        String text = ORIGIN + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        org.reetrace.verifier.tlog.VerifierKey key = org.reetrace.verifier.tlog.VerifierKey.of(ORIGIN,
                Ed25519.raw(pair.getPublic()));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return new org.reetrace.verifier.tlog.SignedNote(text, java.util.List.of(
                    new org.reetrace.verifier.tlog.SignedNote.Signature(ORIGIN, key.keyId(), s.sign()))).encoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The credential with its ledger event and the evidence of its inclusion as {@code proof} (tlog-proof text). */
    String credentialWithProof(String eventHash, long leafIndex, String proof) {
        String vc = credential("2026-12-01T00:00:00Z", null, 17).replace("\"product\": {\"batchNumber\": \"MAG-1\"}}",
                "\"product\": {\"batchNumber\": \"MAG-1\"}, \"ledgerEvents\": [{\"sequence\": " + (leafIndex + 1)
                        + ", \"hash\": \"" + eventHash + "\", \"type\": \"EXPORT\"}]}");
        return vc.substring(0, vc.length() - 1) + ", \"evidence\": [{\"type\": [\"TransparencyLogInclusion\"],"
                + " \"leafIndex\": " + leafIndex + ", \"eventHash\": \"" + eventHash + "\", \"proof\": " + quoted(proof)
                + "}]}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    String statusList(int... revoked) {
        byte[] bits = new byte[16384];
        for (int i : revoked) {
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sign("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "https://%1$s/credentials/status/1",
                 "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": "%2$s",
                 "credentialSubject": {"id": "https://%1$s/credentials/status/1#list", "type": "BitstringStatusList",
                   "statusPurpose": "revocation", "encodedList": "u%3$s"}}"""
                .formatted(host(), did, B64.encodeToString(out.toByteArray())));
    }

    String host() {
        return did.substring("did:web:".length()).replace("%3A", ":");
    }

    String sign(String payload) {
        return sign("{\"alg\":\"EdDSA\",\"kid\":\"" + kid() + "\",\"typ\":\"vc+jwt\"}", payload);
    }

    String sign(String header, String payload) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
