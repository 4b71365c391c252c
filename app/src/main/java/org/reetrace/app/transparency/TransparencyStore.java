package org.reetrace.app.transparency;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.reetrace.verifier.tlog.TileEdge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's rows: its full tiles ({@code log_tile}) and its signed checkpoints ({@code log_checkpoint}). The leaves
 * are the ledger's own event hashes ({@code ledger_event.hash}, entry {@code i} is event {@code i + 1}); what is still
 * being filled at the tree's edge is worked out again from them and from the full tiles when the log starts.
 */
@Repository
public class TransparencyStore {

    /** An event's place in the log. */
    public record LoggedEvent(String eventId, long sequence, byte[] hash) {
    }

    /** A stored checkpoint: its tree size and its signed note, as published. */
    public record StoredCheckpoint(long size, String note) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public TransparencyStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Stores full tiles, in the caller's transaction (the ledger batch's that completed them). */
    void writeTiles(List<TileEdge.FullTile> tiles) {
        if (tiles.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into log_tile (level, idx, hashes) values (?, ?, ?)", tiles, 1000, (ps, t) -> {
            ps.setInt(1, t.level());
            ps.setLong(2, t.index());
            ps.setBytes(3, t.hashes());
        });
    }

    /** Stores full tiles in a transaction of their own (the log catching up with the ledger at start). */
    void writeTilesNow(List<TileEdge.FullTile> tiles) {
        tx.executeWithoutResult(status -> writeTiles(tiles));
    }

    /** A full tile's hashes. */
    Optional<byte[]> tile(int level, long index) {
        return jdbc.query("select hashes from log_tile where level = ? and idx = ?", (rs, n) -> rs.getBytes(1),
                level, index).stream().findFirst();
    }

    /** How many full tiles the level holds, counted from the first (the log writes them in order). */
    long fullTiles(int level) {
        Long last = jdbc.queryForObject("select max(idx) from log_tile where level = ?", Long.class, level);
        return last == null ? 0 : last + 1;
    }

    /** Every stored full tile of a level, in order (verification). */
    void eachTile(int level, Consumer<TileEdge.FullTile> tiles) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select idx, hashes from log_tile where level = ? order by idx");
            ps.setInt(1, level);
            ps.setFetchSize(256);
            return ps;
        }, rs -> {
            tiles.accept(new TileEdge.FullTile(level, rs.getLong(1), rs.getBytes(2)));
        });
    }

    /** Levels that hold tiles. */
    List<Integer> tileLevels() {
        return jdbc.queryForList("select distinct level from log_tile order by level", Integer.class);
    }

    /** Events stored: the ledger's last sequence. */
    long ledgerSize() {
        Long last = jdbc.queryForObject("select max(seq) from ledger_event", Long.class);
        return last == null ? 0 : last;
    }

    /** The ledger's event hashes of sequences {@code from} to {@code to} inclusive, in order, decoded. */
    List<byte[]> eventHashes(long from, long to) {
        List<byte[]> hashes = new ArrayList<>((int) Math.max(0, Math.min(to - from + 1, 1 << 16)));
        eachEventHash(from, to, (seq, hash) -> hashes.add(hash));
        return hashes;
    }

    /** Told of each event hash in order. */
    @FunctionalInterface
    interface EventHashes {
        void hash(long sequence, byte[] hash);
    }

    void eachEventHash(long from, long to, EventHashes hashes) {
        HexFormat hex = HexFormat.of();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select seq, hash from ledger_event where seq between ? and ? order by seq");
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            hashes.hash(rs.getLong(1), hex.parseHex(rs.getString(2)));
        });
    }

    /** An event by its id. */
    Optional<LoggedEvent> event(String eventId) {
        return jdbc.query("select event_id, seq, hash from ledger_event where event_id = ?", (rs, n) ->
                new LoggedEvent(rs.getString(1), rs.getLong(2), HexFormat.of().parseHex(rs.getString(3))), eventId)
                .stream().findFirst();
    }

    /** An event by its sequence. */
    Optional<LoggedEvent> event(long sequence) {
        return jdbc.query("select event_id, seq, hash from ledger_event where seq = ?", (rs, n) ->
                new LoggedEvent(rs.getString(1), rs.getLong(2), HexFormat.of().parseHex(rs.getString(3))), sequence)
                .stream().findFirst();
    }

    void saveCheckpoint(long size, String note) {
        jdbc.update("insert into log_checkpoint (size, note) values (?, ?) on conflict (size) do nothing", size, note);
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.query("select size, note from log_checkpoint order by size desc limit 1",
                (rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getString(2))).stream().findFirst();
    }

    Optional<StoredCheckpoint> checkpoint(long size) {
        return jdbc.query("select size, note from log_checkpoint where size = ?",
                (rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getString(2)), size).stream().findFirst();
    }

    /** Every stored checkpoint, smallest first (verification). */
    List<StoredCheckpoint> checkpoints() {
        return jdbc.query("select size, note from log_checkpoint order by size",
                (rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getString(2)));
    }
}
