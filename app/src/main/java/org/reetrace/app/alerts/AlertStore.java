package org.reetrace.app.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts raised at ingest (written by the ledger writer with their events, see
 * {@link org.reetrace.app.ledger.LedgerStore}) and what the regulator did about them: acknowledged, then closed,
 * each step with a comment, its author and time in {@code alert_audit}.
 */
@Component
public class AlertStore {

    public enum Status {
        OPEN, ACKNOWLEDGED, CLOSED
    }

    public record Alert(long id, long eventSeq, String eventId, String facility, String operator, Instant eventTime,
                        Instant raisedAt, String pack, String packVersion, String packDigest, String ruleId,
                        String jurisdiction, String citation, String outcome, String message, String detail,
                        Status status, Instant updatedAt) {
    }

    public record AuditEntry(Status status, String comment, String author, Instant at) {
    }

    /** Filters; null means any. {@code operator} restricts to one operator's alerts (what an operator may see). */
    public record Filter(Status status, String rule, String facility, String pack, String operator, int limit) {
    }

    private static final String COLUMNS = """
            id, event_seq, event_id, facility_id, operator_id, event_time, raised_at, pack, pack_version, pack_digest,
            rule_id, jurisdiction, citation, outcome, message, detail, status, updated_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AlertStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Alert> list(Filter f) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alert where true");
        List<Object> params = new ArrayList<>();
        add(sql, params, "status", f.status() == null ? null : f.status().name());
        add(sql, params, "rule_id", f.rule());
        add(sql, params, "facility_id", f.facility());
        add(sql, params, "pack", f.pack());
        add(sql, params, "operator_id", f.operator());
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(f.limit(), 1000)));
        return jdbc.sql(sql.toString()).params(params).query(this::alert).list();
    }

    private static void add(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from alert where id = ?").param(id).query(this::alert).optional();
    }

    public List<AuditEntry> trail(long id) {
        return jdbc.sql("select status, comment, author, at from alert_audit where alert_id = ? order by id").param(id)
                .query((rs, n) -> new AuditEntry(Status.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /**
     * Moves an alert on: OPEN to ACKNOWLEDGED, OPEN or ACKNOWLEDGED to CLOSED.
     *
     * @throws IllegalStateException when the alert is already there or past it (with its current status)
     */
    public Alert move(long id, Status to, String comment, String author) {
        return tx.execute(s -> {
            Alert a = jdbc.sql("select " + COLUMNS + " from alert where id = ? for update").param(id)
                    .query(this::alert).optional()
                    .orElseThrow(() -> new java.util.NoSuchElementException("no alert " + id));
            if (a.status().ordinal() >= to.ordinal()) {
                throw new IllegalStateException("alert " + id + " is " + a.status() + "; it cannot be "
                        + to.name().toLowerCase(java.util.Locale.ROOT) + " again");
            }
            Instant now = clock.instant();
            jdbc.sql("update alert set status = ?, updated_at = ? where id = ?").params(to.name(), Timestamp.from(now), id)
                    .update();
            jdbc.sql("insert into alert_audit (alert_id, status, comment, author, at) values (?, ?, ?, ?, ?)")
                    .params(id, to.name(), comment, author, Timestamp.from(now)).update();
            return find(id).orElseThrow();
        });
    }

    private Alert alert(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), Status.valueOf(rs.getString(17)), rs.getTimestamp(18).toInstant());
    }
}
