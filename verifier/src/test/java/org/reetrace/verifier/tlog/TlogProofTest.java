package org.reetrace.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlogProofTest {

    private static final String ORIGIN = "regulator.example/reetrace/log";

    private KeyPair pair;
    private VerifierKey key;
    private final List<byte[]> leaves = new ArrayList<>();
    private MerkleTree tree;

    @BeforeEach
    void log() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        key = VerifierKey.of(ORIGIN, Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44));
        for (int i = 0; i < 300; i++) {
            leaves.add(Hashes.leaf(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        tree = new MerkleTree((height, index) -> Hashes.root(
                leaves.subList((int) (index << height), (int) ((index + 1) << height))));
    }

    private String checkpoint(String origin, long size) throws Exception {
        String text = new Checkpoint(origin, size, tree.root(size)).text();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new SignedNote.Signature(key.name(), key.keyId(), signer.sign()))).encoded();
    }

    private TlogProof proof(long index, long size) throws Exception {
        return new TlogProof(null, index, tree.inclusionProof(index, size), checkpoint(ORIGIN, size));
    }

    @Test
    void aProofVerifiesOfflineFromItsText() throws Exception {
        String text = proof(123, 300).encoded();
        assertThat(TlogProof.verify(text, leaves.get(123), ORIGIN, List.of(key))).isEqualTo(Verdict.ok());
        assertThat(TlogProof.parse(text).get().encoded()).isEqualTo(text);
    }

    @Test
    void aTamperedProofNamesWhatFailed() throws Exception {
        TlogProof proof = proof(123, 300);
        String text = proof.encoded();

        assertThat(TlogProof.verify(text, leaves.get(124), ORIGIN, List.of(key)).failure()).contains("another root");

        String hash = Base64.getEncoder().encodeToString(proof.proof().get(2));
        byte[] changed = proof.proof().get(2);
        changed[0] ^= (byte) 0x80;
        assertThat(TlogProof.verify(text.replace(hash, Base64.getEncoder().encodeToString(changed)), leaves.get(123),
                ORIGIN, List.of(key)).failure()).contains("another root");

        assertThat(TlogProof.verify(text.replace("index 123", "index 122"), leaves.get(123), ORIGIN, List.of(key))
                .holds()).isFalse();

        String checkpoint = proof.checkpoint();
        String rewritten = text.replace(checkpoint, checkpoint.replace("\n300\n", "\n301\n"));
        assertThat(TlogProof.verify(rewritten, leaves.get(123), ORIGIN, List.of(key)).failure())
                .contains("does not verify");
    }

    @Test
    void aProofForAnotherTreeFails() throws Exception {
        // the path of a tree of 200 leaves, under the checkpoint of the tree of 300
        TlogProof mixed = new TlogProof(null, 123, tree.inclusionProof(123, 200), checkpoint(ORIGIN, 300));
        assertThat(mixed.verify(leaves.get(123), ORIGIN, List.of(key)).holds()).isFalse();
    }

    @Test
    void aWrongKeyOrAnotherLogFails() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerifierKey wrong = VerifierKey.of(ORIGIN, Arrays.copyOfRange(other.getPublic().getEncoded(), 12, 44));
        String text = proof(5, 300).encoded();
        assertThat(TlogProof.verify(text, leaves.get(5), ORIGIN, List.of(wrong)).failure())
                .contains("not signed by a known key");
        assertThat(TlogProof.verify(text, leaves.get(5), "other.example/log", List.of(key)).holds()).isFalse();

        TlogProof foreign = new TlogProof(null, 5, tree.inclusionProof(5, 300), checkpoint("other.example/log", 300));
        VerifierKey otherName = VerifierKey.of("other.example/log", key.publicKey());
        assertThat(foreign.verify(leaves.get(5), ORIGIN, List.of(key, otherName)).failure())
                .contains("is from the log other.example/log");
    }

    @Test
    void malformedProofsAreVerdicts() {
        assertThat(TlogProof.parse("c2sp.org/tlog-proof@v2\nindex 1\n\nx").verdict().failure()).contains("start");
        assertThat(TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 01\n\nx").verdict().failure()).contains("index");
        assertThat(TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nx").verdict().failure())
                .contains("32-byte");
        assertThat(TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 1\n").verdict().failure()).contains("blank line");
        assertThat(TlogProof.verify("c2sp.org/tlog-proof@v1\nindex 1\n\nnot a note", new byte[32], ORIGIN,
                List.of(key)).holds()).isFalse();
    }
}
