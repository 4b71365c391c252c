package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.database.EmbeddedDatabase;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Books kept by a version before V9 (lineage as pairs, pedigrees and undo data as JSON) come through the upgrade
 * with the same content in the new form, and the undo table stays append-only.
 */
class BinaryLedgerStateMigrationIT {

    private static final Composition ORE = Composition.of(Map.of(Element.Nd, 3_000L, Element.Th, 7L));
    private static final Pedigree MINED = Pedigree.of(new PedigreeKey(Origin.mine("MINE-1", CountryCode.of("MY")),
            List.of(new Stage(StageKind.MINING, CountryCode.of("MY"), CountryCode.of("CN")))), ORE);

    private static final String PEDIGREE_JSON = """
            [{"origin": {"kind": "MINE", "source": "MINE-1", "country": "MY"},
              "stages": [{"kind": "MINING", "country": "MY", "technologyCountry": "CN"}],
              "mg": [0,0,0,0,0,3000,0,0,0,0,0,0,0,0,0,0,0,7,0]}]""";

    private static String lotJson(String id, String status, String destination) {
        return """
                {"id": "%s", "form": "ORE", "massMg": 9000, "composition": [0,0,0,0,0,3000,0,0,0,0,0,0,0,0,0,0,0,7,0],
                 "facility": "MINE-1", "holder": "OP-1", "status": "%s", %s "activityBqPerG": "1.50",
                 "pedigree": %s}""".formatted(id, status,
                destination == null ? "" : "\"destination\": \"" + destination + "\",", PEDIGREE_JSON);
    }

    @Test
    void lineage_pedigrees_and_undo_data_keep_their_content() {
        try (var host = new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + TestDataDirs.fresh("migration"))) {
            int port = host.getBean(EmbeddedDatabase.class).server().orElseThrow().port();
            host.getBean(JdbcTemplate.class).execute("create database books_of_v8");
            var source = new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/books_of_v8",
                    "postgres", "");
            Flyway.configure().dataSource(source).locations("classpath:db/migration").target("8").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(source);
            jdbc.update("insert into operator (id, name, country) values ('OP-1', 'Miner Sdn Bhd', 'MY')");
            jdbc.update("insert into facility (id, operator_id, name, kind, country) values"
                    + " ('MINE-1', 'OP-1', 'Mine', 'MINE', 'MY'), ('PLANT-1', 'OP-1', 'Plant', 'CRACKING_PLANT', 'MY')");
            for (int seq = 1; seq <= 2; seq++) {
                jdbc.update("insert into ledger_event (seq, event_id, type, facility_id, event_time, recorded_at,"
                        + " content_digest, payload, lots, previous_hash, hash) values (?, ?, 'EXTRACT', 'MINE-1', now(),"
                        + " now(), 'd', '{}', '{}', 'p', ?)", seq, "e-" + seq, "h-" + seq);
            }
            for (String id : List.of("A", "B", "X", "Y")) {
                jdbc.update("insert into lot (id, form, mass_mg, composition, facility_id, holder_id, status, pedigree,"
                        + " created_seq, updated_seq) values (?, 'ORE', 9000, array[0,0,0,0,0,3000,0,0,0,0,0,0,0,0,0,0,0,7,0],"
                        + " 'MINE-1', 'OP-1', 'ACTIVE', ?::jsonb, 1, 2)", id, PEDIGREE_JSON);
            }
            // a transformation of A and B into X and Y, as pairs
            for (String pair : List.of("A X", "A Y", "B X", "B Y")) {
                jdbc.update("insert into lineage (parent_id, child_id, seq) values (?, ?, 2)", pair.split(" ")[0],
                        pair.split(" ")[1]);
            }
            jdbc.update("insert into ledger_undo (seq, before, after, delta) values (2, ?::jsonb, ?::jsonb, ?::jsonb)",
                    "[" + lotJson("A", "ACTIVE", null) + "]",
                    "[" + lotJson("A", "IN_TRANSIT", "PLANT-1") + "]",
                    """
                    {"extracted": [0,0,0,0,0,3000,0,0,0,0,0,0,0,0,0,0,0,7,0], "imported": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],
                     "lost": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0], "unexplained": [0,0,0,0,0,-5,0,0,0,0,0,0,0,0,0,0,0,0,0],
                     "adjusted": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}""");

            Flyway.configure().dataSource(source).locations("classpath:db/migration")
                    .javaMigrations(new V10__Binary_ledger_state()).load().migrate();
            assertThat(jdbc.queryForObject("select max(version::int) from flyway_schema_history where success",
                    Integer.class)).isGreaterThanOrEqualTo(11);

            assertThat(jdbc.queryForList("select lot_id || ' ' || output from lineage where seq = 2 order by 1",
                    String.class)).containsExactly("A false", "B false", "X true", "Y true");
            List<byte[]> pedigrees = jdbc.queryForList("select pedigree from lot order by id", byte[].class);
            assertThat(pedigrees).hasSize(4).allSatisfy(p -> assertThat(LotCodec.pedigree(p)).isEqualTo(MINED));
            LotCodec.UndoData undo = LotCodec.undo(jdbc.queryForObject("select undo from ledger_undo where seq = 2",
                    byte[].class));
            Lot before = new Lot(LotId.of("A"), MaterialForm.ORE, Mass.ofMilligrams(9_000), ORE, FacilityId.of("MINE-1"),
                    OperatorId.of("OP-1"), LotStatus.ACTIVE, MINED, null, new BigDecimal("1.50"));
            assertThat(undo.before()).containsExactly(before);
            assertThat(undo.after()).containsExactly(before.inTransitTo(FacilityId.of("PLANT-1")));
            assertThat(undo.delta().extracted()).isEqualTo(ORE.toArray());
            assertThat(undo.delta().unexplained()[Element.Nd.ordinal()]).isEqualTo(-5);
            assertThatThrownBy(() -> jdbc.update("delete from ledger_undo")).hasMessageContaining("append-only");
        }
    }
}
