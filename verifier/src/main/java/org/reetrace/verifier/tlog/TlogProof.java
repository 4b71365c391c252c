package org.reetrace.verifier.tlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A proof that an entry is in a log, verifiable offline (c2sp.org/tlog-proof@v1): the entry's index, its inclusion
 * proof, and the signed checkpoint of the tree it is proved in.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * [extra base64]
 * index 73894
 * base64 hash, one per line, from the leaf's sibling up
 *
 * the checkpoint, a signed note, verbatim
 * </pre>
 *
 * @param extra      opaque extra data, unauthenticated; null when absent
 * @param index      the entry's index, from 0
 * @param proof      the inclusion proof
 * @param checkpoint the signed checkpoint, as published
 */
public record TlogProof(byte[] extra, long index, List<byte[]> proof, String checkpoint) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        extra = extra == null ? null : extra.clone();
        proof = proof.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    @Override
    public List<byte[]> proof() {
        return proof.stream().map(byte[]::clone).toList();
    }

    /** The proof's text. */
    public String encoded() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            text.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        text.append("index ").append(index).append('\n');
        proof.forEach(h -> text.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return text.append('\n').append(checkpoint).toString();
    }

    /** Reads a proof's text. */
    public static Parsed<TlogProof> parse(String text) {
        if (text == null) {
            return Parsed.fail("no proof");
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            return Parsed.fail("the proof has no blank line before its checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            return Parsed.fail("the proof does not start with " + HEADER);
        }
        int at = 1;
        byte[] extra = null;
        if (at < lines.length && lines[at].startsWith("extra ")) {
            try {
                extra = Base64.getDecoder().decode(lines[at].substring("extra ".length()));
            } catch (IllegalArgumentException e) {
                return Parsed.fail("the proof's extra data is not base64");
            }
            at++;
        }
        if (at >= lines.length || !lines[at].matches("index (0|[1-9][0-9]{0,18})")) {
            return Parsed.fail("the proof has no line 'index N' (N a decimal number without leading zeroes)");
        }
        long index;
        try {
            index = Long.parseLong(lines[at].substring("index ".length()));
        } catch (NumberFormatException e) {
            return Parsed.fail("the proof's index is too large");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = at + 1; i < lines.length; i++) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(lines[i]);
            } catch (IllegalArgumentException e) {
                return Parsed.fail("line " + (i + 1) + " of the proof is not a base64 hash");
            }
            if (hash.length != Hashes.SIZE) {
                return Parsed.fail("line " + (i + 1) + " of the proof is not a " + Hashes.SIZE + "-byte hash");
            }
            hashes.add(hash);
        }
        return Parsed.of(new TlogProof(extra, index, hashes, text.substring(blank + 2)));
    }

    /**
     * Whether the entry whose leaf hash is {@code leafHash} is in the log {@code origin}: the checkpoint is signed by
     * one of {@code keys} and is from that log, and the inclusion proof binds the leaf at the proof's index to the
     * checkpoint's root.
     */
    public Verdict verify(byte[] leafHash, String origin, List<VerifierKey> keys) {
        Parsed<Checkpoint> checkpoint = Checkpoint.open(this.checkpoint, origin, keys);
        if (!checkpoint.ok()) {
            return checkpoint.verdict();
        }
        Checkpoint c = checkpoint.get();
        return MerkleProofs.verifyInclusion(index, c.size(), leafHash, proof, c.root());
    }

    /** Reads a proof's text and verifies it (see {@link #verify}). */
    public static Verdict verify(String text, byte[] leafHash, String origin, List<VerifierKey> keys) {
        Parsed<TlogProof> proof = parse(text);
        return proof.ok() ? proof.get().verify(leafHash, origin, keys) : proof.verdict();
    }
}
