package org.reetrace.verifier.tlog;

import java.util.Arrays;
import java.util.function.Consumer;


/**
 * The right edge of the log's tree in tiles (c2sp.org/tlog-tiles): at each level, the hashes of the tile still being
 * filled. A leaf goes into level 0; a tile that fills up is handed on to be stored, and its hash goes one level up.
 * Everything left of the edge is in full tiles, so the edge is all a root needs; a proof needs full tiles too.
 * Not thread-safe: a log's writer owns one, readers get {@link #copy() copies}. A mirror keeps one the same way.
 */
public final class TileEdge {

    /** A full tile: 256 hashes at a level, never to change. */
    public record FullTile(int level, long index, byte[] hashes) {
    }

    /** Levels of a tree of up to 2^64 leaves. */
    public static final int LEVELS = 8;
    private static final int TILE_BYTES = TilePath.FULL * Hashes.SIZE;

    private long size;
    private final byte[][] partial = new byte[LEVELS][];
    /** Entries at each level: leaves, then full tiles of the level below. */
    private final long[] count = new long[LEVELS];

    public TileEdge() {
        for (int level = 0; level < LEVELS; level++) {
            partial[level] = new byte[TILE_BYTES];
        }
    }

    private TileEdge(TileEdge other) {
        size = other.size;
        System.arraycopy(other.count, 0, count, 0, LEVELS);
        for (int level = 0; level < LEVELS; level++) {
            partial[level] = Arrays.copyOf(other.partial[level], width(level) * Hashes.SIZE);
        }
    }

    public TileEdge copy() {
        return new TileEdge(this);
    }

    public long size() {
        return size;
    }

    /** Hashes in the tile being filled at {@code level}. */
    public int width(int level) {
        return (int) (count[level] & 0xff);
    }

    /** The index of the tile being filled at {@code level}; the tiles before it are full. */
    public long partialIndex(int level) {
        return count[level] >>> 8;
    }

    /** The hashes of the tile being filled at {@code level}. */
    public byte[] partialTile(int level) {
        return Arrays.copyOf(partial[level], width(level) * Hashes.SIZE);
    }

    /** Appends a leaf; a tile that fills up goes to {@code full}. */
    public void append(byte[] leafHash, Consumer<FullTile> full) {
        size++;
        put(0, leafHash, full);
    }

    private void put(int level, byte[] hash, Consumer<FullTile> full) {
        int at = width(level);
        System.arraycopy(hash, 0, partial[level], at * Hashes.SIZE, Hashes.SIZE);
        count[level]++;
        if (width(level) == 0) {
            byte[] tile = partial[level].clone();
            full.accept(new FullTile(level, partialIndex(level) - 1, tile));
            put(level + 1, Hashes.perfectRoot(tile, 0, TilePath.FULL), full);
        }
    }

    /**
     * The edge of a tree of {@code size} leaves, from the tiles being filled at each level ({@code partials}, each as
     * long as the size says). Nothing is checked against full tiles: the caller read them from one consistent store.
     */
    public static TileEdge of(long size, byte[][] partials) {
        TileEdge edge = new TileEdge();
        edge.size = size;
        for (int level = 0; level < LEVELS; level++) {
            edge.count[level] = level == 0 ? size : size >>> (8 * level);
            int width = edge.width(level);
            if (partials[level].length != width * Hashes.SIZE) {
                throw new IllegalArgumentException("level " + level + " of a tree of " + size + " has " + width
                        + " hashes being filled, not " + partials[level].length / Hashes.SIZE);
            }
            System.arraycopy(partials[level], 0, edge.partial[level], 0, partials[level].length);
        }
        return edge;
    }

    /** Entries at {@code level} in a tree of {@code size} leaves. */
    public static long entries(long size, int level) {
        return level >= LEVELS ? 0 : size >>> (8 * level);
    }
}
