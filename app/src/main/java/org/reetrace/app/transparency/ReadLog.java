package org.reetrace.app.transparency;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.ProblemException;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.Parsed;
import org.reetrace.verifier.tlog.TileEdge;
import org.reetrace.verifier.tlog.TilePath;
import org.reetrace.verifier.tlog.VerifierKey;
import org.springframework.http.HttpStatus;

/**
 * Reading the public log, as anyone may (a buyer, a witness, a mirror): the latest checkpoint, the tiles and entry
 * bundles (c2sp.org/tlog-tiles), and the log's verifier keys. Everything here is public: the entries are hashes.
 */
@UseCase
public class ReadLog {

    private final TransparencyLog log;
    private final TransparencyStore store;
    private final LogCheckpoints checkpoints;

    public ReadLog(TransparencyLog log, TransparencyStore store, LogCheckpoints checkpoints) {
        this.log = log;
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /** The latest signed checkpoint (the first is signed when first asked for). */
    public SignedCheckpoint checkpoint() {
        return SignedCheckpoint.of(checkpoints.origin(), checkpoints.latest().orElseGet(checkpoints::sign));
    }

    /** The log's verifier keys (C2SP vkeys), the current key's first. */
    public List<String> verifierKeys() {
        return checkpoints.verifierKeys().stream().map(VerifierKey::encoded).toList();
    }

    public String origin() {
        return checkpoints.origin();
    }

    /** A tile or entry bundle by its path below {@code tile/}, such as {@code 0/x001/234.p/5} or {@code entries/000}. */
    public LogResource tile(String path) {
        Parsed<TilePath> parsed = TilePath.parse(path);
        if (!parsed.ok()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-tile-path", "Bad tile path",
                    parsed.verdict().failure() + ": " + path);
        }
        TilePath tile = parsed.get();
        TileEdge edge = log.edge();
        int level = tile.entries() ? 0 : tile.level();
        long complete = level >= TileEdge.LEVELS ? 0 : TileEdge.entries(edge.size(), level) >>> 8;
        int available = level >= TileEdge.LEVELS ? 0 : tile.index() < complete ? TilePath.FULL
                : tile.index() == complete ? edge.width(level) : 0;
        if (available < tile.width()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-such-tile", "No such tile",
                    "the log of " + edge.size() + " entries has no " + tile.path(), Map.of("treeSize",
                    edge.size()));
        }
        if (tile.entries()) {
            return new LogResource(tile.path(), bundle(tile));
        }
        byte[] hashes = tile.index() < complete
                ? log.fullTile(level, tile.index()).orElseThrow(() -> new IllegalStateException("tile " + tile.path()
                + " is not stored"))
                : edge.partialTile(level);
        return new LogResource(tile.path(), Arrays.copyOf(hashes, tile.width() * Hashes.SIZE));
    }

    private byte[] bundle(TilePath tile) {
        long first = tile.index() * TilePath.FULL + 1;
        List<byte[]> hashes = store.eventHashes(first, first + tile.width() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(tile.width() * (2 + Hashes.SIZE));
        for (byte[] hash : hashes) {
            out.write(0);
            out.write(hash.length);
            out.writeBytes(hash);
        }
        return out.toByteArray();
    }
}
