package org.reetrace.verifier.credential;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 public keys as JWKs, multikeys and PEM carry them, and the JDK's signature check. */
public final class Ed25519 {

    /** The SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410), before its 32 bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** The multicodec prefix of an Ed25519 public key in a multikey. */
    private static final byte[] MULTICODEC = {(byte) 0xed, 0x01};
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private Ed25519() {
    }

    /** The key of 32 raw bytes (RFC 8032). */
    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        return fromSpki(spki);
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    /** A PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it. */
    public static PublicKey fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return fromSpki(Base64.getDecoder().decode(body));
    }

    /** The PEM {@code PUBLIC KEY} of this key. */
    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A multikey's {@code publicKeyMultibase}: {@code z}, base58btc of 0xed 0x01 and the 32 bytes. */
    public static String toMultibase(byte[] raw) {
        byte[] bytes = new byte[34];
        System.arraycopy(MULTICODEC, 0, bytes, 0, 2);
        System.arraycopy(raw, 0, bytes, 2, 32);
        return "z" + base58(bytes);
    }

    /** The 32 bytes of a multikey's {@code publicKeyMultibase}. */
    public static byte[] fromMultibase(String multibase) {
        if (!multibase.startsWith("z")) {
            throw new IllegalArgumentException("a multikey of Ed25519 is base58btc ('z...')");
        }
        byte[] bytes = unbase58(multibase.substring(1));
        if (bytes.length != 34 || bytes[0] != MULTICODEC[0] || bytes[1] != MULTICODEC[1]) {
            throw new IllegalArgumentException("not an Ed25519 multikey");
        }
        return Arrays.copyOfRange(bytes, 2, 34);
    }

    /**
     * reetrace's name of a key, the fragment of its verification method and the JWS {@code kid}: {@code ed25519-} and
     * the first 8 bytes of SHA-256 of the 32 raw bytes, in hex.
     */
    public static String keyIdOf(byte[] raw) {
        return "ed25519-" + HexFormat.of().formatHex(IssuerKeys.sha256(raw), 0, 8);
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}; false for any malformed part. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static PublicKey fromSpki(byte[] spki) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            raw(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage());
        }
    }

    static String base58(byte[] bytes) {
        java.math.BigInteger n = new java.math.BigInteger(1, bytes);
        StringBuilder b = new StringBuilder();
        java.math.BigInteger base = java.math.BigInteger.valueOf(58);
        while (n.signum() > 0) {
            java.math.BigInteger[] qr = n.divideAndRemainder(base);
            b.append(BASE58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            b.append('1');
        }
        return b.reverse().toString();
    }

    static byte[] unbase58(String text) {
        java.math.BigInteger n = java.math.BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            int d = BASE58.indexOf(c);
            if (d < 0) {
                throw new IllegalArgumentException("not base58: '" + c + "'");
            }
            n = n.multiply(java.math.BigInteger.valueOf(58)).add(java.math.BigInteger.valueOf(d));
        }
        byte[] magnitude = n.toByteArray();
        int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return n.signum() == 0 ? new byte[zeros] : out;
    }
}
