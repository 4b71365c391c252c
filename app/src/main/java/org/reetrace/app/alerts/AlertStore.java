package org.reetrace.app.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts raised at ingest (written by the ledger writer with their events, see
 * {@link org.reetrace.app.ledger.LedgerStore}) and what the regulator did about them: acknowledged, then closed,
 * each step with a comment, its author and time in {@code alert_audit}.
 */
@Repository
public class AlertStore {

    public enum Status {
        OPEN, ACKNOWLEDGED, CLOSED
    }

    /** Who raised an alert: a FLAG rule at ingest, or the enforcement analytics over the books. */
    public enum Source {
        RULE, ANALYTICS
    }

    /**
     * An alert. Rule alerts concern one event ({@code eventSeq}, {@code eventId}); analytics alerts concern a
     * {@code subject} (facility, lot, partner and HS code) in a {@code period} (YYYY-MM), carry their {@code kind}
     * (an {@link org.reetrace.core.analytics.AlertKind}), their {@code figures} and the {@code events} behind them;
     * their event columns name the first of those events when there is one.
     */
    public record Alert(long id, Long eventSeq, String eventId, String facility, String operator, Instant eventTime,
                        Instant raisedAt, String pack, String packVersion, String packDigest, String ruleId,
                        String jurisdiction, String citation, String outcome, String message, String detail,
                        Status status, Instant updatedAt, Source source, String kind, String subject, String period,
                        Map<String, String> figures, List<String> events) {
    }

    /**
     * An analytics finding to store: {@code key} identifies it (the same finding seen again is not stored twice);
     * {@code facility} and {@code operator} say whose it is (null for national findings such as a mirror-trade
     * gap); {@code firstEvent} the first event of the evidence that is in the ledger, if any.
     */
    public record Finding(String key, String kind, String subject, String period, String message,
                          Map<String, String> figures, List<String> events, String facility, String operator,
                          Long firstEventSeq, String firstEventId, Instant time) {
    }

    /** A booked event behind an alert: its type, time, facility and the lots it booked. */
    public record Evidence(String eventId, String type, Instant time, String facility, List<String> lots) {
    }

    public record AuditEntry(Status status, String comment, String author, Instant at) {
    }

    /**
     * Filters; null means any. {@code operator} restricts to one operator's alerts (what an operator may see);
     * {@code period} a month YYYY-MM (an analytics alert's period, a rule alert's event month in UTC);
     * {@code raisedAfter} only alerts raised after it; {@code offset} how many of the newest to skip (paging).
     */
    public record Filter(Status status, String rule, String facility, String pack, String operator, int limit,
                         Source source, String kind, String period, Instant raisedAfter, int offset) {

        public Filter(Status status, String rule, String facility, String pack, String operator, int limit) {
            this(status, rule, facility, pack, operator, limit, null, null);
        }

        public Filter(Status status, String rule, String facility, String pack, String operator, int limit,
                      Source source, String kind) {
            this(status, rule, facility, pack, operator, limit, source, kind, null, null, 0);
        }

        /** The same filter for {@code operator}'s alerts only (null: everyone's). */
        public Filter forOperator(String operator) {
            return new Filter(status, rule, facility, pack, operator, limit, source, kind, period, raisedAfter, offset);
        }

        Filter anyStatus() {
            return new Filter(null, rule, facility, pack, operator, limit, source, kind, period, raisedAfter, offset);
        }

        Filter anyKind() {
            return new Filter(status, rule, facility, pack, operator, limit, source, null, period, raisedAfter, offset);
        }
    }

    /**
     * How many alerts a filter matches: in all, and per status (whatever the filter's status), per kind (an
     * analytics kind, or the rule id of a rule alert; whatever the filter's kind) and per facility ("" for national
     * alerts), the most first.
     */
    public record Tally(long total, Map<Status, Long> byStatus, Map<String, Long> byKind, Map<String, Long> byFacility) {
    }

    private static final String COLUMNS = """
            id, event_seq, event_id, facility_id, operator_id, event_time, raised_at, pack, pack_version, pack_digest,
            rule_id, jurisdiction, citation, outcome, message, detail, status, updated_at, source, kind, subject,
            period, figures::text, events""";

    /** The pack and citation columns of analytics alerts: the method is the "rule" they follow. */
    static final String ANALYTICS_PACK = "analytics";
    static final String ANALYTICS_CITATION = "reetrace docs/design.md section 7, enforcement analytics";

    private static final tools.jackson.databind.json.JsonMapper FIGURES = tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AlertStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** The newest alerts the filter matches, at most its limit (1 to 1000) after skipping its offset. */
    public List<Alert> list(Filter f) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alert");
        List<Object> params = new ArrayList<>();
        where(sql, params, f);
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(f.limit(), 1000)))
                .append(" offset ").append(Math.max(0, f.offset()));
        return jdbc.sql(sql.toString()).params(params).query(this::alert).list();
    }

    public Tally tally(Filter f) {
        Map<Status, Long> byStatus = new java.util.EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0L);
        }
        counts("status", f.anyStatus()).forEach((k, v) -> byStatus.put(Status.valueOf(k), v));
        long total = f.status() == null ? byStatus.values().stream().mapToLong(Long::longValue).sum()
                : byStatus.get(f.status());
        return new Tally(total, byStatus, counts("coalesce(kind, rule_id)", f.anyKind()),
                counts("coalesce(facility_id, '')", f));
    }

    private Map<String, Long> counts(String column, Filter f) {
        StringBuilder sql = new StringBuilder("select " + column + ", count(*) from alert");
        List<Object> params = new ArrayList<>();
        where(sql, params, f);
        sql.append(" group by 1 order by 2 desc, 1");
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private static void where(StringBuilder sql, List<Object> params, Filter f) {
        sql.append(" where true");
        add(sql, params, "status", f.status() == null ? null : f.status().name());
        add(sql, params, "rule_id", f.rule());
        add(sql, params, "facility_id", f.facility());
        add(sql, params, "pack", f.pack());
        add(sql, params, "operator_id", f.operator());
        add(sql, params, "source", f.source() == null ? null : f.source().name());
        add(sql, params, "kind", f.kind());
        add(sql, params, "coalesce(period, to_char(event_time at time zone 'UTC', 'YYYY-MM'))", f.period());
        if (f.raisedAfter() != null) {
            sql.append(" and raised_at > ?");
            params.add(Timestamp.from(f.raisedAfter()));
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** The keys of every analytics finding stored, for a caller that wants to store only new ones. */
    public java.util.Set<String> findingKeys() {
        return new java.util.HashSet<>(jdbc.sql("select finding_key from alert where finding_key is not null")
                .query(String.class).list());
    }

    /**
     * Stores analytics findings as OPEN alerts; one whose key is already stored is left as it is (its status and
     * trail stay). Answers how many were new.
     */
    public int raise(List<Finding> findings, String jurisdiction) {
        if (findings.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        return tx.execute(s -> {
            // alerts are sealed in a chain as they are inserted (V14): one whose insert would be skipped as a
            // duplicate must not reach the seal, so duplicates are looked for first, with the chain's head held
            jdbc.sql("select rows from ledger_seal where chain = 'alert' for update").query(Long.class).single();
            int added = 0;
            for (Finding f : findings) {
                if (jdbc.sql("select count(*) from alert where finding_key = ?").param(f.key()).query(Long.class)
                        .single() > 0) {
                    continue;
                }
                added += jdbc.sql("""
                        insert into alert (event_seq, event_id, facility_id, operator_id, event_time, raised_at, pack,
                            pack_version, pack_digest, rule_id, jurisdiction, citation, outcome, message, detail, status,
                            updated_at, source, kind, subject, period, figures, events, finding_key)
                        values (?, ?, ?, ?, ?, ?, ?, '1', '-', ?, ?, ?, 'FINDING', ?, ?, 'OPEN', ?, 'ANALYTICS', ?, ?, ?,
                            cast(? as jsonb), ?, ?)""")
                        .params(f.firstEventSeq(), f.firstEventId() == null ? "" : f.firstEventId(), f.facility(),
                                f.operator(), Timestamp.from(f.time()), now, ANALYTICS_PACK, "analytics." + f.kind(),
                                jurisdiction, ANALYTICS_CITATION, f.message(), detail(f.figures()), now, f.kind(),
                                f.subject(), f.period(), FIGURES.writeValueAsString(f.figures()),
                                f.events().toArray(String[]::new), f.key())
                        .update();
            }
            return added;
        });
    }

    private static String detail(Map<String, String> figures) {
        StringBuilder b = new StringBuilder();
        figures.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append(' ').append(v));
        return b.toString();
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from alert where id = ?").param(id).query(this::alert).optional();
    }

    /** The booked events among {@code eventIds}, in the order given; ids not in the ledger are left out. */
    public List<Evidence> evidence(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        Map<String, Evidence> found = new java.util.HashMap<>();
        jdbc.sql("select event_id, type, event_time, facility_id, lots from ledger_event where event_id = any(?)")
                .param(eventIds.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), new Evidence(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), List.of((String[]) rs.getArray(5).getArray()))))
                .list();
        return eventIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
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
        long seq = rs.getLong(2);
        Long eventSeq = rs.wasNull() ? null : seq;
        String figures = rs.getString(23);
        java.sql.Array events = rs.getArray(24);
        return new Alert(rs.getLong(1), eventSeq, rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), Status.valueOf(rs.getString(17)), rs.getTimestamp(18).toInstant(),
                Source.valueOf(rs.getString(19)), rs.getString(20), rs.getString(21), rs.getString(22),
                figures == null ? null : FIGURES.readValue(figures, new tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() { }),
                events == null ? null : List.of((String[]) events.getArray()));
    }
}
