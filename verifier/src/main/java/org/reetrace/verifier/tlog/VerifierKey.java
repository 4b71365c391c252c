package org.reetrace.verifier.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An Ed25519 verifier key of C2SP signed notes, written {@code <name>+<hex key id>+base64(0x01 || public key)}. The key
 * id is the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}.
 *
 * @param name      the key's name (for a log, its origin)
 * @param keyId     the 32-bit key id
 * @param publicKey the 32-byte Ed25519 public key (RFC 8032)
 */
public record VerifierKey(String name, int keyId, byte[] publicKey) {

    private static final byte ED25519 = 0x01;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public VerifierKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key of that name and Ed25519 public key, with the id the spec derives. */
    public static VerifierKey of(String name, byte[] publicKey) {
        if (!SignedNote.validName(name) || publicKey.length != 32) {
            throw new IllegalArgumentException("a key needs a valid name and a 32-byte Ed25519 public key");
        }
        return new VerifierKey(name, keyId(name, publicKey), publicKey);
    }

    static int keyId(String name, byte[] publicKey) {
        MessageDigest sha = Hashes.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        sha.update(publicKey);
        return ByteBuffer.wrap(sha.digest()).getInt();
    }

    /** Reads a verifier key string. */
    public static Parsed<VerifierKey> parse(String vkey) {
        if (vkey == null) {
            return Parsed.fail("no verifier key");
        }
        // the key is standard base64, which may hold a '+' of its own: split at the first two only
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            return Parsed.fail("a verifier key has three parts joined by '+': name, key id, key");
        }
        String name = parts[0];
        if (!SignedNote.validName(name)) {
            return Parsed.fail("the verifier key's name is not valid");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            return Parsed.fail("the verifier key's id is not 8 lowercase hex digits");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Parsed.fail("the verifier key's key is not base64");
        }
        if (key.length != 33 || key[0] != ED25519) {
            return Parsed.fail("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        byte[] publicKey = Arrays.copyOfRange(key, 1, 33);
        int id = Integer.parseUnsignedInt(parts[1], 16);
        if (id != keyId(name, publicKey)) {
            return Parsed.fail("the verifier key's id does not match its name and key");
        }
        return Parsed.of(new VerifierKey(name, id, publicKey));
    }

    /** The key as a verifier key string. */
    public String encoded() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether this key signed the note (a signature under its name and id, which verifies). */
    public Verdict verify(SignedNote note) {
        return verify(note, List.of(this));
    }

    /**
     * Whether the note is signed by one of {@code keys} (for example a log's current and retired keys), as the spec
     * asks: signatures by other keys are ignored, a signature by a known key that does not verify fails the note, and
     * at least one must verify.
     */
    public static Verdict verify(SignedNote note, List<VerifierKey> keys) {
        int verified = 0;
        for (SignedNote.Signature signature : note.signatures()) {
            for (VerifierKey key : keys) {
                if (key.name.equals(signature.name()) && key.keyId == signature.keyId()) {
                    if (!key.verifies(note.signed(), signature.bytes())) {
                        return Verdict.fail("the signature of " + key.name + " (key " + String.format("%08x", key.keyId)
                                + ") does not verify: the note was changed or signed by another key");
                    }
                    verified++;
                }
            }
        }
        if (verified == 0) {
            return Verdict.fail("the note is not signed by a known key (" + keys.stream()
                    .map(k -> k.name + "+" + String.format("%08x", k.keyId)).toList() + ")");
        }
        return Verdict.ok();
    }

    /** Reads and verifies a note in one step. */
    public static Parsed<SignedNote> open(String note, List<VerifierKey> keys) {
        return SignedNote.parse(note).then(n -> {
            Verdict signed = verify(n, keys);
            return signed.holds() ? Parsed.of(n) : Parsed.fail(signed.failure());
        });
    }

    private boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            byte[] spki = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, spki, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && k.name.equals(name) && k.keyId == keyId && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    @Override
    public String toString() {
        return encoded();
    }
}
