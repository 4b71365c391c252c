package org.reetrace.app.transparency;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.ProblemException;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.MerkleTree;
import org.reetrace.verifier.tlog.TileEdge;
import org.reetrace.verifier.tlog.TlogProof;
import org.springframework.http.HttpStatus;

/**
 * Proving what is in the log, as anyone may: that an event is in it (by event id or by index, in the tree of the
 * latest checkpoint or of a given size), and that a tree is the beginning of a later one. Certificates embed the
 * proof of an event with {@link #ofEventCheckpointed}, which signs a checkpoint when none covers the event yet.
 */
@UseCase
public class ProveInclusion {

    private final TransparencyLog log;
    private final TransparencyStore store;
    private final LogCheckpoints checkpoints;

    public ProveInclusion(TransparencyLog log, TransparencyStore store, LogCheckpoints checkpoints) {
        this.log = log;
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /** The proof of an event in the tree of {@code treeSize} entries, or of the latest checkpoint when null. */
    public InclusionProof ofEvent(String eventId, Long treeSize) {
        TransparencyStore.LoggedEvent event = store.event(eventId)
                .orElseThrow(() -> ProblemException.notFound("event", eventId));
        return prove(event, treeSize);
    }

    /** The proof of entry {@code index} (the event of sequence {@code index + 1}). */
    public InclusionProof ofIndex(long index, Long treeSize) {
        if (index < 0) {
            throw badRequest("index " + index + " is negative");
        }
        TransparencyStore.LoggedEvent event = store.event(index + 1).filter(e -> index < log.size())
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "the log holds " + log.size() + " entries, not entry " + index, Map.of("treeSize",
                        log.size())));
        return prove(event, treeSize);
    }

    /**
     * The proof of an event under the latest checkpoint, signing a new checkpoint first if the latest does not cover
     * it yet: what a certificate embeds.
     */
    public InclusionProof ofEventCheckpointed(String eventId) {
        TransparencyStore.LoggedEvent event = store.event(eventId)
                .orElseThrow(() -> ProblemException.notFound("event", eventId));
        long index = event.sequence() - 1;
        if (index >= log.size()) {
            throw notYetLogged(index);
        }
        return prove(event, checkpoints.covering(index).size());
    }

    /** The consistency proof from the tree of {@code size1} entries to the tree of {@code size2}. */
    public ConsistencyProof consistency(long size1, long size2) {
        TileEdge edge = log.edge();
        if (size1 < 1 || size2 < size1 || size2 > edge.size()) {
            throw badRequest("a consistency proof goes from a size of at least 1 to a size at least as large and at"
                    + " most the log's " + edge.size() + "; asked from " + size1 + " to " + size2);
        }
        MerkleTree tree = log.tree(edge).tree();
        return new ConsistencyProof(size1, size2, base64(tree.root(size1)), base64(tree.root(size2)),
                tree.consistencyProof(size1, size2).stream().map(ProveInclusion::base64).toList());
    }

    private InclusionProof prove(TransparencyStore.LoggedEvent event, Long treeSize) {
        TileEdge edge = log.edge();
        long index = event.sequence() - 1;
        if (index >= edge.size()) {
            throw notYetLogged(index);
        }
        Optional<TransparencyStore.StoredCheckpoint> checkpoint;
        long size;
        if (treeSize == null) {
            checkpoint = Optional.of(checkpoints.latest().orElseGet(checkpoints::sign));
            size = checkpoint.get().size();
            if (index >= size) {
                throw new ProblemException(HttpStatus.CONFLICT, "not-yet-checkpointed", "Not yet checkpointed",
                        "entry " + index + " (event " + event.eventId() + ") is logged but not yet in a signed"
                                + " checkpoint (the latest covers " + size + " entries); try again shortly",
                        Map.of("index", index, "treeSize", size, "retryAfterSeconds", 10));
            }
        } else {
            size = treeSize;
            if (size <= index || size > edge.size()) {
                throw badRequest("entry " + index + " is in trees of size " + (index + 1) + " to " + edge.size()
                        + ", not " + size);
            }
            checkpoint = checkpoints.ofSize(size);
        }
        MerkleTree tree = log.tree(edge).tree();
        List<byte[]> path = tree.inclusionProof(index, size);
        byte[] root = tree.root(size);
        String note = checkpoint.map(TransparencyStore.StoredCheckpoint::note).orElse(null);
        return new InclusionProof(event.eventId(), event.sequence(), index, size,
                HexFormat.of().formatHex(event.hash()), base64(Hashes.leaf(event.hash())),
                path.stream().map(ProveInclusion::base64).toList(), base64(root), note,
                note == null ? null : new TlogProof(null, index, path, note).encoded());
    }

    private static ProblemException notYetLogged(long index) {
        return new ProblemException(HttpStatus.CONFLICT, "not-yet-logged", "Not yet logged",
                "entry " + index + " is being committed; try again shortly", Map.of("index", index,
                "retryAfterSeconds", 1));
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "bad-tree-size", "Bad tree size", detail);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
