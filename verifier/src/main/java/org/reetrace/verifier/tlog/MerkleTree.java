package org.reetrace.verifier.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree (RFC 9162) read from the hashes of its perfect subtrees: its root at any size and the proofs of
 * sections 2.1.3.1 and 2.1.4.1, for a log or a mirror that keeps those hashes (as tiles do) rather than every node.
 */
public final class MerkleTree {

    /**
     * The hash of a perfect subtree: the one of height {@code height} (2<sup>height</sup> leaves) that is the
     * {@code index}-th from the left, covering leaves {@code index << height} to {@code (index + 1) << height}.
     */
    @FunctionalInterface
    public interface Nodes {
        byte[] hash(int height, long index);
    }

    private final Nodes nodes;

    public MerkleTree(Nodes nodes) {
        this.nodes = nodes;
    }

    /** The root of the tree's first {@code size} leaves. */
    public byte[] root(long size) {
        return size == 0 ? Hashes.empty() : hash(0, size);
    }

    /** The inclusion proof (audit path) of leaf {@code index} in the tree of {@code size} leaves, from the leaf's sibling up. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** The consistency proof from the tree of {@code size1} leaves to the tree of {@code size2}. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, proof);
        return proof;
    }

    private void path(long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, k, out);
            out.add(hash(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, out);
            out.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean whole, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(hash(start, n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, k, whole, out);
            out.add(hash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, out);
            out.add(hash(start, k));
        }
    }

    /** MTH(D[start:start+n]); {@code start} is always a multiple of the largest power of two below {@code n}. */
    private byte[] hash(long start, long n) {
        if (Long.bitCount(n) == 1) {
            int height = Long.numberOfTrailingZeros(n);
            return nodes.hash(height, start >>> height);
        }
        long k = Long.highestOneBit(n - 1);
        return Hashes.node(hash(start, k), hash(start + k, n - k));
    }
}
