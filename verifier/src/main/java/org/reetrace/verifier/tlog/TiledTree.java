package org.reetrace.verifier.tlog;

import java.util.HashMap;
import java.util.Map;


/**
 * The log's tree read from tiles: the hashes left of the edge from full tiles (read once each, through
 * {@code fullTiles}), those at the edge from the edge itself. Any perfect subtree of height {@code 8L + j} is the
 * root of {@code 2^j} consecutive hashes of one tile at level {@code L}. For one proof or root: it keeps what it read.
 */
public final class TiledTree implements MerkleTree.Nodes {

    /** Reads a full tile's 8,192 bytes. */
    @FunctionalInterface
    public interface FullTiles {
        byte[] read(int level, long index);
    }

    private final TileEdge edge;
    private final FullTiles fullTiles;
    private final Map<Long, byte[]> read = new HashMap<>();

    public TiledTree(TileEdge edge, FullTiles fullTiles) {
        this.edge = edge;
        this.fullTiles = fullTiles;
    }

    public MerkleTree tree() {
        return new MerkleTree(this);
    }

    @Override
    public byte[] hash(int height, long index) {
        int level = height / TilePath.HEIGHT;
        int span = 1 << (height % TilePath.HEIGHT);
        long first = index * span;
        long tile = first >>> 8;
        byte[] hashes = tile(level, tile);
        int offset = (int) (first & 0xff);
        if ((offset + span) * Hashes.SIZE > hashes.length) {
            throw new IllegalArgumentException("no subtree of height " + height + " at " + index + " in a tree of "
                    + edge.size());
        }
        return Hashes.perfectRoot(hashes, offset, span);
    }

    /** The hashes of tile {@code index} at {@code level}: full, or as far as the edge has filled it. */
    public byte[] tile(int level, long index) {
        if (level >= TileEdge.LEVELS || index > edge.partialIndex(level)) {
            throw new IllegalArgumentException("no tile " + level + "/" + index + " in a tree of " + edge.size());
        }
        if (index == edge.partialIndex(level)) {
            return edge.partialTile(level);
        }
        return read.computeIfAbsent(index * 64 + level, k -> fullTiles.read(level, index));
    }
}
