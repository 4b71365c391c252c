package org.reetrace.app.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * The PostgreSQL settings that decide whether a commit it acknowledged survives a crash of the server or a power cut:
 * {@code fsync} (WAL and data files forced to disk), {@code synchronous_commit} (the commit waits for its WAL to be
 * flushed), {@code full_page_writes} (a page torn by a power cut can be repaired from the WAL) and
 * {@code wal_sync_method} (how the flush is made), as the server reports them.
 */
public record Durability(String fsync, String synchronousCommit, String fullPageWrites, String walSyncMethod) {

    /** The settings of the server behind {@code connection}. */
    public static Durability of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return new Durability(show(statement, "fsync"), show(statement, "synchronous_commit"),
                    show(statement, "full_page_writes"), show(statement, "wal_sync_method"));
        }
    }

    /** The settings of the server behind {@code dataSource}. */
    public static Durability of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's durability settings: " + e.getMessage(), e);
        }
    }

    /**
     * Whether an acknowledged commit survives a crash or a power cut: every value of synchronous_commit but
     * {@code off} waits for the local WAL flush.
     */
    public boolean durable() {
        return "on".equals(fsync) && !"off".equals(synchronousCommit) && "on".equals(fullPageWrites);
    }

    /** Logs the settings once, and a warning when commits are not durable; for a server at start. */
    public void log(Logger log) {
        log.info("Database durability: {}", this);
        if (!durable()) {
            log.warn("PostgreSQL runs WITHOUT durable commits ({}): events acknowledged to clients may be lost on a"
                    + " crash or power cut; turn fsync, synchronous_commit and full_page_writes on"
                    + " (reetrace.database.durable=true for the embedded server, postgresql.conf for another)", this);
        }
    }

    @Override
    public String toString() {
        return "fsync=" + fsync + ", synchronous_commit=" + synchronousCommit + ", full_page_writes=" + fullPageWrites
                + ", wal_sync_method=" + walSyncMethod;
    }

    private static String show(Statement statement, String setting) throws SQLException {
        // setting names are the constants above, never input
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
