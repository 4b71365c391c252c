package org.reetrace.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 on a data folder that outlives the process, so the ledger survives
 * restarts. One server per data folder: when another reetrace process already runs one there (say
 * {@code reetrace serve} while {@code reetrace verify} starts in a second terminal), this process
 * connects to it instead of starting a second server, which PostgreSQL would refuse anyway.
 *
 * <p>Only the process that started the server stops it. A server whose starter died without stopping it
 * (killed with SIGKILL) is asked to shut down and started afresh under this process.
 */
public final class EmbeddedServer implements AutoCloseable {

    static final String DATABASE = "reetrace";
    private static final String SUPERUSER = "postgres";
    /** Held by zonky's EmbeddedPostgres for as long as its process runs the server. */
    private static final String OWNER_LOCK = "epg-lock";
    /** The first start unpacks the binaries and runs initdb; a slow disk needs more than zonky's 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final Path dataDir;
    private final int port;
    private final Optional<EmbeddedPostgres> owned;

    private EmbeddedServer(Path dataDir, int port, Optional<EmbeddedPostgres> owned) {
        this.dataDir = dataDir;
        this.port = port;
        this.owned = owned;
    }

    /**
     * Starts the server on {@code dataDir}, or attaches to the one already running there.
     *
     * @param port    the port for a new server, 0 for any free port; an attached server keeps its own
     * @param durable whether a new server commits durably (fsync, synchronous_commit and full_page_writes on),
     *                as it must for a ledger; off only for tests that want speed. An attached server keeps the
     *                settings it was started with (see {@link Durability})
     */
    public static EmbeddedServer open(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            Optional<PostmasterPid> running = PostmasterPid.in(dataDir).filter(pid -> accepts(pid.port()));
            if (running.isPresent()) {
                if (ownerAlive(dataDir) || !stopOrphan(dataDir, running.get())) {
                    log.info("Using the PostgreSQL server already running on {} (port {})", dataDir, running.get().port());
                    EmbeddedServer attached = new EmbeddedServer(dataDir, running.get().port(), Optional.empty());
                    attached.createDatabase();
                    Durability settings = attached.durability();
                    if (durable && !settings.durable()) {
                        log.warn("The PostgreSQL server already running on {} was started without durable commits"
                                + " ({}); it keeps them until it is restarted", dataDir, settings);
                    }
                    return attached;
                }
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky starts postgres with -F (fsync off) and synchronous_commit off, for tests; these -c
                    // options come after -F on the command line and win. They are not written to postgresql.conf,
                    // so every start decides afresh
                    .setServerConfig("fsync", onOff(durable))
                    .setServerConfig("synchronous_commit", onOff(durable))
                    .setServerConfig("full_page_writes", onOff(durable))
                    .start();
            log.info("Started PostgreSQL on {} (port {}, {})", dataDir, postgres.getPort(),
                    durable ? "durable commits" : "commits NOT durable");
            EmbeddedServer started = new EmbeddedServer(dataDir, postgres.getPort(), Optional.of(postgres));
            started.createDatabase();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public PostgresTarget target() {
        return new PostgresTarget(jdbcUrl(DATABASE), SUPERUSER, "");
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The durability settings the server runs with, read from it. */
    public Durability durability() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            return Durability.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the settings of PostgreSQL on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** True when this process started the server and will stop it on close. */
    public boolean owner() {
        return owned.isPresent();
    }

    @Override
    public void close() {
        owned.ifPresent(postgres -> {
            try {
                postgres.close();
                log.info("Stopped PostgreSQL on {}", dataDir);
            } catch (IOException e) {
                log.warn("Could not stop PostgreSQL on {}: {}", dataDir, e.getMessage());
            }
        });
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            // two processes starting at once may both try; the loser finds the database there
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException(
                        "cannot create database " + DATABASE + " on port " + port + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a live process (this one or another) holds the lock that zonky takes while it runs the server. */
    private static boolean ownerAlive(Path dataDir) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(OWNER_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * Asks a server left behind by a dead process to shut down (SIGTERM, PostgreSQL's smart shutdown,
     * which waits for connected clients). Returns false when it is still running after the wait, e.g.
     * because another process still uses it; the caller then connects to it as it is.
     */
    private static boolean stopOrphan(Path dataDir, PostmasterPid orphan) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(orphan.pid());
        if (process.isEmpty()) {
            return !accepts(orphan.port());
        }
        log.info("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", orphan.pid(), dataDir);
        process.get().destroy();
        long deadline = System.nanoTime() + ORPHAN_SHUTDOWN_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.get().isAlive() && PostmasterPid.in(dataDir).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        log.warn("PostgreSQL (pid {}) on {} did not stop within {} s; connecting to it as it is",
                orphan.pid(), dataDir, ORPHAN_SHUTDOWN_WAIT.toSeconds());
        return false;
    }
}
