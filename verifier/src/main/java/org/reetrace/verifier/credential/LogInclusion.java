package org.reetrace.verifier.credential;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.verifier.credential.Check.Aspect;
import org.reetrace.verifier.tlog.Checkpoint;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.MerkleProofs;
import org.reetrace.verifier.tlog.Parsed;
import org.reetrace.verifier.tlog.SignedNote;
import org.reetrace.verifier.tlog.TlogProof;
import org.reetrace.verifier.tlog.VerifierKey;
import org.reetrace.verifier.tlog.Verdict;

/**
 * The credential's evidence that the lot's last event is in the regulator's transparency log: an entry of
 * {@code evidence} of type {@code TransparencyLogInclusion} with the event's ledger hash (the log's entry) and a
 * c2sp.org/tlog-proof@v1 text, whose checkpoint the issuer's key signs under the log's origin. Given a checkpoint the
 * buyer trusts (from a witness or fetched earlier), the proof's tree must be that tree when they are of one size.
 */
final class LogInclusion {

    static final String TYPE = "TransparencyLogInclusion";

    private LogInclusion() {
    }

    static Check check(Map<String, Object> vc, IssuerKeys keys, Optional<String> trusted) {
        Optional<Object> evidence = Json.list(vc, "evidence").stream()
                .filter(e -> Json.list(e, "type").contains(TYPE)).findFirst();
        if (evidence.isEmpty()) {
            return Check.notChecked(Aspect.INCLUSION, "no-proof", "the credential carries no inclusion proof");
        }
        Optional<String> hash = Json.string(evidence.get(), "eventHash");
        Optional<String> text = Json.string(evidence.get(), "proof");
        if (hash.isEmpty() || text.isEmpty() || !hash.get().matches("[0-9a-f]{64}")) {
            return Check.failed(Aspect.INCLUSION, "malformed", "the inclusion evidence lacks its eventHash (64 hex digits)"
                    + " or its proof");
        }
        boolean listed = Json.list(vc, "credentialSubject", "ledgerEvents").stream()
                .anyMatch(e -> Json.string(e, "hash").filter(hash.get()::equals).isPresent());
        if (!listed) {
            return Check.failed(Aspect.INCLUSION, "proof-of-other-event", "the proof is of event " + hash.get()
                    + ", which is not among the certificate's ledger events");
        }
        Parsed<TlogProof> parsed = TlogProof.parse(text.get());
        if (!parsed.ok()) {
            return Check.failed(Aspect.INCLUSION, "malformed", "the inclusion proof: " + parsed.verdict().failure());
        }
        TlogProof proof = parsed.get();
        Optional<Object> index = Json.at(evidence.get(), "leafIndex");
        if (index.isPresent() && !(index.get() instanceof BigDecimal n && n.compareTo(BigDecimal.valueOf(proof.index())) == 0)) {
            return Check.failed(Aspect.INCLUSION, "proof-of-other-event", "the evidence names leaf " + index.get()
                    + ", the proof leaf " + proof.index());
        }
        String origin = proof.checkpoint().lines().findFirst().orElse("");
        if (!SignedNote.validName(origin)) {
            return Check.failed(Aspect.INCLUSION, "malformed", "the checkpoint's origin is no valid log name");
        }
        Parsed<Checkpoint> checkpoint = Checkpoint.open(proof.checkpoint(), origin, noteKeys(origin, keys));
        if (!checkpoint.ok()) {
            return Check.failed(Aspect.INCLUSION, "checkpoint-signature", "the proof's checkpoint is not signed by the"
                    + " issuer's key: " + checkpoint.verdict().failure());
        }
        Checkpoint c = checkpoint.get();
        byte[] leaf = Hashes.leaf(HexFormat.of().parseHex(hash.get()));
        Verdict included = MerkleProofs.verifyInclusion(proof.index(), c.size(), leaf, proof.proof(), c.root());
        if (!included.holds()) {
            return Check.failed(Aspect.INCLUSION, "bad-proof", "the proof does not lead from event " + hash.get()
                    + " to the root of the checkpoint (" + included.failure() + ")");
        }
        String proved = "event " + hash.get().substring(0, 16) + "... is leaf " + proof.index() + " of " + origin
                + " at size " + c.size();
        if (trusted.isEmpty()) {
            return Check.passed(Aspect.INCLUSION, proved + ", checkpoint signed by the issuer");
        }
        String trustedOrigin = trusted.get().lines().findFirst().orElse("");
        Parsed<Checkpoint> mine = SignedNote.validName(trustedOrigin)
                ? Checkpoint.open(trusted.get(), trustedOrigin, noteKeys(trustedOrigin, keys))
                : Parsed.fail("its origin is no valid log name");
        if (!mine.ok()) {
            return Check.failed(Aspect.INCLUSION, "checkpoint-signature", "the checkpoint given is not signed by the"
                    + " issuer's key: " + mine.verdict().failure());
        }
        Checkpoint t = mine.get();
        if (!t.origin().equals(c.origin())) {
            return Check.failed(Aspect.INCLUSION, "other-tree", "the proof is for the log " + c.origin()
                    + ", the checkpoint given is of the log " + t.origin());
        }
        if (t.size() == c.size() && !Arrays.equals(t.root(), c.root())) {
            return Check.failed(Aspect.INCLUSION, "other-tree", "the proof is for another tree of size " + c.size()
                    + " than the checkpoint given: their roots differ, so the log was forked or rewritten");
        }
        if (t.size() == c.size()) {
            return Check.passed(Aspect.INCLUSION, proved + ", the very tree of the checkpoint given");
        }
        return Check.passed(Aspect.INCLUSION, proved + "; the checkpoint given is of size " + t.size()
                + ": a consistency proof between the two sizes (the log's /log/consistency) shows they are one log");
    }

    /** The issuer's keys as signed-note verifier keys of the log {@code origin}. */
    private static List<VerifierKey> noteKeys(String origin, IssuerKeys keys) {
        return keys.keys().stream().map(k -> VerifierKey.of(origin, Ed25519.raw(k.key()))).toList();
    }
}
