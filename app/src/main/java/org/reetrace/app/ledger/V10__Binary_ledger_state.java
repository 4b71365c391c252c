package org.reetrace.app.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.reetrace.core.ledger.Balance;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves pedigrees ({@code lot.pedigree}) and undo data ({@code ledger_undo}) from JSON to {@link LotCodec}'s binary
 * form, which the writer produces and PostgreSQL stores at a fraction of the cost. The content is the same: every
 * row is read with the JSON reader of the earlier versions and written again, in the migration's transaction.
 * A Flyway migration in Java (named by Flyway's convention) because the conversion is the codec's.
 */
@Component
public class V10__Binary_ledger_state extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        JsonMapper json = JsonMapper.builder().build();
        try (Statement s = c.createStatement()) {
            s.execute("alter table lot add column pedigree_binary bytea");
        }
        try (Statement read = c.createStatement();
             PreparedStatement write = c.prepareStatement("update lot set pedigree_binary = ? where id = ?")) {
            read.setFetchSize(BATCH);
            int n = 0;
            try (ResultSet rs = read.executeQuery("select id, pedigree::text from lot")) {
                while (rs.next()) {
                    write.setBytes(1, LotCodec.pedigree(LotJson.readPedigree(json.readTree(rs.getString(2)))));
                    write.setString(2, rs.getString(1));
                    write.addBatch();
                    if (++n % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table lot drop column pedigree");
            s.execute("alter table lot rename column pedigree_binary to pedigree");
            s.execute("alter table lot alter column pedigree set not null");
            s.execute("""
                    create table ledger_undo_binary (
                        seq  bigint primary key references ledger_event (seq),
                        -- LotCodec.undo: the lots before and after the event, and its change to the national balance
                        undo bytea not null
                    )""");
        }
        try (Statement read = c.createStatement();
             PreparedStatement write = c.prepareStatement("insert into ledger_undo_binary (seq, undo) values (?, ?)")) {
            read.setFetchSize(BATCH);
            int n = 0;
            try (ResultSet rs = read.executeQuery("select seq, before::text, after::text, delta::text from ledger_undo")) {
                while (rs.next()) {
                    JsonNode delta = json.readTree(rs.getString(4));
                    write.setLong(1, rs.getLong(1));
                    write.setBytes(2, LotCodec.undo(LotJson.readAll(json.readTree(rs.getString(2))),
                            LotJson.readAll(json.readTree(rs.getString(3))),
                            Balance.of(vector(delta, "extracted"), vector(delta, "imported"), vector(delta, "lost"),
                                    vector(delta, "unexplained"), vector(delta, "adjusted"))));
                    write.addBatch();
                    if (++n % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            for (String sql : List.of("drop table ledger_undo",
                    "alter table ledger_undo_binary rename to ledger_undo",
                    "alter index ledger_undo_binary_pkey rename to ledger_undo_pkey",
                    """
                    create trigger ledger_undo_append_only
                        before update or delete on ledger_undo
                        for each row execute function ledger_undo_is_append_only()""")) {
                s.execute(sql);
            }
        }
    }

    private static long[] vector(JsonNode delta, String name) {
        JsonNode a = delta.get(name);
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asLong();
        }
        return v;
    }
}
