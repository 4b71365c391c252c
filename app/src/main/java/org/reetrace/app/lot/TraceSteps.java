package org.reetrace.app.lot;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A trace told by step rather than by lot: the transformations at each distance from a lot, and the lots on their far
 * side (the inputs going upstream, the outputs going downstream) grouped by step. A magnet's trace passes through tens
 * of thousands of lots, but only a few transformations: a summary reads the rows each transformation keeps of its sides
 * ({@code trace_group}, linked by {@code trace_edge}), never a lot, and a step's lots are read a page at a time.
 */
@Repository
public class TraceSteps {

    /** The transformations of a trace, {@code seqs[i]} at distance {@code distances[i]} (1 = next to the lot). */
    public record Walk(long[] seqs, int[] distances, int steps) {

        /** The transformations up to {@code distance}, the only ones the lots at that distance depend on. */
        Walk upTo(int distance) {
            int n = 0;
            for (int d : distances) {
                n += d <= distance ? 1 : 0;
            }
            long[] s = new long[n];
            int[] d = new int[n];
            int k = 0;
            for (int i = 0; i < seqs.length; i++) {
                if (distances[i] <= distance) {
                    s[k] = seqs[i];
                    d[k++] = distances[i];
                }
            }
            return new Walk(s, d, Math.min(steps, distance));
        }
    }

    /**
     * Lots of one step with the same form, facility, holder and country of origin (for an import): how many, and their
     * mass and element masses: upstream, what the transformations took of them (a consumed lot now weighs nothing);
     * downstream, as they were made. Facility and holder are where the lots went in, or where they were made.
     */
    public record LotGroup(int step, String form, String facility, String holder, String originCountry, long lots,
                           BigDecimal massKg, Map<String, Long> compositionMg) {
    }

    /** Transformations of one step with the same process at the same facility. */
    public record TransformationGroup(int step, String process, String facility, long transformations) {
    }

    /** A page of a step's lots (those of {@code holder} only, if given) and how many there are, shown and not. */
    public record LotPage(List<LotQueries.StoredLot> lots, long shown, long all) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerStore store;

    public TraceSteps(JdbcTemplate jdbc, LedgerStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * The transformations upstream (that made the lot, and those that made their inputs, ...) or downstream, each at
     * the first distance it is reached, to {@code depth} steps: from the lot's own lineage, then from transformation
     * to transformation by {@code trace_edge}, without reading a lot.
     */
    public Walk walk(String root, boolean upstream, int depth) {
        Map<Long, Integer> distances = new HashMap<>();
        List<Long> level = jdbc.queryForList("select seq from lineage where lot_id = ? and output = ?", Long.class,
                root, upstream);
        int steps = 0;
        String next = upstream ? "select distinct parent from trace_edge where seq = any(?)"
                : "select distinct seq from trace_edge where parent = any(?)";
        for (int distance = 1; distance <= depth && !level.isEmpty(); distance++) {
            List<Long> fresh = new ArrayList<>();
            for (Long seq : level) {
                if (distances.putIfAbsent(seq, distance) == null) {
                    fresh.add(seq);
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            steps = distance;
            Object[] seqs = fresh.toArray();
            level = distance == depth ? List.of() : jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(next);
                ps.setArray(1, con.createArrayOf("bigint", seqs));
                return ps;
            }, (rs, n) -> rs.getLong(1));
        }
        long[] seqs = new long[distances.size()];
        int[] ds = new int[distances.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> e : distances.entrySet()) {
            seqs[i] = e.getKey();
            ds[i++] = e.getValue();
        }
        return new Walk(seqs, ds, steps);
    }

    /** The walk's transformations in a statement: {@code s(seq, step)}. */
    private static final String STEPS = "s(seq, step) as (select * from unnest(?::bigint[], ?::int[]))";

    /** Each far-side lot at the first step that reaches it: {@code r(lot_id, step)}; its one parameter, the side. */
    private static final String REACHED = """
            r(lot_id, step) as (select i.lot_id, min(s.step) from s join lineage i on i.seq = s.seq and i.output = ?
                                group by i.lot_id)""";

    /**
     * The far-side lots of each step, grouped: upstream, the lots each transformation took in and what it took of them;
     * downstream, the lots each made, as made. Read from the transformations' own rows ({@code trace_group}), a few
     * each, whatever the number of lots. A lot two transformations of the trace took from is counted with each.
     */
    public List<LotGroup> lotGroups(Walk walk, boolean upstream) {
        if (walk.seqs().length == 0) {
            return List.of();
        }
        int elements = Element.count();
        StringBuilder sums = new StringBuilder("sum(g.masses[1])");
        for (int i = 2; i <= elements + 1; i++) {
            sums.append(", sum(g.masses[").append(i).append("])");
        }
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("with " + STEPS
                    + " select s.step, g.form, g.facility_id, g.holder_id, g.origin, sum(g.lots), " + sums + """
                     from s join trace_group g on g.seq = s.seq and g.output = ?
                    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5""");
            ps.setArray(1, con.createArrayOf("bigint", box(walk.seqs())));
            ps.setArray(2, con.createArrayOf("integer", box(walk.distances())));
            ps.setBoolean(3, !upstream);
            return ps;
        }, (rs, n) -> {
            Map<String, Long> mg = new LinkedHashMap<>();
            for (int i = 0; i < elements; i++) {
                long v = rs.getLong(8 + i);
                if (v != 0) {
                    mg.put(Element.byIndex(i).symbol(), v);
                }
            }
            return new LotGroup(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getLong(6), Mass.ofMilligrams(rs.getLong(7)).kilograms(), mg);
        });
    }

    /** The walk's transformations grouped by step, process and facility. */
    public List<TransformationGroup> transformationGroups(Walk walk) {
        if (walk.seqs().length == 0) {
            return List.of();
        }
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("with " + STEPS + """
                    select s.step, e.payload ->> 'process', e.facility_id, count(*)
                    from s join ledger_event e on e.seq = s.seq group by 1, 2, 3""");
            ps.setArray(1, con.createArrayOf("bigint", box(walk.seqs())));
            ps.setArray(2, con.createArrayOf("integer", box(walk.distances())));
            return ps;
        }, (rs, n) -> new TransformationGroup(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    /**
     * A page of the lots first reached at {@code step}, in order of id; only those {@code holder} holds if it is
     * given, and how many there are of those and of all.
     */
    public LotPage lots(Walk walk, boolean upstream, int step, String holder, int page, int size) {
        Walk near = walk.upTo(step);
        String reached = "with " + STEPS + ", " + REACHED + ", at_step as (select lot_id from r where step = ?) ";
        Object[] seqs = box(near.seqs());
        Object[] distances = box(near.distances());
        long[] counts = new long[2];
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(reached + """
                    select count(*) filter (where ?::text is null or l.holder_id = ?), count(*)
                    from at_step a join lot l on l.id = a.lot_id""");
            ps.setArray(1, con.createArrayOf("bigint", seqs));
            ps.setArray(2, con.createArrayOf("integer", distances));
            ps.setBoolean(3, !upstream);
            ps.setInt(4, step);
            ps.setString(5, holder);
            ps.setString(6, holder);
            return ps;
        }, rs -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
        });
        List<LotQueries.StoredLot> lots = counts[0] == 0 ? List.of() : jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(reached + """
                    select l.* from at_step a join lot l on l.id = a.lot_id
                    where ?::text is null or l.holder_id = ?
                    order by l.id collate "C" limit ? offset ?""");
            ps.setArray(1, con.createArrayOf("bigint", seqs));
            ps.setArray(2, con.createArrayOf("integer", distances));
            ps.setBoolean(3, !upstream);
            ps.setInt(4, step);
            ps.setString(5, holder);
            ps.setString(6, holder);
            ps.setInt(7, size);
            ps.setLong(8, (long) (page - 1) * size);
            return ps;
        }, (rs, n) -> new LotQueries.StoredLot(store.lot(rs), rs.getLong("created_seq"), rs.getLong("updated_seq")));
        return new LotPage(lots, counts[0], counts[1]);
    }

    /**
     * The events of one lot, in order: the one that made it, the transformations it went into or came out of, and
     * the one that last changed it (the ledger keeps no index of every event naming a lot).
     */
    public List<LotQueries.EventSummary> events(String lot) {
        return jdbc.query("""
                with seqs as (
                    select seq from lineage where lot_id = ?
                    union select created_seq from lot where id = ?
                    union select updated_seq from lot where id = ?)
                select e.seq, e.event_id, e.type, e.event_time, e.facility_id
                from seqs join ledger_event e on e.seq = seqs.seq order by e.seq""",
                (rs, n) -> new LotQueries.EventSummary(rs.getString(2), rs.getString(3), rs.getLong(1),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), lot, lot, lot);
    }

    private static Object[] box(long[] values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static Object[] box(int[] values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
