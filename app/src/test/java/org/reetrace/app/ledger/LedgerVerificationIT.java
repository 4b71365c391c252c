package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.cli.CommandRun;
import org.reetrace.app.cli.Commands;
import org.reetrace.app.demo.DemoChain;
import org.reetrace.app.demo.DemoLoader;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.lot.LotId;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Verification finds tampering with the stored books, and says where. */
class LedgerVerificationIT {

    @Test
    void a_changed_lot_a_changed_balance_and_a_changed_event_are_each_found() {
        Path dataDir = TestDataDirs.fresh("verify");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReetraceApplication.class)
                .web(WebApplicationType.NONE).run("--reetrace.database.data-dir=" + dataDir)) {
            app.getBean(DemoLoader.class).load();
            LedgerVerification verification = app.getBean(LedgerVerification.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(verification.verify().clean()).isTrue();

            // someone with database access takes a kilogram of lanthanum from the La-Ce oxide's books
            jdbc.update("update lot set composition[3] = composition[3] - 1000000, mass_mg = mass_mg - 1000000 "
                    + "where id = 'LACE-2026-0001'");
            LedgerVerification.Report lot = verification.verify();
            assertThat(lot.clean()).isFalse();
            assertThat(lot.firstViolation().message()).contains("LACE-2026-0001");

            jdbc.update("update lot set composition[3] = composition[3] + 1000000, mass_mg = mass_mg + 1000000 "
                    + "where id = 'LACE-2026-0001'");
            jdbc.update("update ledger_balance set lost[6] = lost[6] + 5");
            LedgerVerification.Report balance = verification.verify();
            assertThat(balance.firstViolation().invariant()).isEqualTo(1);
            jdbc.update("update ledger_balance set lost[6] = lost[6] - 5");
            assertThat(verification.verify().clean()).isTrue();

            // history cannot be rewritten in place: the table refuses updates
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                    "update ledger_event set payload = jsonb_set(payload::jsonb, '{massKg}', '1')::json where seq = 1"))
                    .hasMessageContaining("append-only");
            // ...and an event slipped in under the trigger is caught by the chain
            jdbc.execute("alter table ledger_event disable trigger ledger_event_append_only");
            jdbc.update("update ledger_event set payload = jsonb_set(payload::jsonb, '{massKg}', '999')::json where seq = 1");
            jdbc.execute("alter table ledger_event enable trigger ledger_event_append_only");
            LedgerVerification.Report chain = verification.verify();
            assertThat(chain.firstViolation().invariant()).isEqualTo(6);
            assertThat(chain.firstViolation().sequence()).isEqualTo(1);
            assertThat(chain.firstViolation().table()).isEqualTo("ledger_event");
            assertThat(chain.firstViolation().row()).isEqualTo("1");
        }
    }

    @Test
    void the_receipts_and_seals_the_migration_writes_for_earlier_books_are_those_the_application_writes() {
        Path dataDir = TestDataDirs.fresh("verify-migrated");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReetraceApplication.class)
                .web(WebApplicationType.NONE).run("--reetrace.database.data-dir=" + dataDir,
                        "--reetrace.rules.bundled-packs=ENABLED")) {
            app.getBean(DemoLoader.class).load();
            // two batches more: an extraction booked twice, and its reversal
            Extract first = (Extract) DemoChain.build().events().stream().filter(e -> e instanceof Extract)
                    .findFirst().orElseThrow();
            Extract again = new Extract(EventId.of("EXTRACT-AGAIN"), first.time().plusSeconds(60), first.facility(),
                    LotId.of("ORE-AGAIN"), first.form(), first.mass(), first.composition(), first.location());
            LedgerWriter writer = app.getBean(LedgerWriter.class);
            writer.apply(List.of(again));
            writer.apply(List.of(new Reverse(EventId.of("REVERSE-AGAIN"), again.time().plusSeconds(60),
                    again.facility(), again.id(), "booked twice")));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String sealed = """
                    select string_agg(x, ' ' order by x) from (
                        select seq || ':' || coalesce(receipt, '-') as x from ledger_event
                        union all select 'r' || seq || ':' || hash from registry_version
                        union all select 'a' || id || ':' || hash from alert
                        union all select 'p' || name || version || ':' || hash from rule_pack
                        union all select 'q' || id || ':' || hash from rule_pack_audit
                        union all select chain || ':' || rows || ':' || head from ledger_seal) s""";
            String written = jdbc.queryForObject(sealed, String.class);
            assertThat(jdbc.queryForObject("select count(*) from ledger_event where receipt is not null", Long.class))
                    .isEqualTo(3);

            // what V14 does to the books of an earlier release, done again on these
            jdbc.execute("select write_receipts()");
            jdbc.execute("select reseal('registry_version', 'seq', '{}'), reseal('alert', 'id', '{status, updated_at}'),"
                    + " reseal('alert_audit', 'id', '{}'), reseal('rule_pack', 'loaded_at, name, version', '{enabled}'),"
                    + " reseal('rule_pack_audit', 'id', '{}')");

            assertThat(jdbc.queryForObject(sealed, String.class)).isEqualTo(written);
            assertThat(app.getBean(LedgerVerification.class).verify().clean()).isTrue();
        }
    }

    @Test
    void an_event_moved_to_another_facility_is_found_and_the_command_line_names_table_row_and_invariant() {
        Path dataDir = TestDataDirs.fresh("verify-cli");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReetraceApplication.class)
                .web(WebApplicationType.NONE).run("--reetrace.database.data-dir=" + dataDir)) {
            app.getBean(DemoLoader.class).load();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            StringWriter clean = new StringWriter();
            assertThat(CommandRun.reetrace(clean, clean, "verify", "--data-dir", dataDir.toString()))
                    .as(clean.toString()).isEqualTo(Commands.OK);

            // the payload, under the chain, still says where the event happened: the column is checked against it
            long seq = jdbc.queryForObject("select min(seq) from ledger_event where type = 'SHIP'", Long.class);
            String eventId = jdbc.queryForObject("select event_id from ledger_event where seq = ?", String.class, seq);
            String facility = jdbc.queryForObject("select facility_id from ledger_event where seq = ?", String.class,
                    seq);
            jdbc.execute("alter table ledger_event disable trigger ledger_event_append_only");
            jdbc.update("update ledger_event set facility_id = (select id from facility where id <> facility_id"
                    + " order by id limit 1) where seq = ?", seq);
            jdbc.execute("alter table ledger_event enable trigger ledger_event_append_only");

            // who may read the event still follows the payload: the moved column hands it to no other operator
            assertThat(app.getBean(LedgerStore.class).event(eventId).orElseThrow().facility()).isEqualTo(facility);
            LedgerVerification.Report report = app.getBean(LedgerVerification.class).verify();
            assertThat(report.findings()).extracting(LedgerVerification.Finding::table, LedgerVerification.Finding::row,
                    LedgerVerification.Finding::invariant, LedgerVerification.Finding::check)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ledger_event", String.valueOf(seq), 6,
                            "event-columns"));
            StringWriter out = new StringWriter();
            assertThat(CommandRun.reetrace(out, out, "verify", "--data-dir", dataDir.toString()))
                    .isEqualTo(Commands.FAILURE);
            assertThat(out.toString()).contains("ledger NOT clean: 1 violations")
                    .contains("ledger_event " + seq + ", invariant 6 [event-columns]: event ");
        }
    }
}
