package org.reetrace.app.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.reetrace.app.signing.SigningKey;
import org.reetrace.app.signing.SigningKeys;
import org.reetrace.verifier.tlog.Checkpoint;
import org.reetrace.verifier.tlog.SignedNote;
import org.reetrace.verifier.tlog.VerifierKey;
import org.springframework.stereotype.Component;

/**
 * The log's signed checkpoints (c2sp.org/tlog-checkpoint): the tree's size and root as committed, signed by the
 * regulator's current key under the log's origin, stored and published. A checkpoint is only signed when the tree grew
 * since the last one, so each is consistent with every one before it by construction.
 */
@Component
public class LogCheckpoints {

    private final TransparencyLog log;
    private final TransparencyStore store;
    private final SigningKeys keys;
    private final String origin;

    public LogCheckpoints(TransparencyLog log, TransparencyStore store, SigningKeys keys, TransparencySettings settings) {
        this.log = log;
        this.store = store;
        this.keys = keys;
        this.origin = settings.origin();
    }

    public String origin() {
        return origin;
    }

    /** The latest checkpoint, signing the tree as committed first if it grew since (or if there is none yet). */
    public synchronized TransparencyStore.StoredCheckpoint sign() {
        Optional<TransparencyStore.StoredCheckpoint> latest = store.latestCheckpoint();
        long size = log.size();
        if (latest.isPresent() && latest.get().size() >= size) {
            return latest.get();
        }
        Checkpoint checkpoint = new Checkpoint(origin, size, log.root(size));
        String note = sign(checkpoint.text());
        store.saveCheckpoint(size, note);
        return new TransparencyStore.StoredCheckpoint(size, note);
    }

    /** Signs if the tree grew since the latest checkpoint; what the steady schedule does. */
    public void signIfGrown() {
        if (log.size() > store.latestCheckpoint().map(TransparencyStore.StoredCheckpoint::size).orElse(0L)) {
            sign();
        }
    }

    /** The latest checkpoint, if one was signed. */
    public Optional<TransparencyStore.StoredCheckpoint> latest() {
        return store.latestCheckpoint();
    }

    /** The checkpoint of that tree size, if one was signed. */
    public Optional<TransparencyStore.StoredCheckpoint> ofSize(long size) {
        return store.checkpoint(size);
    }

    /** The latest checkpoint if it covers entry {@code index}, else a new one (the tree as committed holds it). */
    public synchronized TransparencyStore.StoredCheckpoint covering(long index) {
        return latest().filter(c -> c.size() > index).orElseGet(this::sign);
    }

    private String sign(String text) {
        SigningKey key = keys.current();
        VerifierKey vkey = VerifierKey.of(origin, key.rawPublicKey());
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new SignedNote.Signature(origin, vkey.keyId(), signature))).encoded();
    }

    /** The log's verifier keys: the current key's first, then the retired ones', which verify what they signed. */
    public List<VerifierKey> verifierKeys() {
        return keys.published().stream().map(k -> VerifierKey.of(origin, k.rawPublicKey())).toList();
    }

    /** The base64 root hash of a note's checkpoint (for answers), or empty if the note is not one. */
    static String rootOf(String note) {
        return SignedNote.parse(note).then(n -> Checkpoint.parse(n.text()))
                .value() instanceof Checkpoint c ? Base64.getEncoder().encodeToString(c.root()) : "";
    }
}
