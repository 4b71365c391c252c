package org.reetrace.verifier.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hashes of RFC 9162 (section 2.1.1) with SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, a node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}.
 */
public final class Hashes {

    /** Bytes in a hash. */
    public static final int SIZE = 32;

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private Hashes() {
    }

    /** The hash of the leaf whose entry is {@code entry}. */
    public static byte[] leaf(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update(LEAF);
        sha.update(entry);
        return sha.digest();
    }

    /** The hash of the node whose children hash to {@code left} and {@code right}. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree. */
    public static byte[] empty() {
        return sha256().digest();
    }

    /**
     * The root of a perfect subtree from its {@code count} (a power of two) consecutive hashes at some height, read from
     * {@code hashes} (32 bytes each) starting at hash {@code from}: how the levels inside a tile are rebuilt.
     */
    public static byte[] perfectRoot(byte[] hashes, int from, int count) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("a perfect subtree has a power of two hashes, not " + count);
        }
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (from + i) * SIZE;
            level[i] = Arrays.copyOfRange(hashes, at, at + SIZE);
        }
        MessageDigest sha = sha256();
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                sha.update(NODE);
                sha.update(level[2 * i]);
                sha.update(level[2 * i + 1]);
                level[i] = sha.digest();
            }
        }
        return level[0];
    }

    /**
     * The Merkle tree hash (RFC 9162 2.1.1) of leaves given by their hashes, computed the way the RFC defines it: the
     * reference every faster computation is checked against.
     */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? empty() : root(leafHashes, 0, leafHashes.size());
    }

    private static byte[] root(List<byte[]> leafHashes, int from, int n) {
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return node(root(leafHashes, from, k), root(leafHashes, from + k, n - k));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
