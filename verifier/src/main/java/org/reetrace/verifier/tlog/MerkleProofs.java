package org.reetrace.verifier.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162's Merkle proofs: inclusion of a leaf in a tree (section 2.1.3.2) and consistency of a tree
 * with a later one (section 2.1.4.2), following the RFC's algorithms step by step.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Whether {@code proof} shows that the leaf hashing to {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with root {@code root}. */
    public static Verdict verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || size <= 0 || index >= size) {
            return Verdict.fail("index " + index + " is not in a tree of size " + size);
        }
        Verdict shapes = shapes(proof, "inclusion proof").and(() -> size(leafHash, "leaf hash")).and(() -> size(root, "root"));
        if (!shapes.holds()) {
            return shapes;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return Verdict.fail("the inclusion proof is longer than a tree of size " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Verdict.fail("the inclusion proof is shorter than a tree of size " + size + " needs");
        }
        if (!MessageDigest.isEqual(r, root)) {
            return Verdict.fail("the inclusion proof of index " + index + " leads to another root than the tree of size "
                    + size + " has");
        }
        return Verdict.ok();
    }

    /** The root that an inclusion proof leads to, or null when its shape does not fit the index and size. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || !shapes(proof, "").holds() || !size(leafHash, "").holds()) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /**
     * Whether {@code proof} shows that the tree of {@code size1} leaves with root {@code root1} is the beginning of the
     * tree of {@code size2} leaves with root {@code root2}: that the log only grew.
     */
    public static Verdict verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (proof == null || root1 == null || root2 == null) {
            return Verdict.fail("no consistency proof or no roots");
        }
        if (size1 < 0 || size2 < size1) {
            return Verdict.fail("a tree of size " + size1 + " cannot be the beginning of one of size " + size2);
        }
        if (size1 == 0) {
            return Verdict.fail("the empty tree has no consistency proof: it begins every tree");
        }
        if (size1 == size2) {
            // the same tree: nothing to hash, the two roots are simply compared
            if (!proof.isEmpty()) {
                return Verdict.fail("two trees of the same size need an empty consistency proof");
            }
            return MessageDigest.isEqual(root1, root2) ? Verdict.ok()
                    : Verdict.fail("two trees of size " + size1 + " have different roots");
        }
        Verdict shapes = shapes(proof, "consistency proof").and(() -> size(root1, "first root"))
                .and(() -> size(root2, "second root"));
        if (!shapes.holds()) {
            return shapes;
        }
        if (proof.isEmpty()) {
            return Verdict.fail("the consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.addFirst(root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return Verdict.fail("the consistency proof is longer than trees of sizes " + size1 + " and " + size2
                        + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Verdict.fail("the consistency proof is shorter than trees of sizes " + size1 + " and " + size2
                    + " need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            return Verdict.fail("the consistency proof does not lead to the first root: the tree of size " + size1
                    + " is not the one proved");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            return Verdict.fail("the consistency proof does not lead to the second root: the tree of size " + size2
                    + " does not begin with the tree of size " + size1);
        }
        return Verdict.ok();
    }

    private static Verdict shapes(List<byte[]> proof, String what) {
        if (proof == null) {
            return Verdict.fail("no " + what);
        }
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i) == null || proof.get(i).length != Hashes.SIZE) {
                return Verdict.fail("hash " + i + " of the " + what + " is not " + Hashes.SIZE + " bytes");
            }
        }
        return Verdict.ok();
    }

    private static Verdict size(byte[] hash, String what) {
        return hash != null && hash.length == Hashes.SIZE ? Verdict.ok()
                : Verdict.fail("the " + what + " is not " + Hashes.SIZE + " bytes");
    }
}
