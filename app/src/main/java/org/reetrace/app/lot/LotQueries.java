package org.reetrace.app.lot;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.OperatorId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;


/** Read-only questions on the stored ledger: lots, events, lineage and stocks. */
@Repository
public class LotQueries {

    /** A stored lot with the sequence numbers of the events that created it and last changed it. */
    public record StoredLot(Lot lot, long createdSeq, long updatedSeq) {
    }

    /** The event that links lots, in brief. */
    public record EventSummary(String id, String type, long sequence, Instant time, String facility) {
    }

    /** A transformation in a trace: every input went, in part or whole, into every output. */
    public record Step(EventSummary event, List<String> inputs, List<String> outputs) {

        /** With its lots in order of id: the lineage is read unsorted, since sorting in the database costs more. */
        Step frozen() {
            return new Step(event, inputs.stream().sorted().toList(), outputs.stream().sorted().toList());
        }
    }

    public record Trace(List<StoredLot> lots, List<Step> steps, Map<Long, EventSummary> creators) {
    }

    /** A row of lineage: {@code lot} went into ({@code output} false) or came out of transformation {@code seq}. */
    private record Linked(long seq, String lot, boolean output) {
    }

    /** A facility's stock: its element balance as of a sequence, and its active lots in order of id. */
    public record Stock(Composition composition, long updatedSeq, List<StockLot> activeLots) {
    }

    /** An active lot as a stock lists it, with who holds it (a lot at a facility may be held by another operator). */
    public record StockLot(LotId id, MaterialForm form, Mass mass, OperatorId holder) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerStore store;

    public LotQueries(JdbcTemplate jdbc, LedgerStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public Optional<StoredLot> lot(String id) {
        List<StoredLot> found = jdbc.query("select *, created_seq, updated_seq from lot where id = ?",
                (rs, n) -> new StoredLot(store.lot(rs), rs.getLong("created_seq"), rs.getLong("updated_seq")), id);
        return found.stream().findFirst();
    }

    /**
     * The lots upstream (what went into this lot, recursively) or downstream (what it went into) to
     * {@code depth} steps, with the transformations linking them and the events that created each lot.
     */
    public Trace trace(String root, boolean upstream, int depth) {
        // walked level by level with index look-ups (a recursive query gets its join estimates wrong and scans the
        // table), and by transformation: a batch's inputs are fetched once however many of its outputs are traced
        Map<String, Integer> lotDepths = new HashMap<>(Map.of(root, 0));
        Map<Long, Integer> stepDepths = new HashMap<>();
        List<Linked> links = new ArrayList<>();
        List<String> frontier = List.of(root);
        for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
            Object[] lotArray = frontier.toArray();
            List<Long> found = jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(
                        "select distinct seq from lineage where lot_id = any(?) and output = ?");
                ps.setArray(1, con.createArrayOf("text", lotArray));
                ps.setBoolean(2, upstream);
                return ps;
            }, (rs, n) -> rs.getLong(1));
            Object[] seqArray = found.stream().filter(seq -> !stepDepths.containsKey(seq)).toArray();
            for (Object seq : seqArray) {
                stepDepths.put((Long) seq, level);
            }
            List<String> next = new ArrayList<>();
            int reached = level;
            eachRow("select seq, lot_id, output from lineage where seq = any(?)", "bigint", seqArray, rs -> {
                String lot = rs.getString(2);
                boolean output = rs.getBoolean(3);
                links.add(new Linked(rs.getLong(1), lot, output));
                if (output != upstream && lotDepths.putIfAbsent(lot, reached) == null) {
                    next.add(lot);
                }
            });
            frontier = next;
        }
        Map<Long, Step> steps = new TreeMap<>();
        events(stepDepths.keySet().toArray())
                .forEach((seq, event) -> steps.put(seq, new Step(event, new ArrayList<>(), new ArrayList<>())));
        // on the near side only the lots in the trace: a residue made beside a concentrate is not part of it
        for (Linked link : links) {
            if (link.output() != upstream || lotDepths.containsKey(link.lot())) {
                Step step = steps.get(link.seq());
                (link.output() ? step.outputs() : step.inputs()).add(link.lot());
            }
        }
        List<String> ids = lotDepths.keySet().stream()
                .sorted(Comparator.comparing((String id) -> lotDepths.get(id)).thenComparing(id -> id)).toList();
        Object[] idArray = ids.toArray();
        List<StoredLot> lots = new ArrayList<>();
        Map<String, StoredLot> byId = new HashMap<>();
        eachRow("select * from lot where id = any(?)", "text", idArray, rs -> {
            StoredLot l = new StoredLot(store.lot(rs), rs.getLong("created_seq"), rs.getLong("updated_seq"));
            byId.put(l.lot().id().value(), l);
        });
        ids.forEach(id -> lots.add(byId.get(id)));
        Map<Long, EventSummary> creators = events(lots.stream().map(StoredLot::createdSeq).distinct().toArray());
        return new Trace(lots, steps.values().stream().map(Step::frozen).toList(), creators);
    }

    /** The events at these sequence numbers, in brief. */
    private Map<Long, EventSummary> events(Object[] seqs) {
        Map<Long, EventSummary> events = new HashMap<>();
        eachRow("select seq, event_id, type, event_time, facility_id from ledger_event where seq = any(?)", "bigint",
                seqs, rs -> events.put(rs.getLong(1), new EventSummary(rs.getString(2), rs.getString(3),
                        rs.getLong(1), rs.getTimestamp(4).toInstant(), rs.getString(5))));
        return events;
    }

    /** Each row of {@code sql}, whose one parameter is an array of {@code type}. */
    private void eachRow(String sql, String type, Object[] values, RowCallbackHandler rows) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf(type, values));
            return ps;
        }, rows);
    }

    public Stock stock(String facilityId) {
        List<Object[]> row = jdbc.query("select composition, updated_seq from facility_stock where facility_id = ?",
                (rs, n) -> new Object[] {rs.getArray(1), rs.getLong(2)}, facilityId);
        Composition c = row.isEmpty() ? Composition.ZERO : Composition.ofArray(LedgerStore.longs(row.getFirst()[0]));
        long seq = row.isEmpty() ? 0 : (Long) row.getFirst()[1];
        // a port or a store can hold tens of thousands of lots: only what the list shows is read, and sorted here,
        // where comparing ids costs less than in the database's collation
        List<StockLot> active = new ArrayList<>(jdbc.query(
                "select id, form, mass_mg, holder_id from lot where facility_id = ? and status = 'ACTIVE'",
                (rs, n) -> new StockLot(LotId.of(rs.getString(1)), MaterialForm.valueOf(rs.getString(2)),
                        Mass.ofMilligrams(rs.getLong(3)), OperatorId.of(rs.getString(4))), facilityId));
        active.sort(Comparator.comparing(l -> l.id().value()));
        return new Stock(c, seq, active);
    }

    /** A facility's events, the newest first: {@code limit} of them after skipping {@code offset}. */
    public List<EventSummary> events(String facilityId, int offset, int limit) {
        return jdbc.query("select event_id, type, seq, event_time, facility_id from ledger_event where facility_id = ?"
                        + " order by seq desc limit ? offset ?",
                (rs, n) -> new EventSummary(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), facilityId, limit, offset);
    }

    /** How many events a facility has booked. */
    public long eventCount(String facilityId) {
        Long n = jdbc.queryForObject("select count(*) from ledger_event where facility_id = ?", Long.class, facilityId);
        return n == null ? 0 : n;
    }
}
