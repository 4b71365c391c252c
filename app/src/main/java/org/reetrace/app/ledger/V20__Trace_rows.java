package org.reetrace.app.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.reetrace.core.lot.LotId;
import org.springframework.stereotype.Component;

/**
 * Keeps, per transformation, what a summarised trace reads ({@link TraceRows}): {@code trace_group}, its inputs and
 * outputs grouped with what it took and made, and {@code trace_edge}, the transformations that made its inputs. The
 * writer adds them as it books; for books of earlier releases they are worked out here from each transformation's
 * undo data and lineage, in the migration's transaction.
 */
@Component
public class V20__Trace_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create table trace_group (
                        seq         bigint  not null,
                        -- false: lots that went in, with what the transformation took of them; true: lots it made
                        output      boolean not null,
                        form        text    not null,
                        facility_id text    not null,
                        holder_id   text    not null,
                        -- the countries the lots' material was imported from (AU,CN); null for none
                        origin      text,
                        lots        integer not null check (lots > 0),
                        -- mass, then the 19 element masses, in mg
                        masses      bigint[] not null check (cardinality(masses) = 20)
                    )""");
            s.execute("create index trace_group_seq on trace_group (seq, output)");
            s.execute("""
                    create table trace_edge (
                        seq    bigint not null,
                        -- a transformation that made a lot that went into seq
                        parent bigint not null,
                        primary key (seq, parent)
                    )""");
            s.execute("create index trace_edge_parent on trace_edge (parent)");
        }
        fill(c);
    }

    /** Writes the trace rows of every transformation stored, from its undo data and lineage. */
    static void fill(Connection c) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Statement read = c.createStatement();
             PreparedStatement write = c.prepareStatement("""
                     insert into trace_group (seq, output, form, facility_id, holder_id, origin, lots, masses)
                     values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            read.setFetchSize(50);
            try (ResultSet rs = read.executeQuery("""
                    select u.seq, u.undo, l.inputs, l.outputs from ledger_undo u
                    join (select seq, array_agg(lot_id) filter (where not output) inputs,
                                 array_agg(lot_id) filter (where output) outputs
                          from lineage group by seq) l on l.seq = u.seq
                    order by u.seq""")) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    List<LotId> inputs = ids(rs.getArray(3));
                    List<LotId> outputs = ids(rs.getArray(4));
                    if (inputs.isEmpty() || outputs.isEmpty()) {
                        continue;
                    }
                    seqs.add(seq);
                    LotCodec.UndoData undo = LotCodec.undo(rs.getBytes(2));
                    for (TraceRows.Group g : TraceRows.of(seq, inputs, outputs, undo.before(), undo.after())) {
                        write.setLong(1, g.seq());
                        write.setBoolean(2, g.output());
                        write.setString(3, g.form());
                        write.setString(4, g.facility());
                        write.setString(5, g.holder());
                        write.setString(6, g.origin());
                        write.setInt(7, g.lots());
                        Long[] masses = new Long[g.masses().length];
                        for (int i = 0; i < masses.length; i++) {
                            masses[i] = g.masses()[i];
                        }
                        write.setArray(8, c.createArrayOf("bigint", masses));
                        write.addBatch();
                    }
                    write.executeBatch();
                }
            }
        }
        try (PreparedStatement edges = c.prepareStatement(TraceRows.EDGES)) {
            edges.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            edges.execute();
        }
    }

    private static List<LotId> ids(Array array) throws SQLException {
        List<LotId> ids = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                ids.add(LotId.of((String) o));
            }
        }
        return ids;
    }
}
