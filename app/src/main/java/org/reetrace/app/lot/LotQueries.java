package org.reetrace.app.lot;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Read-only questions on the stored ledger: lots, events, lineage and stocks. */
@Component
public class LotQueries {

    /** A stored lot with the sequence numbers of the events that created it and last changed it. */
    public record StoredLot(Lot lot, long createdSeq, long updatedSeq) {
    }

    /** The event that links lots, in brief. */
    public record EventSummary(String id, String type, long sequence, Instant time, String facility) {
    }

    /** A transformation in a trace: every input went, in part or whole, into every output. */
    public record Step(EventSummary event, List<String> inputs, List<String> outputs) {

        Step frozen() {
            return new Step(event, List.copyOf(inputs), List.copyOf(outputs));
        }
    }

    public record Trace(List<StoredLot> lots, List<Step> steps, Map<Long, EventSummary> creators) {
    }

    public record EventRecord(long sequence, String facility, JsonNode json) {
    }

    public record Stock(Composition composition, long updatedSeq, List<Lot> activeLots) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final ObjectMapper json;

    public LotQueries(JdbcTemplate jdbc, LedgerStore store, ObjectMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.json = json;
    }

    public Optional<StoredLot> lot(String id) {
        List<StoredLot> found = jdbc.query("select *, created_seq, updated_seq from lot where id = ?",
                (rs, n) -> new StoredLot(store.lot(rs), rs.getLong("created_seq"), rs.getLong("updated_seq")), id);
        return found.stream().findFirst();
    }

    public Optional<Mass> mass(LotId id) {
        return jdbc.query("select mass_mg from lot where id = ?", (rs, n) -> Mass.ofMilligrams(rs.getLong(1)),
                id.value()).stream().findFirst();
    }

    public Optional<EventRecord> event(String eventId) {
        return jdbc.query("select seq, facility_id, payload::text, hash, previous_hash, recorded_at from ledger_event where event_id = ?",
                (rs, n) -> {
                    ObjectNode node = (ObjectNode) json.readTree(rs.getString(3));
                    node.put("sequence", rs.getLong(1));
                    node.put("hash", rs.getString(4));
                    node.put("previousHash", rs.getString(5));
                    node.put("recordedAt", rs.getTimestamp(6).toInstant().toString());
                    return new EventRecord(rs.getLong(1), rs.getString(2), node);
                }, eventId).stream().findFirst();
    }

    /**
     * The lots upstream (what went into this lot, recursively) or downstream (what it went into) to
     * {@code depth} steps, with the transformations linking them and the events that created each lot.
     */
    public Trace trace(String root, boolean upstream, int depth) {
        // upstream: from a lot to the transformations it came out of, then to what went into those
        List<String> ids = jdbc.queryForList("""
                with recursive walk(id, depth) as (
                    select ?::text, 0
                    union
                    select across.lot_id, w.depth + 1
                    from walk w
                    join lineage here on here.lot_id = w.id and here.output = ?
                    join lineage across on across.seq = here.seq and across.output <> here.output
                    where w.depth < ?
                )
                select id from walk group by id order by min(depth), id""", String.class, root, upstream, depth);
        Object[] idArray = ids.toArray();
        List<StoredLot> lots = new ArrayList<>();
        Map<String, StoredLot> byId = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select * from lot where id = any(?)");
            ps.setArray(1, con.createArrayOf("text", idArray));
            return ps;
        }, rs -> {
            StoredLot l = new StoredLot(store.lot(rs), rs.getLong("created_seq"), rs.getLong("updated_seq"));
            byId.put(l.lot().id().value(), l);
        });
        ids.forEach(id -> lots.add(byId.get(id)));
        // the transformations the walk went through, each with those of its lots that are in the trace
        Map<Long, Step> steps = new LinkedHashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select l.seq, l.lot_id, l.output, e.event_id, e.type, e.event_time, e.facility_id
                    from lineage l join ledger_event e on e.seq = l.seq
                    where l.seq in (select seq from lineage where lot_id = any(?) and output = ?)
                      and l.lot_id = any(?)
                    order by l.seq, l.output, l.lot_id""");
            ps.setArray(1, con.createArrayOf("text", idArray));
            ps.setBoolean(2, upstream);
            ps.setArray(3, con.createArrayOf("text", idArray));
            return ps;
        }, rs -> {
            long seq = rs.getLong(1);
            Step step = steps.get(seq);
            if (step == null) {
                step = new Step(new EventSummary(rs.getString(4), rs.getString(5), seq, rs.getTimestamp(6).toInstant(),
                        rs.getString(7)), new ArrayList<>(), new ArrayList<>());
                steps.put(seq, step);
            }
            (rs.getBoolean(3) ? step.outputs() : step.inputs()).add(rs.getString(2));
        });
        Map<Long, EventSummary> creators = new HashMap<>();
        Object[] seqs = lots.stream().map(StoredLot::createdSeq).distinct().toArray();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select event_id, type, seq, event_time, facility_id from ledger_event where seq = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", seqs));
            return ps;
        }, rs -> {
            creators.put(rs.getLong(3), new EventSummary(rs.getString(1), rs.getString(2), rs.getLong(3),
                    rs.getTimestamp(4).toInstant(), rs.getString(5)));
        });
        return new Trace(lots, steps.values().stream().map(Step::frozen).toList(), creators);
    }

    public Stock stock(String facilityId) {
        List<Object[]> row = jdbc.query("select composition, updated_seq from facility_stock where facility_id = ?",
                (rs, n) -> new Object[] {rs.getArray(1), rs.getLong(2)}, facilityId);
        Composition c = row.isEmpty() ? Composition.ZERO : Composition.ofArray(LedgerStore.longs(row.getFirst()[0]));
        long seq = row.isEmpty() ? 0 : (Long) row.getFirst()[1];
        List<Lot> active = jdbc.query("select * from lot where facility_id = ? and status = 'ACTIVE' order by id",
                (rs, n) -> store.lot(rs), facilityId);
        return new Stock(c, seq, active);
    }
}
