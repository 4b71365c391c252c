package org.reetrace.app.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.alerts.RaisedAlert;
import org.postgresql.PGConnection;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.EventType;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.History;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Undo;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.Registry;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger's tables: accepted events with their links, and the state they produce (lots with pedigrees,
 * lineage, facility stocks, the national balance). Written only by the ledger writer, a batch of entries per
 * transaction. With each event it keeps what reversing it would take ({@code ledger_undo}), so that an error
 * declaration can be booked long after the event without replaying the books.
 */
@Repository
public class LedgerStore {

    /** A stored event as the API shows it: its payload with its place in the chain, and the facility it is at. */
    public record EventRecord(long sequence, String facility, JsonNode json) {
    }

    /** Where and when a stored event happened, and its place in the chain. */
    public record EventPlace(long sequence, String facility, Instant time) {
    }

    /** Told of each stored event, in order. */
    @FunctionalInterface
    public interface StoredEvents {
        void event(long sequence, LedgerEvent event);
    }

    private static final String LOT_COLUMNS = """
            id, form, mass_mg, composition, facility_id, holder_id, status, destination_id, activity_bq_g, pedigree""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    /** The receipt of the last batch staged ({@link BatchReceipt}); only the writer thread stages. */
    private String receipt = BatchReceipt.GENESIS;

    public LedgerStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /**
     * The books as stored, ready for the writer to go on from: the open lots whole, the closed ones by status
     * (reversals read those whole from here when they need them, through {@link #history}).
     */
    public Ledger load(Registry registry, Tolerance tolerance) {
        List<Lot> open = new ArrayList<>();
        Map<LotId, LotStatus> closed = new HashMap<>();
        String isOpen = "status in ('ACTIVE', 'IN_TRANSIT')";
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + LOT_COLUMNS + " from lot where " + isOpen);
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            open.add(lot(rs));
        });
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select id, status from lot where not " + isOpen);
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            closed.put(LotId.of(rs.getString(1)), LotStatus.valueOf(rs.getString(2)));
        });
        receipt = jdbc.query("select receipt from ledger_event where receipt is not null order by seq desc limit 1",
                (rs, n) -> rs.getString(1)).stream().findFirst().orElse(BatchReceipt.GENESIS);
        Map<String, Object> row = jdbc.queryForMap("select * from ledger_balance");
        Balance balance = Balance.of(longs(row.get("extracted")), longs(row.get("imported")), longs(row.get("lost")),
                longs(row.get("unexplained")), longs(row.get("adjusted")));
        return Ledger.restore(registry, tolerance, open, closed, balance, ((Number) row.get("seq")).longValue(),
                (String) row.get("head"));
    }

    /** A lot from a row of {@code lot}. */
    public Lot lot(ResultSet rs) throws SQLException {
        String destination = rs.getString("destination_id");
        return new Lot(LotId.of(rs.getString("id")), MaterialForm.valueOf(rs.getString("form")),
                Mass.ofMilligrams(rs.getLong("mass_mg")), Composition.ofArray(longs(rs.getArray("composition"))),
                FacilityId.of(rs.getString("facility_id")), OperatorId.of(rs.getString("holder_id")),
                LotStatus.valueOf(rs.getString("status")), LotCodec.pedigree(rs.getBytes("pedigree")),
                destination == null ? null : FacilityId.of(destination), rs.getBigDecimal("activity_bq_g"));
    }

    /** Stored events among the given ids. */
    public Map<String, StoredEvent> find(Collection<String> eventIds) {
        Map<String, StoredEvent> found = new HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select event_id, seq, hash, content_digest, lots from ledger_event where event_id = any(?)");
            ps.setArray(1, con.createArrayOf("text", eventIds.toArray()));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), Arrays.asList((String[]) rs.getArray(5).getArray())));
        });
        return found;
    }

    /**
     * A batch ready to be stored: its rows encoded for COPY and the state of the books after it, as far as the store
     * keeps it beside the lots (the stock of each facility the batch touched, and the national balance). Staged on
     * the writer thread, so that the committer's time is PostgreSQL's while the ledger goes on with the next batch.
     */
    public record Staged(long first, long last, String head, CopyRows events, CopyRows undo, CopyRows lineage,
                         CopyRows traceGroups, List<Long> transformations, CopyRows lots, List<RaisedAlert> alerts, Map<FacilityId, Composition> stocks, Balance balance,
                         Instant recordedAt) {
    }

    /**
     * Stages accepted entries, the alerts the rules raised on their events and the state of {@code ledger} after
     * them: the events with their undo data, every lot they changed (as the last of them left it), and lineage.
     */
    public Staged stage(List<Entry> entries, List<RaisedAlert> alerts, Ledger ledger, Instant recordedAt) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entries to stage");
        }
        Map<LotId, Lot> lots = new HashMap<>();
        Map<LotId, Long> created = new HashMap<>();
        Map<LotId, Long> updated = new HashMap<>();
        Map<FacilityId, Composition> stocks = new LinkedHashMap<>();
        CopyRows events = new CopyRows("ledger_event", "seq", "event_id", "type", "facility_id", "event_time",
                "recorded_at", "content_digest", "payload", "lots", "previous_hash", "hash", "receipt");
        Entry last = entries.getLast();
        CopyRows undo = new CopyRows("ledger_undo", "seq", "undo");
        CopyRows lineage = new CopyRows("lineage", "seq", "lot_id", "output");
        CopyRows traceGroups = new CopyRows("trace_group", "seq", "output", "form", "facility_id", "holder_id",
                "origin", "lots", "masses");
        List<Long> transformations = new ArrayList<>();
        for (Entry e : entries) {
            for (Lot lot : e.lots()) {
                lots.put(lot.id(), lot);
                created.putIfAbsent(lot.id(), e.sequence());
                updated.put(lot.id(), e.sequence());
            }
            e.facilities().forEach(f -> stocks.computeIfAbsent(f, ledger::stock));
            LedgerEvent event = e.event();
            events.number(e.sequence()).text(event.id().value()).text(event.type().name())
                    .text(event.facility().value()).time(event.time()).time(recordedAt).text(e.digest())
                    .json(json.writeValueAsString(EventJson.write(event)))
                    .textArray(e.lots().stream().map(l -> l.id().value()).toList())
                    .text(e.previous()).text(e.hash())
                    .text(e == last ? receipt = BatchReceipt.of(receipt, e.sequence(), e.hash(),
                            BatchReceipt.micros(recordedAt)) : null)
                    .endRow();
            undo.number(e.sequence()).bytes(out -> LotCodec.undo(out, e.before(), e.lots(), e.delta())).endRow();
            // a lot named twice on one side of a transformation is one fact
            for (LotId in : new LinkedHashSet<>(e.lineage().inputs())) {
                lineage.number(e.sequence()).text(in.value()).bool(false).endRow();
            }
            for (LotId out : new LinkedHashSet<>(e.lineage().outputs())) {
                lineage.number(e.sequence()).text(out.value()).bool(true).endRow();
            }
            for (TraceRows.Group g : TraceRows.of(e)) {
                traceGroups.number(g.seq()).bool(g.output()).text(g.form()).text(g.facility()).text(g.holder())
                        .text(g.origin()).integer(g.lots()).bigintArray(g.masses()).endRow();
            }
            if (!e.lineage().isEmpty()) {
                transformations.add(e.sequence());
            }
        }
        CopyRows staged = new CopyRows("lot_stage", "id", "form", "mass_mg", "composition", "facility_id",
                "holder_id", "status", "destination_id", "activity_bq_g", "pedigree", "created_seq", "updated_seq");
        for (Lot lot : lots.values()) {
            staged.text(lot.id().value()).text(lot.form().name()).number(lot.mass().mg())
                    .bigintArray(lot.composition().toArray()).text(lot.facility().value())
                    .text(lot.holder().value()).text(lot.status().name())
                    .text(lot.headingTo().map(FacilityId::value).orElse(null))
                    // as text: the scale is what was measured
                    .text(lot.activity() == null ? null : lot.activity().toPlainString())
                    .bytes(out -> LotCodec.pedigree(out, lot.pedigree())).number(created.get(lot.id()))
                    .number(updated.get(lot.id())).endRow();
        }
        return new Staged(entries.getFirst().sequence(), entries.getLast().sequence(), entries.getLast().hash(),
                events, undo, lineage, traceGroups, List.copyOf(transformations), staged, List.copyOf(alerts), Map.copyOf(stocks), ledger.balance(), recordedAt);
    }

    /**
     * Writes a staged batch (null when the batch booked nothing) and what its submissions store beside it
     * ({@code alongside}, after the ledger's rows) in one transaction; only PostgreSQL's work is left to do.
     */
    public void write(Staged batch, List<Runnable> alongside) {
        tx.executeWithoutResult(status -> {
            if (batch != null) {
                writeRows(batch);
            }
            alongside.forEach(Runnable::run);
        });
    }

    /** The rows of a staged batch, in the caller's transaction. */
    private void writeRows(Staged batch) {
        Instant recordedAt = batch.recordedAt();
        jdbc.execute((ConnectionCallback<Void>) con -> {
            copy(con, batch.events());
            copy(con, batch.undo());
            copy(con, batch.lineage());
            if (!batch.transformations().isEmpty()) {
                copy(con, batch.traceGroups());
                try (PreparedStatement edges = con.prepareStatement(TraceRows.EDGES)) {
                    edges.setArray(1, con.createArrayOf("bigint", batch.transformations().toArray()));
                    edges.execute();
                }
            }
            return null;
        });
        // lots are upserted (a lot changes with most events) from a staging table filled by COPY
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (Statement st = con.createStatement()) {
                st.execute("""
                        create temporary table if not exists lot_stage (id text, form text, mass_mg bigint,
                            composition bigint[], facility_id text, holder_id text, status text,
                            destination_id text, activity_bq_g text, pedigree bytea, created_seq bigint,
                            updated_seq bigint) on commit delete rows""");
                copy(con, batch.lots());
                st.execute("insert into lot (" + LOT_COLUMNS + ", created_seq, updated_seq) "
                        + "select id, form, mass_mg, composition, facility_id, holder_id, status, destination_id,"
                        + " activity_bq_g::numeric, pedigree, created_seq, updated_seq from lot_stage "
                        // a corrective event may book the id of a VOID lot again, with another form
                        + "on conflict (id) do update set form = excluded.form, mass_mg = excluded.mass_mg, "
                        + "composition = excluded.composition, facility_id = excluded.facility_id, "
                        + "holder_id = excluded.holder_id, status = excluded.status, "
                        + "destination_id = excluded.destination_id, activity_bq_g = excluded.activity_bq_g, "
                        + "pedigree = excluded.pedigree, updated_seq = excluded.updated_seq");
            }
            return null;
        });
        if (!batch.alerts().isEmpty()) {
            jdbc.batchUpdate("""
                    insert into alert (event_seq, event_id, facility_id, operator_id, event_time, raised_at, pack,
                        pack_version, pack_digest, rule_id, jurisdiction, citation, outcome, message, detail,
                        status, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""", batch.alerts(), 1000, (ps, a) -> {
                ps.setLong(1, a.eventSeq());
                ps.setString(2, a.event().id().value());
                ps.setString(3, a.event().facility().value());
                ps.setString(4, a.operator().value());
                ps.setTimestamp(5, Timestamp.from(a.event().time()));
                ps.setTimestamp(6, Timestamp.from(recordedAt));
                ps.setString(7, a.finding().pack());
                ps.setString(8, a.finding().packVersion());
                ps.setString(9, a.finding().packDigest());
                ps.setString(10, a.finding().ruleId());
                ps.setString(11, String.valueOf(a.finding().jurisdiction()));
                ps.setString(12, a.finding().citation());
                ps.setString(13, a.finding().outcome().name());
                ps.setString(14, a.finding().message());
                ps.setString(15, a.finding().detail());
                ps.setTimestamp(16, Timestamp.from(recordedAt));
            });
        }
        long last = batch.last();
        jdbc.batchUpdate("insert into facility_stock (facility_id, composition, updated_seq) values (?, ?, ?) "
                + "on conflict (facility_id) do update set composition = excluded.composition, "
                + "updated_seq = excluded.updated_seq", batch.stocks().entrySet(), 1000, (ps, f) -> {
                    ps.setString(1, f.getKey().value());
                    ps.setArray(2, bigints(ps.getConnection(), f.getValue().toArray()));
                    ps.setLong(3, last);
                });
        Balance b = batch.balance();
        int rows = jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update ledger_balance set seq = ?, head = ?, extracted = ?, imported = ?, lost = ?,
                        unexplained = ?, adjusted = ? where seq = ?""");
            ps.setLong(1, last);
            ps.setString(2, batch.head());
            ps.setArray(3, bigints(con, b.extracted()));
            ps.setArray(4, bigints(con, b.imported()));
            ps.setArray(5, bigints(con, b.lost()));
            ps.setArray(6, bigints(con, b.unexplained()));
            ps.setArray(7, bigints(con, b.adjusted()));
            ps.setLong(8, batch.first() - 1);
            return ps;
        });
        // a second writer on the same database would have moved the head: refuse rather than fork the chain
        if (rows != 1) {
            throw new IllegalStateException("ledger head moved under the writer: expected sequence "
                    + (batch.first() - 1) + " in ledger_balance");
        }
    }

    /**
     * The history a reversal is looked up in, and closed lots with it: the entries not yet committed
     * ({@code pending}, in order, as the writer holds them), then the store.
     */
    public History history(List<Entry> pending) {
        return new History() {
            @Override
            public Optional<Undo> undo(EventId event) {
                for (int i = pending.size() - 1; i >= 0; i--) {
                    if (pending.get(i).event().id().equals(event)) {
                        return Optional.of(pending.get(i).undo());
                    }
                }
                return storedUndo(event);
            }

            @Override
            public Optional<EventId> reversedBy(EventId event) {
                for (Entry e : pending) {
                    if (e.event() instanceof Reverse r && r.original().equals(event)) {
                        return Optional.of(r.id());
                    }
                }
                return storedReversal(event);
            }

            @Override
            public Optional<Lot> lot(LotId id) {
                for (int i = pending.size() - 1; i >= 0; i--) {
                    for (Lot lot : pending.get(i).lots()) {
                        if (lot.id().equals(id)) {
                            return Optional.of(lot);
                        }
                    }
                }
                return storedLot(id);
            }
        };
    }

    /** The stored event that reverses {@code event}, if one does. */
    public Optional<EventId> storedReversal(EventId event) {
        return jdbc.query("select event_id from ledger_event where type = 'REVERSE' and payload ->> 'original' = ?",
                (rs, n) -> EventId.of(rs.getString(1)), event.value()).stream().findFirst();
    }

    /** A stored lot, as the last committed event left it. */
    public Optional<Lot> storedLot(LotId id) {
        return jdbc.query("select " + LOT_COLUMNS + " from lot where id = ?", (rs, n) -> lot(rs), id.value())
                .stream().findFirst();
    }

    /** The mass of a stored lot, for an assay given in oxide percent. */
    public Optional<Mass> mass(LotId id) {
        return jdbc.query("select mass_mg from lot where id = ?", (rs, n) -> Mass.ofMilligrams(rs.getLong(1)),
                id.value()).stream().findFirst();
    }

    /** A stored event by its id, with its sequence, hash, link and the instant it was recorded. */
    public Optional<EventRecord> event(String eventId) {
        return jdbc.query("select seq, payload::text, hash, previous_hash, recorded_at from ledger_event where event_id = ?",
                (rs, n) -> {
                    ObjectNode node = (ObjectNode) json.readTree(rs.getString(2));
                    node.put("sequence", rs.getLong(1));
                    node.put("hash", rs.getString(3));
                    node.put("previousHash", rs.getString(4));
                    node.put("recordedAt", rs.getTimestamp(5).toInstant().toString());
                    // who may read it follows the hash-chained payload, not a column that could be changed apart
                    return new EventRecord(rs.getLong(1), node.path("facility").asString(), node);
                }, eventId).stream().findFirst();
    }

    /** Where and when a stored event happened. */
    public Optional<EventPlace> place(EventId id) {
        return jdbc.query("select seq, facility_id, event_time from ledger_event where event_id = ?",
                (rs, n) -> new EventPlace(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()), id.value())
                .stream().findFirst();
    }

    /** Every stored event in order, read as it was booked (streamed: the books may be large). */
    public void eachEvent(StoredEvents events) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select seq, payload::text from ledger_event order by seq");
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            events.event(rs.getLong(1), EventJson.read(json.readTree(rs.getString(2)), id -> Optional.empty()));
        });
    }

    /** What it takes to reverse a stored event, as stored with it. */
    public Optional<Undo> storedUndo(EventId event) {
        return jdbc.query("""
                select e.event_id, e.type, e.facility_id, u.undo
                from ledger_event e join ledger_undo u on u.seq = e.seq where e.event_id = ?""", (rs, n) -> {
            LotCodec.UndoData undo = LotCodec.undo(rs.getBytes(4));
            return new Undo(EventId.of(rs.getString(1)), EventType.valueOf(rs.getString(2)),
                    FacilityId.of(rs.getString(3)), undo.before(), undo.after(), undo.delta());
        }, event.value()).stream().findFirst();
    }

    /** Sends encoded rows with COPY, in the connection's transaction; answers how many the server took. */
    public static long copy(Connection con, CopyRows rows) throws SQLException {
        if (rows.rows() == 0) {
            return 0;
        }
        try {
            return con.unwrap(PGConnection.class).getCopyAPI().copyIn(rows.statement(), rows.finish());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Array bigints(Connection con, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return con.createArrayOf("bigint", boxed);
    }

    /** A bigint[] element vector as read by JDBC. */
    public static long[] longs(Object sqlArray) {
        try {
            Object a = sqlArray instanceof Array arr ? arr.getArray() : sqlArray;
            Long[] boxed = (Long[]) a;
            long[] r = new long[boxed.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = boxed[i];
            }
            return r;
        } catch (SQLException e) {
            throw new IllegalStateException("unreadable element vector", e);
        }
    }
}
