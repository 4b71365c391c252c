package org.reetrace.app.epcis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capture jobs and their errors ({@code capture_job}, {@code capture_error}), and the lock that says a job's runner
 * (the process that runs it) is alive.
 */
@Repository
class CaptureJobStore {
    private static final Logger log = LoggerFactory.getLogger(CaptureJobStore.class);

    /** The advisory lock space of capture job runners; the second key is the hash of the runner's id. */
    private static final int RUNNER_LOCKS = 0x52454554;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    /** Holds this process's runner lock for as long as the process lives. */
    private Connection alive;

    CaptureJobStore(JdbcClient jdbc, TransactionTemplate transaction, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.dataSource = dataSource;
    }

    void create(String id, Instant createdAt, String behaviour, String createdBy, String operatorId, int eventCount,
                String runner) {
        jdbc.sql("""
                insert into capture_job (id, created_at, running, success, error_behaviour, created_by, operator_id,
                    event_count, runner) values (?, ?, true, true, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(createdAt), behaviour, createdBy, operatorId, eventCount, runner).update();
    }

    /** Records {@code errors} as the job's errors from position {@code from} on. */
    void recordErrors(String id, List<CaptureError> errors, int from) {
        for (int i = 0; i < errors.size(); i++) {
            CaptureError e = errors.get(i);
            jdbc.sql("""
                    insert into capture_error (capture_id, position, event_index, event_id, type, title, detail, pointer)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(id, from + i, e.eventIndex(), e.eventId(), e.type(), e.title(), e.detail(), e.field())
                    .update();
        }
    }

    /** Adds to what the job stored. */
    void addStored(String id, int stored) {
        jdbc.sql("update capture_job set stored_count = stored_count + ? where id = ?").params(stored, id).update();
    }

    /** Ends the job; {@code stored}, when given, is all it stored. */
    void finish(String id, Integer stored, boolean success, Instant at) {
        jdbc.sql("""
                update capture_job set running = false, success = ?, finished_at = ?,
                    stored_count = coalesce(?, stored_count) where id = ?""")
                .params(success, Timestamp.from(at), stored, id).update();
    }

    /** Ends the job as failed, having stored nothing, for {@code errors}; in a transaction of its own. */
    void fail(String id, List<CaptureError> errors, Instant at) {
        transaction.executeWithoutResult(status -> {
            recordErrors(id, errors, 0);
            finish(id, 0, false, at);
        });
    }

    /** Ends the job as failed after whatever it stored, adding {@code error} to its errors; in a transaction of its own. */
    void abort(String id, CaptureError error, Instant at) {
        transaction.executeWithoutResult(status -> failWith(id, error, at));
    }

    /** Adds {@code error} after the job's errors and ends it as failed, in the transaction under way. */
    private void failWith(String id, CaptureError error, Instant at) {
        recordErrors(id, List.of(error), errorCount(id));
        finish(id, null, false, at);
    }

    private int errorCount(String id) {
        return jdbc.sql("select count(*) from capture_error where capture_id = ?").param(id).query(Integer.class)
                .single();
    }

    /** The ids of a page of jobs, newest first: all of them, or those of one operator; one more than asked. */
    List<String> ids(boolean all, String operatorId, int limit, int offset) {
        return jdbc.sql("select id from capture_job where (? or operator_id = ?) "
                        + "order by created_at desc, id limit ? offset ?")
                .params(all, operatorId, limit, offset).query(String.class).list();
    }

    /** The operator a job was captured for ("" for none), or empty if there is no such job. */
    Optional<String> owner(String id) {
        return jdbc.sql("select coalesce(operator_id, '') from capture_job where id = ?").param(id)
                .query(String.class).optional();
    }

    /**
     * The job as it stands. Its row is read before its errors: a job ends in the transaction that records its last
     * errors, so a job read as ended is never shown without them.
     */
    CaptureJob job(String id) {
        record Row(String id, String createdAt, String finishedAt, boolean running, boolean success, String behaviour,
                   int events, int stored) {
        }
        Row job = jdbc.sql("""
                select id, created_at, finished_at, running, success, error_behaviour, event_count, stored_count
                from capture_job where id = ?""").param(id).query((rs, n) -> new Row(rs.getString("id"),
                rs.getTimestamp("created_at").toInstant().toString(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant().toString(),
                rs.getBoolean("running"), rs.getBoolean("success"), rs.getString("error_behaviour"),
                rs.getInt("event_count"), rs.getInt("stored_count"))).single();
        List<CaptureError> errors = jdbc.sql("""
                select event_index, event_id, type, title, detail, pointer from capture_error
                where capture_id = ? order by position limit 1000""").param(id).query((rs, n) -> new CaptureError(
                rs.getString("type"), rs.getString("title"), rs.getString("detail"),
                rs.getObject("event_index", Integer.class), rs.getString("event_id"), rs.getString("pointer")))
                .list();
        return new CaptureJob(job.id(), job.createdAt(), job.finishedAt(), job.running(), job.success(),
                job.behaviour(), job.events(), job.stored(), errors);
    }

    /**
     * Ends, as failed with {@code error}, the running jobs among {@code ids} whose runner other than {@code runner}
     * is gone (killed or crashed before it could end them), and answers how many it ended.
     */
    int endAbandoned(List<String> ids, String runner, CaptureError error, Instant at) {
        List<Map.Entry<String, String>> running = jdbc.sql(
                        "select id, coalesce(runner, '') from capture_job where running and id = any(?)")
                .param(ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        int ended = 0;
        for (Map.Entry<String, String> job : running) {
            if (job.getValue().equals(runner)) {
                continue;
            }
            Boolean endedHere = transaction.execute(status -> {
                // the runner's lock is free only when its process is gone; taken here until this transaction ends
                boolean gone = jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(?))")
                        .params(RUNNER_LOCKS, job.getValue()).query(Boolean.class).single();
                boolean stillRunning = jdbc.sql("select running from capture_job where id = ? for update")
                        .param(job.getKey()).query(Boolean.class).single();
                if (gone && stillRunning) {
                    failWith(job.getKey(), error, at);
                    return true;
                }
                return false;
            });
            ended += Boolean.TRUE.equals(endedHere) ? 1 : 0;
        }
        return ended;
    }

    /** Holds {@code runner}'s lock on a connection of its own, for as long as the process lives. */
    synchronized void holdRunnerLock(String runner) {
        try {
            if (alive != null && alive.isValid(2)) {
                return;
            }
            if (alive != null) {
                alive.close();
            }
            alive = dataSource.getConnection();
            alive.setAutoCommit(true);
            try (PreparedStatement ps = alive.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, RUNNER_LOCKS);
                ps.setString(2, runner);
                ps.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the capture runner's lock: " + e.getMessage(), e);
        }
    }

    /** Lets the runner's lock go, and its connection back to the pool. */
    synchronized void releaseRunnerLock() {
        try {
            if (alive != null) {
                // the connection goes back to the pool: the lock must not go with it
                try (Statement st = alive.createStatement()) {
                    st.execute("select pg_advisory_unlock_all()");
                }
                alive.close();
                alive = null;
            }
        } catch (SQLException e) {
            log.warn("could not release the capture runner's lock", e);
        }
    }
}
