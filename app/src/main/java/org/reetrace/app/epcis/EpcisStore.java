package org.reetrace.app.epcis;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The EPCIS events table: batch inserts for captures, look-ups by id, and the query the REST binding runs. */
@Repository
class EpcisStore {
    private static final String INSERT = """
            insert into epcis_event (event_id, event_hash, event_type, event_time, record_time, action, biz_step,
                disposition, read_point, biz_location, facility_id, operator_id, epcs, any_epcs, epc_classes,
                any_epc_classes, ledger_event, capture_id, error_declaration, body)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id, error_declaration) do nothing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EpcisStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Inserts rows in one batch. An id already stored is left alone: the capture checked before that it is the
     * same event, so only a concurrent capture of the same id can reach this, and the first one wins.
     */
    void insert(List<CapturedEvent.StoredRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (CapturedEvent.StoredRow r : rows) {
                    int i = 1;
                    ps.setString(i++, r.eventId());
                    ps.setString(i++, r.hash());
                    ps.setString(i++, r.eventType());
                    ps.setTimestamp(i++, Timestamp.from(r.eventTime()));
                    ps.setTimestamp(i++, Timestamp.from(r.recordTime()));
                    ps.setString(i++, r.action());
                    ps.setString(i++, r.bizStep());
                    ps.setString(i++, r.disposition());
                    ps.setString(i++, r.readPoint());
                    ps.setString(i++, r.bizLocation());
                    ps.setString(i++, r.facilityId());
                    ps.setString(i++, r.operatorId());
                    ps.setArray(i++, texts(c, r.epcs()));
                    ps.setArray(i++, texts(c, r.anyEpcs()));
                    ps.setArray(i++, texts(c, r.epcClasses()));
                    ps.setArray(i++, texts(c, r.anyEpcClasses()));
                    ps.setString(i++, r.ledgerEvent());
                    ps.setString(i++, r.captureId());
                    ps.setBoolean(i++, r.errorDeclaration());
                    ps.setString(i, r.body());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static Array texts(java.sql.Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    /**
     * The hashes of the stored events with one of {@code ids}, by {@link CapturedEvent#key()}: an error declaration
     * under the same eventID as its original is another entry.
     */
    Map<String, String> hashesOf(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select event_id || case when error_declaration then '" + CapturedEvent.ERROR_DECLARATION_KEY
                        + "' else '' end, event_hash from epcis_event where event_id = any(?)")
                .param(ids.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getString(2))).list();
        return found;
    }

    /** One page of a query: up to {@code limit} rows after {@code afterSeq}, in capture order. */
    List<Row> query(EventQuery.Sql sql, long afterSeq, int limit) {
        Map<String, Object> params = new HashMap<>();
        sql.params().forEach((name, value) -> params.put(name, value instanceof Instant i ? Timestamp.from(i) : value));
        params.put("afterSeq", afterSeq);
        params.put("limit", limit);
        return jdbc.sql("select seq, body from epcis_event where seq > :afterSeq" + sql.where()
                        + " order by seq limit :limit")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * Up to {@code limit} rows of a query in the order asked, after a position: in capture order after
     * {@code afterSeq}, or by a time column ({@link QueryOrder#column}) after the row with that time and seq.
     */
    List<Scanned> scan(EventQuery.Sql sql, QueryOrder order, long afterSeq, Instant afterKey, int limit) {
        Map<String, Object> params = new HashMap<>();
        sql.params().forEach((name, value) -> params.put(name, value instanceof Instant i ? Timestamp.from(i) : value));
        params.put("limit", limit);
        String column = order == null || order.column() == null ? null : order.column();
        String key = column == null ? "null::timestamptz" : column;
        StringBuilder q = new StringBuilder("select seq, ").append(key).append(", body from epcis_event where true")
                .append(sql.where());
        if (column == null) {
            q.append(" and seq > :afterSeq order by seq");
            params.put("afterSeq", afterSeq);
        } else {
            String direction = order.ascending() ? "asc" : "desc";
            if (afterKey != null) {
                q.append(" and (").append(column).append(", seq) ").append(order.ascending() ? ">" : "<")
                        .append(" (:afterKey, :afterSeq)");
                params.put("afterKey", Timestamp.from(afterKey));
                params.put("afterSeq", afterSeq);
            }
            q.append(" order by ").append(column).append(' ').append(direction).append(", seq ").append(direction);
        }
        q.append(" limit :limit");
        return jdbc.sql(q.toString()).params(params).query((rs, n) -> {
            Timestamp at = rs.getTimestamp(2);
            return new Scanned(rs.getLong(1), at == null ? null : at.toInstant(), rs.getString(3));
        }).list();
    }

    /** How many rows the query's SQL selects, counted up to {@code atMost}. */
    long count(EventQuery.Sql sql, long atMost) {
        Map<String, Object> params = new HashMap<>();
        sql.params().forEach((name, value) -> params.put(name, value instanceof Instant i ? Timestamp.from(i) : value));
        params.put("atMost", atMost);
        return jdbc.sql("select count(*) from (select 1 from epcis_event where true" + sql.where()
                + " limit :atMost) as found").params(params).query(Long.class).single();
    }

    /** A row of a scan: its seq, its sort key (null in capture order) and its stored event. */
    record Scanned(long seq, Instant key, String body) {
    }

    /** Distinct values of a vocabulary column among the events {@code visibility} lets the caller see. */
    List<String> distinct(String column, EventQuery.Sql visibility) {
        if (!List.of("biz_step", "biz_location", "read_point", "disposition", "event_type").contains(column)) {
            throw new IllegalArgumentException("not a vocabulary column: " + column);
        }
        return new ArrayList<>(jdbc.sql("select distinct " + column + " from epcis_event where " + column
                        + " is not null" + visibility.where() + " order by 1 limit 10000")
                .params(visibility.params()).query(String.class).list());
    }

    /** Distinct EPCs (any role: listed, child, parent, input, output) of the events {@code visibility} lets see. */
    List<String> epcs(EventQuery.Sql visibility) {
        return new ArrayList<>(jdbc.sql("select distinct epc from epcis_event, unnest(any_epcs) as epc where true"
                        + visibility.where() + " order by 1 limit 10000")
                .params(visibility.params()).query(String.class).list());
    }

    record Row(long seq, String body) {
    }
}
