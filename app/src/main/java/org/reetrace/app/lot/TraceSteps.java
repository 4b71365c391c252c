package org.reetrace.app.lot;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.ledger.LedgerStore;
import org.reetrace.app.ledger.LotCodec;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.Origin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * A trace told by step rather than by lot: the transformations at each distance from a lot, and the lots on their far
 * side (the inputs going upstream, the outputs going downstream) grouped by step. A magnet's trace passes through tens
 * of thousands of lots; a summary reads of each only its group and its masses as made, and a step's lots are read a
 * page at a time.
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
     * Lots of one step with the same form, facility, holder and country of origin (for an import): how many, their
     * mass and element masses as they were made (the event that created each lot says so; a consumed lot now weighs
     * nothing).
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
     * the first distance it is reached, to {@code depth} steps. Walked a level at a time by transformation with index
     * look-ups, as {@link LotQueries#trace} does, but without bringing a single lot id back.
     */
    public Walk walk(String root, boolean upstream, int depth) {
        Map<Long, Integer> distances = new HashMap<>();
        List<Long> level = jdbc.queryForList("select seq from lineage where lot_id = ? and output = ?", Long.class,
                root, upstream);
        int steps = 0;
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
                PreparedStatement ps = con.prepareStatement("""
                        select distinct o.seq from lineage i join lineage o on o.lot_id = i.lot_id and o.output = ?
                        where i.seq = any(?) and i.output = ?""");
                ps.setBoolean(1, upstream);
                ps.setArray(2, con.createArrayOf("bigint", seqs));
                ps.setBoolean(3, !upstream);
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
     * The far-side lots of each step, grouped, with their masses as made. PostgreSQL finds the lots (an index look-up
     * each); their masses as made come from the undo data of the events that made them (the lots as each event left
     * them, in {@link LotCodec}'s binary form, read once per event however many of its outputs the trace holds):
     * reading them from the events' JSON cost a parse of a whole batch's payload per lot.
     */
    public List<LotGroup> lotGroups(Walk walk, boolean upstream) {
        if (walk.seqs().length == 0) {
            return List.of();
        }
        record Reached(int step, String id, String form, String facility, String holder, long createdSeq) {
        }
        List<Reached> reached = new ArrayList<>();
        Set<Long> creators = new HashSet<>();
        jdbc.query(con -> {
            // the lateral look-up keeps PostgreSQL from scanning every lot to hash-join thousands of them
            PreparedStatement ps = con.prepareStatement("with " + STEPS + ", " + REACHED + """
                    select r.step, r.lot_id, l.form, l.facility_id, l.holder_id, l.created_seq from r
                    cross join lateral (select form, facility_id, holder_id, created_seq from lot
                                        where id = r.lot_id limit 1) l""");
            ps.setArray(1, con.createArrayOf("bigint", box(walk.seqs())));
            ps.setArray(2, con.createArrayOf("integer", box(walk.distances())));
            ps.setBoolean(3, !upstream);
            return ps;
        }, rs -> {
            Reached r = new Reached(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getLong(6));
            reached.add(r);
            creators.add(r.createdSeq());
        });
        Map<String, Lot> made = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        reached.forEach(r -> wanted.add(r.id()));
        eachRow("select undo from ledger_undo where seq = any(?)", creators.toArray(), rs -> {
            for (Lot lot : LotCodec.undo(rs.getBytes(1)).after()) {
                if (wanted.contains(lot.id().value())) {
                    made.putIfAbsent(lot.id().value(), lot);
                }
            }
        });
        record Key(int step, String form, String facility, String holder, String origin) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        int elements = Element.count();
        for (Reached r : reached) {
            Lot lot = made.get(r.id());
            String origin = lot == null ? null : lot.pedigree().parts().keySet().stream()
                    .filter(k -> k.origin().kind() == Origin.Kind.IMPORT).map(k -> k.origin().country().alpha2())
                    .distinct().sorted().reduce((x, y) -> x + "," + y).orElse(null);
            long[] sum = sums.computeIfAbsent(new Key(r.step(), r.form(), r.facility(), r.holder(), origin),
                    k -> new long[elements + 2]);
            sum[0]++;
            if (lot != null) {
                sum[1] += lot.mass().mg();
                for (int i = 0; i < elements; i++) {
                    sum[i + 2] += lot.composition().get(Element.byIndex(i));
                }
            }
        }
        List<LotGroup> groups = new ArrayList<>();
        sums.forEach((k, sum) -> {
            Map<String, Long> mg = new LinkedHashMap<>();
            for (int i = 0; i < elements; i++) {
                if (sum[i + 2] != 0) {
                    mg.put(Element.byIndex(i).symbol(), sum[i + 2]);
                }
            }
            groups.add(new LotGroup(k.step(), k.form(), k.facility(), k.holder(), k.origin(), sum[0],
                    Mass.ofMilligrams(sum[1]).kilograms(), mg));
        });
        return groups;
    }

    /** Each row of {@code sql}, whose one parameter is an array of bigint. */
    private void eachRow(String sql, Object[] values, RowCallbackHandler rows) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf("bigint", values));
            return ps;
        }, rows);
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
