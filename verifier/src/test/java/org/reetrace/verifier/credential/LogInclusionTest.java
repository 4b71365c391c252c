package org.reetrace.verifier.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.verifier.credential.Check.Aspect;
import org.reetrace.verifier.credential.Check.Result;
import org.reetrace.verifier.credential.CredentialVerifier.Options;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.TlogProof;

/**
 * A certificate's proof that the lot's last event is in the regulator's log: a log of four events, the certified
 * one last; each way the proof can be wrong is named.
 */
class LogInclusionTest {

    final Issuer regulator = new Issuer("reetrace.example.gov.my");
    final byte[][] entries = {sha("a"), sha("b"), sha("c"), sha("d")};
    final byte[][] leaves = {Hashes.leaf(entries[0]), Hashes.leaf(entries[1]), Hashes.leaf(entries[2]),
            Hashes.leaf(entries[3])};
    final byte[] root = Hashes.node(Hashes.node(leaves[0], leaves[1]), Hashes.node(leaves[2], leaves[3]));
    final String event = HexFormat.of().formatHex(entries[3]);
    final String checkpoint = regulator.checkpoint(4, root);

    Options offline() {
        return Options.withoutNetwork().at(Instant.parse("2026-12-07T12:00:00Z"))
                .withKeys(IssuerKeys.didDocument(regulator.didDocument(), "did.json"));
    }

    String proof(List<byte[]> path, String checkpoint) {
        return new TlogProof(null, 3, path, checkpoint).encoded();
    }

    Check inclusion(String jws, Options options) {
        return new CredentialVerifier().verify(jws, options).check(Aspect.INCLUSION).orElseThrow();
    }

    @Test
    void a_proof_that_leads_to_a_checkpoint_signed_by_the_issuer_passes() {
        String jws = regulator.sign(regulator.credentialWithProof(event, 3,
                proof(List.of(leaves[2], Hashes.node(leaves[0], leaves[1])), checkpoint)));

        Verdict v = new CredentialVerifier().verify(jws, offline());

        assertThat(v.check(Aspect.INCLUSION).orElseThrow().result()).as(v.report()).isEqualTo(Result.PASSED);
        assertThat(v.valid()).isTrue();
        // the same tree as a checkpoint the buyer trusts
        assertThat(inclusion(jws, offline().withCheckpoint(checkpoint)).result()).isEqualTo(Result.PASSED);
    }

    @Test
    void a_proof_for_another_tree_of_the_same_size_is_named() {
        String jws = regulator.sign(regulator.credentialWithProof(event, 3,
                proof(List.of(leaves[2], Hashes.node(leaves[0], leaves[1])), checkpoint)));
        byte[] otherRoot = Hashes.node(Hashes.node(leaves[1], leaves[0]), Hashes.node(leaves[2], leaves[3]));

        Check c = inclusion(jws, offline().withCheckpoint(regulator.checkpoint(4, otherRoot)));

        assertThat(c.result()).isEqualTo(Result.FAILED);
        assertThat(c.code()).isEqualTo("other-tree");
    }

    @Test
    void a_wrong_path_is_a_bad_proof() {
        String jws = regulator.sign(regulator.credentialWithProof(event, 3,
                proof(List.of(leaves[1], Hashes.node(leaves[0], leaves[1])), checkpoint)));

        assertThat(inclusion(jws, offline()).code()).isEqualTo("bad-proof");
    }

    @Test
    void a_checkpoint_not_signed_by_the_issuer_is_named() {
        Issuer other = new Issuer("reetrace.example.gov.my");
        String jws = regulator.sign(regulator.credentialWithProof(event, 3,
                proof(List.of(leaves[2], Hashes.node(leaves[0], leaves[1])), other.checkpoint(4, root))));

        assertThat(inclusion(jws, offline()).code()).isEqualTo("checkpoint-signature");
    }

    @Test
    void a_proof_of_an_event_the_certificate_does_not_list_is_named() {
        String vc = regulator.credentialWithProof(event, 3,
                proof(List.of(leaves[2], Hashes.node(leaves[0], leaves[1])), checkpoint))
                .replace("\"hash\": \"" + event + "\"", "\"hash\": \"" + "0".repeat(64) + "\"");

        assertThat(inclusion(regulator.sign(vc), offline()).code()).isEqualTo("proof-of-other-event");
    }

    @Test
    void a_garbled_proof_is_malformed() {
        String jws = regulator.sign(regulator.credentialWithProof(event, 3, "c2sp.org/tlog-proof@v1\nindex x\n\n"));

        assertThat(inclusion(jws, offline()).code()).isEqualTo("malformed");
    }

    static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
