package org.reetrace.app.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.reetrace.verifier.tlog.Checkpoint;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.MerkleTree;
import org.reetrace.verifier.tlog.Parsed;
import org.reetrace.verifier.tlog.TileEdge;
import org.reetrace.verifier.tlog.TiledTree;
import org.reetrace.verifier.tlog.VerifierKey;
import org.springframework.stereotype.Component;

/**
 * Checks the log against the ledger from scratch: one leaf per event, in order, with the event's hash; every full tile
 * stored is the one those leaves give, none is missing and none is extra; every stored checkpoint is signed by one of
 * the regulator's published keys under the log's origin, and its root is the tree's at its size.
 */
@Component
public class LogVerification {

    /**
     * Something wrong in the log.
     *
     * @param sequence the event concerned, 0 if none
     * @param table    {@code log_tile} or {@code log_checkpoint}
     * @param row      the row's key ({@code level/index} of a tile, the size of a checkpoint)
     * @param message  what is wrong
     */
    public record Finding(long sequence, String table, String row, String message) {
    }

    private final TransparencyStore store;
    private final LogCheckpoints checkpoints;

    public LogVerification(TransparencyStore store, LogCheckpoints checkpoints) {
        this.store = store;
        this.checkpoints = checkpoints;
    }

    public List<Finding> verify() {
        List<Finding> findings = new ArrayList<>();
        long events = store.ledgerSize();
        // the digest of each full tile the ledger's events give, by level and index
        Map<Integer, Map<Long, byte[]>> expected = new HashMap<>();
        TileEdge edge = new TileEdge();
        store.eachEventHash(1, events, (seq, hash) -> {
            if (seq != edge.size() + 1) {
                findings.add(new Finding(seq, "ledger_event", String.valueOf(seq), "the log's entry " + edge.size()
                        + " has no event: event " + (edge.size() + 1) + " is missing"));
            }
            edge.append(Hashes.leaf(hash), tile -> expected.computeIfAbsent(tile.level(), l -> new HashMap<>())
                    .put(tile.index(), digest(tile.hashes())));
        });
        Set<Integer> levels = new TreeSet<>(expected.keySet());
        levels.addAll(store.tileLevels());
        for (int level : levels) {
            Map<Long, byte[]> want = expected.getOrDefault(level, Map.of());
            Set<Long> seen = new HashSet<>();
            store.eachTile(level, stored -> {
                String row = level + "/" + stored.index();
                byte[] digest = want.get(stored.index());
                seen.add(stored.index());
                if (digest == null) {
                    findings.add(new Finding(0, "log_tile", row, "tile " + row + " is stored but the ledger's "
                            + events + " events fill no such tile"));
                } else if (!MessageDigest.isEqual(digest, digest(stored.hashes()))) {
                    findings.add(changed(level, stored));
                }
            });
            want.keySet().stream().filter(index -> !seen.contains(index)).sorted().forEach(index -> findings.add(
                    new Finding(level == 0 ? index * 256 + 1 : 0, "log_tile", level + "/" + index, "tile " + level
                            + "/" + index + " is missing: the ledger's events fill it")));
        }
        checkCheckpoints(edge, findings);
        return findings;
    }

    /** A stored tile that is not what the events give; at level 0 the first event whose leaf differs is named. */
    private Finding changed(int level, TileEdge.FullTile stored) {
        String row = level + "/" + stored.index();
        if (level == 0 && stored.hashes().length == 256 * Hashes.SIZE) {
            long first = stored.index() * 256 + 1;
            List<byte[]> hashes = store.eventHashes(first, first + 255);
            for (int i = 0; i < hashes.size(); i++) {
                byte[] leaf = Hashes.leaf(hashes.get(i));
                if (!Arrays.equals(leaf, 0, Hashes.SIZE, stored.hashes(), i * Hashes.SIZE, (i + 1) * Hashes.SIZE)) {
                    return new Finding(first + i, "log_tile", row, "tile " + row + " holds another leaf for entry "
                            + (first + i - 1) + " than the hash of event " + (first + i));
                }
            }
        }
        return new Finding(0, "log_tile", row, "tile " + row + " is not the one the ledger's events give");
    }

    private void checkCheckpoints(TileEdge edge, List<Finding> findings) {
        List<VerifierKey> keys = checkpoints.verifierKeys();
        MerkleTree tree = new TiledTree(edge, (level, index) -> store.tile(level, index)
                .orElseGet(() -> new byte[256 * Hashes.SIZE])).tree();
        for (TransparencyStore.StoredCheckpoint stored : store.checkpoints()) {
            String row = String.valueOf(stored.size());
            Parsed<Checkpoint> opened = Checkpoint.open(stored.note(), checkpoints.origin(), keys);
            if (!opened.ok()) {
                findings.add(new Finding(0, "log_checkpoint", row, "checkpoint " + row + ": "
                        + opened.verdict().failure()));
                continue;
            }
            Checkpoint checkpoint = opened.get();
            if (checkpoint.size() != stored.size()) {
                findings.add(new Finding(0, "log_checkpoint", row, "checkpoint " + row + " is signed for size "
                        + checkpoint.size()));
            } else if (checkpoint.size() > edge.size()) {
                findings.add(new Finding(0, "log_checkpoint", row, "checkpoint " + row + " covers more entries than"
                        + " the ledger's " + edge.size() + " events"));
            } else {
                byte[] root;
                try {
                    root = tree.root(checkpoint.size());
                } catch (RuntimeException e) {
                    findings.add(new Finding(0, "log_checkpoint", row, "the root at size " + row
                            + " cannot be worked out from the stored tiles: " + e.getMessage()));
                    continue;
                }
                if (!MessageDigest.isEqual(root, checkpoint.root())) {
                    findings.add(new Finding(0, "log_checkpoint", row, "checkpoint " + row + " signs the root "
                            + Base64.getEncoder().encodeToString(checkpoint.root()) + " but the ledger's first " + row
                            + " events give " + Base64.getEncoder().encodeToString(root)));
                }
            }
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
