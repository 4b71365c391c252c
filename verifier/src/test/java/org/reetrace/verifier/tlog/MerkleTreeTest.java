package org.reetrace.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /** The eight leaves of the RFC 6962 reference tests, whose root at size 8 is well known. */
    private static final List<byte[]> REFERENCE_LEAVES = List.of(new byte[0], hex("00"), hex("10"), hex("2021"),
            hex("3031"), hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    @Test
    void theReferenceTreeHasItsPublishedRoot() {
        List<byte[]> leaves = REFERENCE_LEAVES.stream().map(Hashes::leaf).toList();
        assertThat(HexFormat.of().formatHex(Hashes.root(leaves)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        assertThat(HexFormat.of().formatHex(Hashes.empty()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void proofsFromPerfectSubtreesVerifyAndMatchTheDefinitionAtEverySize() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(Hashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree tree = new MerkleTree((height, index) -> Hashes.root(
                leaves.subList((int) (index << height), (int) ((index + 1) << height))));
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = Hashes.root(leaves.subList(0, size));
            assertThat(tree.root(size)).isEqualTo(root);
            for (int index = 0; index < size; index++) {
                Verdict verdict = MerkleProofs.verifyInclusion(index, size, leaves.get(index),
                        tree.inclusionProof(index, size), root);
                assertThat(verdict.holds()).as(index + " in " + size + ": " + verdict).isTrue();
            }
            for (int earlier = 1; earlier <= size; earlier++) {
                Verdict verdict = MerkleProofs.verifyConsistency(earlier, size, tree.consistencyProof(earlier, size),
                        Hashes.root(leaves.subList(0, earlier)), root);
                assertThat(verdict.holds()).as(earlier + " to " + size + ": " + verdict).isTrue();
            }
        }
    }

    @Test
    void aProofFailsForAnotherLeafAnotherTreeOrAChangedHash() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            leaves.add(Hashes.leaf(new byte[] {(byte) i}));
        }
        MerkleTree tree = new MerkleTree((height, index) -> Hashes.root(
                leaves.subList((int) (index << height), (int) ((index + 1) << height))));
        List<byte[]> proof = tree.inclusionProof(5, 13);
        byte[] root = tree.root(13);

        assertThat(MerkleProofs.verifyInclusion(5, 13, leaves.get(6), proof, root).failure()).contains("another root");
        assertThat(MerkleProofs.verifyInclusion(5, 12, leaves.get(5), proof, tree.root(12)).holds()).isFalse();
        List<byte[]> changed = new ArrayList<>(proof);
        byte[] flipped = changed.get(1).clone();
        flipped[7] ^= 1;
        changed.set(1, flipped);
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaves.get(5), changed, root).holds()).isFalse();
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaves.get(5), proof.subList(0, 2), root).failure())
                .contains("shorter");
        assertThat(MerkleProofs.verifyInclusion(13, 13, leaves.get(5), proof, root).failure()).contains("not in a tree");
        assertThat(MerkleProofs.verifyConsistency(7, 13, tree.consistencyProof(7, 13), tree.root(6), root).failure())
                .contains("first root");
        assertThat(MerkleProofs.verifyConsistency(7, 13, tree.consistencyProof(7, 13), tree.root(7), tree.root(12))
                .failure()).contains("second root");
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
