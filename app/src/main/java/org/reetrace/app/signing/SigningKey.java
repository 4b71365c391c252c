package org.reetrace.app.signing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One Ed25519 key of the regulator: its public half always, its private half when it can still sign (a retired key
 * read from a public key file cannot).
 */
public final class SigningKey {

    private static final int X509_PREFIX = 12; // the fixed SubjectPublicKeyInfo header before Ed25519's 32 bytes

    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final boolean current;
    private final byte[] raw;
    private final String keyId;

    SigningKey(PublicKey publicKey, PrivateKey privateKey, boolean current) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.current = current;
        byte[] encoded = publicKey.getEncoded();
        if (!"Ed25519".equals(publicKey.getAlgorithm()) && !"EdDSA".equals(publicKey.getAlgorithm())
                || encoded.length != X509_PREFIX + 32) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm());
        }
        this.raw = Arrays.copyOfRange(encoded, X509_PREFIX, encoded.length);
        this.keyId = "ed25519-" + HexFormat.of().formatHex(sha256(raw), 0, 8);
    }

    /** A short stable name of the key: {@code ed25519-} and the first 8 bytes of SHA-256 of the raw public key, in hex. */
    public String keyId() {
        return keyId;
    }

    /** Whether this is the key that signs now (else it is retired). */
    public boolean current() {
        return current;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The 32 bytes of the public key (RFC 8032), as note verifier keys, JWKs and multikeys carry it. */
    public byte[] rawPublicKey() {
        return raw.clone();
    }

    /** Whether the private half is at hand. */
    public boolean canSign() {
        return privateKey != null;
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        PrivateKey key = Optional.ofNullable(privateKey)
                .orElseThrow(() -> new IllegalStateException("the retired key " + keyId + " has no private half"));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return keyId + (current ? " (current)" : " (retired)");
    }
}
