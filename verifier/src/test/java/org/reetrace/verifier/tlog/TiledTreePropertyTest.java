package org.reetrace.verifier.tlog;

import org.reetrace.verifier.tlog.TiledTree;
import org.reetrace.verifier.tlog.TileEdge;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The log's tiles, as the writer stores them (full tiles as they complete, the edge in memory), give the same roots and
 * proofs as the tree recomputed the way RFC 9162 defines it, at any size, also after the edge is read back from the
 * stored tiles alone (as at start).
 */
class TiledTreePropertyTest {

    private static byte[] leaf(long i) {
        return Hashes.leaf(ByteBuffer.allocate(8).putLong(i).array());
    }

    @Property(tries = 40)
    void tilesGiveTheRootsAndProofsOfTheDefinition(@ForAll @IntRange(min = 1, max = 70_000) int size,
                                                   @ForAll @IntRange(min = 0, max = 69_999) int index,
                                                   @ForAll @IntRange(min = 1, max = 70_000) int earlier) {
        List<byte[]> leaves = new ArrayList<>(size);
        Map<Long, byte[]> stored = new HashMap<>();
        TileEdge edge = new TileEdge();
        for (long i = 0; i < size; i++) {
            byte[] leaf = leaf(i);
            leaves.add(leaf);
            edge.append(leaf, tile -> assertThat(stored.put(tile.index() * 64 + tile.level(), tile.hashes()))
                    .as("a tile is completed once").isNull());
        }
        TiledTree.FullTiles tiles = (level, n) -> stored.get(n * 64 + level).clone();
        MerkleTree tree = new TiledTree(edge, tiles).tree();

        byte[] root = Hashes.root(leaves);
        assertThat(tree.root(size)).isEqualTo(root);

        int i = index % size;
        List<byte[]> proof = tree.inclusionProof(i, size);
        assertThat(MerkleProofs.verifyInclusion(i, size, leaves.get(i), proof, root).holds()).isTrue();
        assertThat(proof).containsExactlyElementsOf(straightPath(leaves, i, 0, size));

        int m = 1 + (earlier - 1) % size;
        byte[] earlierRoot = Hashes.root(leaves.subList(0, m));
        assertThat(tree.root(m)).isEqualTo(earlierRoot);
        assertThat(MerkleProofs.verifyConsistency(m, size, tree.consistencyProof(m, size), earlierRoot, root).holds())
                .isTrue();

        // the edge read back from the full tiles and the leaves at its end, as the log does at start
        byte[][] partials = new byte[TileEdge.LEVELS][];
        for (int level = 0; level < TileEdge.LEVELS; level++) {
            long entries = TileEdge.entries(size, level);
            int width = (int) (entries & 0xff);
            partials[level] = new byte[width * Hashes.SIZE];
            for (int w = 0; w < width; w++) {
                long at = entries - width + w;
                byte[] hash = level == 0 ? leaves.get((int) at)
                        : Hashes.perfectRoot(stored.get(at * 64 + level - 1), 0, 256);
                System.arraycopy(hash, 0, partials[level], w * Hashes.SIZE, Hashes.SIZE);
            }
        }
        TileEdge reloaded = TileEdge.of(size, partials);
        assertThat(new TiledTree(reloaded, tiles).tree().root(size)).isEqualTo(root);
    }

    /** PATH(m, D[start:start+n]) of RFC 9162 2.1.3.1 over the leaves themselves. */
    private static List<byte[]> straightPath(List<byte[]> leaves, int m, int start, int n) {
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path.addAll(straightPath(leaves, m, start, k));
            path.add(Hashes.root(leaves.subList(start + k, start + n)));
        } else {
            path.addAll(straightPath(leaves, m - k, start + k, n - k));
            path.add(Hashes.root(leaves.subList(start, start + k)));
        }
        return path;
    }
}
