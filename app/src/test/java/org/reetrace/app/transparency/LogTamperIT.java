package org.reetrace.app.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.demo.DemoChain;
import org.reetrace.app.demo.DemoLoader;
import org.reetrace.app.ledger.LedgerVerification;
import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.ledger.VerifyLedger;
import org.reetrace.app.security.Caller;
import org.reetrace.app.signing.SigningKeys;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.lot.LotId;
import org.reetrace.verifier.tlog.Checkpoint;
import org.reetrace.verifier.tlog.SignedNote;
import org.reetrace.verifier.tlog.VerifierKey;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A leaf, a tile or a checkpoint changed, removed or added in the database is found by verification, which names the
 * table and the row; and a log whose tiles are gone is written again from the ledger at the next start.
 */
class LogTamperIT {

    static final Path DATA = TestDataDirs.fresh("log-tamper");
    static ConfigurableApplicationContext app;
    static Connection connection;
    static LogVerification verification;
    static JdbcTemplate jdbc;

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + DATA);
    }

    @BeforeAll
    static void books() throws SQLException {
        app = start();
        app.getBean(DemoLoader.class).load();
        Extract first = (Extract) DemoChain.build().events().stream().filter(e -> e instanceof Extract).findFirst()
                .orElseThrow();
        List<LedgerEvent> more = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            more.add(new Extract(EventId.of("LOG-EXTRACT-" + i), first.time().plus(Duration.ofMinutes(i + 1)),
                    first.facility(), LotId.of("LOG-ORE-" + i), first.form(), first.mass(), first.composition(),
                    first.location()));
        }
        assertThat(app.getBean(LedgerWriter.class).apply(more)).allMatch(o -> o instanceof Outcome.Booked);
        app.getBean(LogCheckpoints.class).sign();

        connection = app.getBean(DataSource.class).getConnection();
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        verification = new LogVerification(new TransparencyStore(jdbc, null), app.getBean(LogCheckpoints.class));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (connection != null) {
            connection.rollback();
            connection.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Runs {@code sql} in the open transaction, verifies, rolls back; answers the findings. */
    private static List<LogVerification.Finding> tampered(String... sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
            return verification.verify();
        } finally {
            connection.rollback();
        }
    }

    private static String signed(String text, SigningKeys keys) {
        String origin = app.getBean(LogCheckpoints.class).origin();
        VerifierKey key = VerifierKey.of(origin, keys.current().rawPublicKey());
        return new SignedNote(text, List.of(new SignedNote.Signature(origin, key.keyId(),
                keys.current().sign(text.getBytes(StandardCharsets.UTF_8))))).encoded();
    }

    @Test
    void the_untouched_log_verifies_and_so_do_the_books() {
        assertThat(verification.verify()).isEmpty();
        LedgerVerification.Report report = app.getBean(VerifyLedger.class).verify(Caller.localAdministrator());
        assertThat(report.clean()).as(String.valueOf(report.findings())).isTrue();
        assertThat(app.getBean(TransparencyLog.class).size()).isEqualTo(report.events());
        assertThat(jdbc.queryForObject("select count(*) from log_tile where level = 0", Long.class))
                .isEqualTo(report.events() / 256);
    }

    @Test
    void a_changed_leaf_in_a_tile_is_found_at_its_event() throws SQLException {
        List<LogVerification.Finding> findings = tampered(
                "update log_tile set hashes = overlay(hashes placing '\\x00000000'::bytea from 33) where level = 0"
                        + " and idx = 1");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.table()).isEqualTo("log_tile");
            assertThat(f.row()).isEqualTo("0/1");
            assertThat(f.sequence()).isEqualTo(258);
        });
    }

    @Test
    void a_changed_event_hash_no_longer_matches_its_leaf() throws SQLException {
        List<LogVerification.Finding> findings = tampered(
                "alter table ledger_event disable trigger ledger_event_append_only",
                "update ledger_event set hash = repeat('ab', 32) where seq = 5");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.table()).isEqualTo("log_tile");
            assertThat(f.row()).isEqualTo("0/0");
            assertThat(f.sequence()).isEqualTo(5);
        });
        // the checkpoint's root no longer holds either
        assertThat(findings).anySatisfy(f -> assertThat(f.table()).isEqualTo("log_checkpoint"));
    }

    @Test
    void a_tile_removed_added_or_changed_above_the_leaves_is_found() throws SQLException {
        assertThat(tampered("delete from log_tile where level = 0 and idx = 0")).anySatisfy(f -> {
            assertThat(f.row()).isEqualTo("0/0");
            assertThat(f.message()).contains("missing");
        });
        assertThat(tampered("insert into log_tile select level, idx + 1000, hashes from log_tile where level = 0"
                + " and idx = 0")).singleElement().satisfies(f -> assertThat(f.row()).isEqualTo("0/1000"));
        assertThat(tampered("insert into log_tile select 1, 0, hashes from log_tile where level = 0 and idx = 0"))
                .singleElement().satisfies(f -> assertThat(f.row()).isEqualTo("1/0"));
    }

    @Test
    void a_checkpoint_changed_or_signed_by_another_key_or_for_another_tree_is_found() throws SQLException {
        long size = jdbc.queryForObject("select max(size) from log_checkpoint", Long.class);
        assertThat(tampered("update log_checkpoint set note = replace(note, E'\\n" + size + "\\n', E'\\n" + (size - 1)
                + "\\n') where size = " + size)).singleElement().satisfies(f -> {
                    assertThat(f.table()).isEqualTo("log_checkpoint");
                    assertThat(f.row()).isEqualTo(String.valueOf(size));
                    assertThat(f.message()).contains("does not verify");
                });
        assertThat(tampered("update log_checkpoint set size = size - 1 where size = " + size)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("is signed for size " + size));

        String origin = app.getBean(LogCheckpoints.class).origin();
        String foreign = signed(new Checkpoint(origin, 10, new byte[32]).text(), SigningKeys.ephemeral());
        assertThat(tampered("insert into log_checkpoint values (10, '" + foreign + "')")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not signed by a known key"));

        String wrongRoot = signed(new Checkpoint(origin, 10, new byte[32]).text(), app.getBean(SigningKeys.class));
        assertThat(tampered("insert into log_checkpoint values (10, '" + wrongRoot + "')")).singleElement()
                .satisfies(f -> {
                    assertThat(f.row()).isEqualTo("10");
                    assertThat(f.message()).contains("signs the root " + Base64.getEncoder().encodeToString(new byte[32]));
                });
    }

    @Test
    void tiles_lost_are_written_again_from_the_ledger_at_start() throws SQLException {
        long tiles = jdbc.queryForObject("select count(*) from log_tile", Long.class);
        byte[] root = app.getBean(TransparencyLog.class).root(Long.MAX_VALUE);
        connection.rollback();
        connection.close();
        connection = null;
        new JdbcTemplate(app.getBean(DataSource.class)).update("delete from log_tile where level = 0 and idx >= 1");
        app.close();

        app = start();
        assertThat(new JdbcTemplate(app.getBean(DataSource.class)).queryForObject("select count(*) from log_tile",
                Long.class)).isEqualTo(tiles);
        assertThat(app.getBean(TransparencyLog.class).root(Long.MAX_VALUE)).isEqualTo(root);
        assertThat(app.getBean(LogVerification.class).verify()).isEmpty();
        connection = app.getBean(DataSource.class).getConnection();
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        verification = new LogVerification(new TransparencyStore(jdbc, null), app.getBean(LogCheckpoints.class));
    }
}
