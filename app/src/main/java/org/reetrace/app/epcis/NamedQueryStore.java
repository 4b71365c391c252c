package org.reetrace.app.epcis;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Named queries and their webhook subscriptions (V21), and where a subscription's cursor starts. */
@Repository
class NamedQueryStore {
    private static final String SUBSCRIPTION = """
            select id, query_name, dest, signature_token, schedule::text, report_if_empty, initial_record_time,
                created_at, cursor_seq, last_notified_at, failures, last_error, next_attempt_at
            from query_subscription""";

    private static final Logger log = LoggerFactory.getLogger(NamedQueryStore.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataSource dataSource;
    /** The connection that holds the delivery lock, while this process delivers. */
    private Connection delivering;

    NamedQueryStore(JdbcClient jdbc, JsonMapper json, DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.dataSource = dataSource;
    }

    /**
     * Whether this process holds the lock of webhook delivery, taking it if it is free: one process at a time
     * delivers, so that two applications on one database do not send a subscription's events twice, out of
     * order. The lock lives with a connection of its own, for as long as the process delivers.
     */
    synchronized boolean holdDeliveryLock() {
        try {
            if (delivering != null && delivering.isValid(2)) {
                return true;
            }
            if (delivering != null) {
                delivering.close();
                delivering = null;
            }
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                ps.setString(1, "reetrace.subscription-delivery");
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        delivering = c;
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            log.warn("could not take the subscription delivery lock: {}", e.getMessage());
            return false;
        }
    }

    /** Lets the delivery lock go, and its connection back to the pool. */
    synchronized void releaseDeliveryLock() {
        if (delivering == null) {
            return;
        }
        try (Connection c = delivering; Statement st = c.createStatement()) {
            // the connection goes back to the pool: the lock must not go with it
            st.execute("select pg_advisory_unlock_all()");
        } catch (SQLException e) {
            log.warn("could not release the subscription delivery lock", e);
        } finally {
            delivering = null;
        }
    }

    /** Stores a new named query; false if the name is taken. */
    boolean insert(NamedQuery q) {
        try {
            jdbc.sql("""
                            insert into named_query (name, owner_name, owner_role, owner_operator, query, created_at)
                            values (?, ?, ?, ?, ?::jsonb, ?)""")
                    .params(q.name(), q.owner().name(), q.owner().role().name(), q.owner().operatorId().orElse(null),
                            json.writeValueAsString(q.query()), Timestamp.from(q.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<NamedQuery> query(String name) {
        return jdbc.sql("select name, owner_name, owner_role, owner_operator, query::text, created_at from named_query "
                + "where name = ?").param(name).query(this::namedQuery).optional();
    }

    /** Up to {@code limit} of the queries {@code owner} made, by name, after {@code afterName}. */
    List<NamedQuery> queries(Caller owner, String afterName, int limit) {
        return jdbc.sql("""
                        select name, owner_name, owner_role, owner_operator, query::text, created_at from named_query
                        where owner_name = ? and owner_role = ? and owner_operator is not distinct from ? and name > ?
                        order by name limit ?""")
                .params(owner.name(), owner.role().name(), owner.operatorId().orElse(null), afterName, limit)
                .query(this::namedQuery).list();
    }

    /** Deletes the query and, with it, its subscriptions. */
    void delete(String name) {
        jdbc.sql("delete from named_query where name = ?").param(name).update();
    }

    private NamedQuery namedQuery(ResultSet rs, int n) throws SQLException {
        return namedQueryAt(rs, 0);
    }

    /** The named query in the six columns after column {@code o}. */
    private NamedQuery namedQueryAt(ResultSet rs, int o) throws SQLException {
        Role role = Role.valueOf(rs.getString(o + 3));
        Caller owner = new Caller(rs.getString(o + 2), role, Optional.ofNullable(rs.getString(o + 4)));
        return new NamedQuery(rs.getString(o + 1), owner, (ObjectNode) json.readTree(rs.getString(o + 5)),
                rs.getTimestamp(o + 6).toInstant());
    }

    void insert(Subscription s) {
        jdbc.sql("""
                        insert into query_subscription (id, query_name, dest, signature_token, stream, schedule,
                            report_if_empty, initial_record_time, created_at, cursor_seq, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.queryName(), s.dest().toString(), s.signatureToken(), s.stream(),
                        s.schedule().map(json::writeValueAsString).orElse(null), s.reportIfEmpty(),
                        timestamp(s.initialRecordTime()), Timestamp.from(s.createdAt()), s.cursor(),
                        Timestamp.from(s.nextAttemptAt()))
                .update();
    }

    Optional<Subscription> subscription(String queryName, UUID id) {
        return jdbc.sql(SUBSCRIPTION + " where query_name = ? and id = ?").params(queryName, id)
                .query(this::subscription).optional();
    }

    /** Up to {@code limit} subscriptions of a query in the order they were made, after {@code after} (or all). */
    List<Subscription> subscriptions(String queryName, Optional<Subscription.Position> after, int limit) {
        return jdbc.sql(SUBSCRIPTION + """
                         where query_name = :name and (cast(:afterTime as timestamptz) is null
                            or (created_at, id) > (cast(:afterTime as timestamptz), cast(:afterId as uuid)))
                        order by created_at, id limit :limit""")
                .param("name", queryName)
                .param("afterTime", after.map(p -> Timestamp.from(p.createdAt())).orElse(null))
                .param("afterId", after.map(Subscription.Position::id).orElse(null))
                .param("limit", limit)
                .query(this::subscription).list();
    }

    void delete(String queryName, UUID id) {
        jdbc.sql("delete from query_subscription where query_name = ? and id = ?").params(queryName, id).update();
    }

    /** The subscriptions due at {@code now}, with their queries, in one look. */
    List<Due> due(Instant now) {
        return jdbc.sql("""
                        select s.id, s.query_name, s.dest, s.signature_token, s.schedule::text, s.report_if_empty,
                            s.initial_record_time, s.created_at, s.cursor_seq, s.last_notified_at, s.failures,
                            s.last_error, s.next_attempt_at,
                            q.name, q.owner_name, q.owner_role, q.owner_operator, q.query::text, q.created_at
                        from query_subscription s join named_query q on q.name = s.query_name
                        where s.next_attempt_at <= ? order by s.next_attempt_at""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(subscription(rs, n), namedQueryAt(rs, 13))).list();
    }

    record Due(Subscription subscription, NamedQuery query) {
    }

    /**
     * The destination took the events up to {@code cursor} (or, for a scheduled run with nothing to send, nothing
     * was due): the subscription is well again and next due at {@code next}. Only if it still exists and its cursor
     * has not moved past (a second delivery of the same events, at least once, must not move it back).
     */
    void delivered(UUID id, long cursor, Instant notifiedAt, Instant next) {
        jdbc.sql("""
                        update query_subscription set cursor_seq = greatest(cursor_seq, ?),
                            last_notified_at = coalesce(?, last_notified_at), failures = 0, last_error = null,
                            next_attempt_at = ?
                        where id = ?""")
                .params(cursor, timestamp(notifiedAt), Timestamp.from(next), id).update();
    }

    /** A delivery failed: counted, its error kept, the next attempt at {@code next}. */
    void failed(UUID id, String error, Instant next) {
        jdbc.sql("""
                        update query_subscription set failures = failures + 1, last_error = ?, next_attempt_at = ?
                        where id = ?""")
                .params(error, Timestamp.from(next), id).update();
    }

    private Subscription subscription(ResultSet rs, int n) throws SQLException {
        String schedule = rs.getString(5);
        return new Subscription(rs.getObject(1, UUID.class), rs.getString(2), URI.create(rs.getString(3)),
                rs.getString(4), Optional.ofNullable(schedule).map(s -> json.readValue(s, Schedule.class)),
                rs.getBoolean(6), instant(rs.getTimestamp(7)), rs.getTimestamp(8).toInstant(), rs.getLong(9),
                instant(rs.getTimestamp(10)), rs.getInt(11), rs.getString(12), rs.getTimestamp(13).toInstant());
    }

    /** The seq of the last event recorded before {@code time}, or of the last event of all; 0 if none. */
    long lastSeq(Optional<Instant> before) {
        return before.map(t -> jdbc.sql("select coalesce(max(seq), 0) from epcis_event where record_time < ?")
                        .param(Timestamp.from(t)).query(Long.class).single())
                .orElseGet(() -> jdbc.sql("select coalesce(max(seq), 0) from epcis_event").query(Long.class).single());
    }

    /** The seqs of up to {@code limit} events after {@code seq}, in order: where a gap is, a capture may still commit. */
    List<Long> seqsAfter(long seq, int limit) {
        return jdbc.sql("select seq from epcis_event where seq > ? order by seq limit ?").params(seq, limit)
                .query(Long.class).list();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
