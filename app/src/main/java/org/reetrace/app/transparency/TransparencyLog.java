package org.reetrace.app.transparency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.reetrace.core.ledger.Entry;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.MerkleTree;
import org.reetrace.verifier.tlog.TileEdge;
import org.reetrace.verifier.tlog.TiledTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The log of every booked event, kept by the ledger writer: each batch's event hashes are appended as leaves when the
 * batch is staged, on the writer's thread, and the tiles they complete are stored in the batch's own transaction
 * ({@link #stage}). Readers see the tree as committed ({@link #committed}); after a failed transaction the writer
 * reads the books again and so does the log ({@link #reload}).
 *
 * <p>Only the tree's right edge is in memory (at most 255 hashes per level); appending a leaf is one SHA-256, and
 * one more per 256 leaves. At start the log catches up with events the ledger holds and the tiles do not yet cover
 * (the events of an earlier release, or of a run with the log turned off).
 */
@Component
public class TransparencyLog {

    private static final Logger log = LoggerFactory.getLogger(TransparencyLog.class);
    private static final int CATCH_UP_CHUNK = 1 << 16;

    private final TransparencyStore store;
    private final boolean enabled;
    /** The edge as staged; only the writer thread touches it. */
    private TileEdge staged;
    /** The edge after each batch staged and not yet committed, oldest first; only the writer thread touches it. */
    private final Deque<TileEdge> uncommitted = new ArrayDeque<>();
    /** The edge as committed, for readers; replaced, never changed. */
    private volatile TileEdge committed;

    public TransparencyLog(TransparencyStore store, TransparencySettings settings) {
        this.store = store;
        this.enabled = settings.enabled();
        if (enabled) {
            catchUp();
        } else {
            staged = new TileEdge();
            committed = staged.copy();
        }
    }

    /**
     * Appends the batch's events and answers what to store in the batch's transaction: the tiles they complete. On
     * the writer thread, after the batch is applied and before it is handed to the committer.
     */
    public Runnable stage(List<Entry> entries) {
        if (!enabled || entries.isEmpty()) {
            return () -> { };
        }
        if (entries.getFirst().sequence() != staged.size() + 1) {
            throw new IllegalStateException("the log holds " + staged.size() + " events, the batch starts at "
                    + entries.getFirst().sequence());
        }
        List<TileEdge.FullTile> full = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (Entry e : entries) {
            staged.append(Hashes.leaf(hex.parseHex(e.hash())), full::add);
        }
        uncommitted.add(staged.copy());
        return full.isEmpty() ? () -> { } : () -> store.writeTiles(full);
    }

    /** The batch ending with event {@code lastSequence} committed: readers may see the tree up to it. */
    public void committed(long lastSequence) {
        if (!enabled) {
            return;
        }
        // batches commit in the order they were staged
        while (!uncommitted.isEmpty() && uncommitted.peek().size() <= lastSequence) {
            TileEdge next = uncommitted.poll();
            if (next.size() == lastSequence) {
                committed = next;
            }
        }
    }

    /** The books were read again after a failed transaction: so is the log, as committed. */
    public void reload() {
        if (enabled) {
            uncommitted.clear();
            staged = load(store.ledgerSize());
            committed = staged.copy();
        }
    }

    /** The tree as committed. */
    TileEdge edge() {
        return committed;
    }

    /** Events in the log as committed. */
    public long size() {
        return committed.size();
    }

    /** The tree as committed, read through {@code store}'s tiles. */
    TiledTree tree() {
        return tree(committed);
    }

    TiledTree tree(TileEdge edge) {
        return new TiledTree(edge, (level, index) -> store.tile(level, index).orElseThrow(() ->
                new IllegalStateException("the log's full tile " + level + "/" + index + " is not stored")));
    }

    /** The root of the tree as committed at {@code size} (at most {@link #size()}). */
    byte[] root(long size) {
        TileEdge edge = committed;
        MerkleTree tree = tree(edge).tree();
        return tree.root(Math.min(size, edge.size()));
    }

    Optional<byte[]> fullTile(int level, long index) {
        return store.tile(level, index);
    }

    /** Reads the edge of the tree of {@code size} leaves from the stored full tiles and the ledger's events. */
    private TileEdge load(long size) {
        byte[][] partials = new byte[TileEdge.LEVELS][];
        for (int level = 0; level < TileEdge.LEVELS; level++) {
            long entries = TileEdge.entries(size, level);
            int width = (int) (entries & 0xff);
            long first = entries - width;
            byte[] hashes = new byte[width * Hashes.SIZE];
            if (level == 0) {
                List<byte[]> events = store.eventHashes(first + 1, first + width);
                if (events.size() != width) {
                    throw new IllegalStateException("the ledger lacks events between " + (first + 1) + " and "
                            + (first + width));
                }
                for (int i = 0; i < width; i++) {
                    System.arraycopy(Hashes.leaf(events.get(i)), 0, hashes, i * Hashes.SIZE, Hashes.SIZE);
                }
            } else {
                for (int i = 0; i < width; i++) {
                    int below = level - 1;
                    long index = first + i;
                    byte[] tile = store.tile(below, index).orElseThrow(() -> new IllegalStateException(
                            "the log's full tile " + below + "/" + index + " is not stored"));
                    System.arraycopy(Hashes.perfectRoot(tile, 0, 256), 0, hashes, i * Hashes.SIZE, Hashes.SIZE);
                }
            }
            partials[level] = hashes;
        }
        return TileEdge.of(size, partials);
    }

    /** Loads the edge the stored tiles reach, then appends the ledger's events beyond it, storing the tiles they fill. */
    private void catchUp() {
        long events = store.ledgerSize();
        long covered = Math.min(store.fullTiles(0) * 256, events - events % 256);
        TileEdge edge = load(covered);
        if (covered < events) {
            log.info("Logging events {} to {} in the transparency log", covered + 1, events);
        }
        for (long from = covered + 1; from <= events; from += CATCH_UP_CHUNK) {
            long to = Math.min(events, from + CATCH_UP_CHUNK - 1);
            List<TileEdge.FullTile> full = new ArrayList<>();
            store.eachEventHash(from, to, (seq, hash) -> edge.append(Hashes.leaf(hash), full::add));
            if (edge.size() != to) {
                throw new IllegalStateException("the ledger lacks events between " + from + " and " + to);
            }
            store.writeTilesNow(full);
        }
        staged = edge;
        committed = edge.copy();
    }
}
