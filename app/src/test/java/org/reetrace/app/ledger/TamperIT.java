package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.demo.DemoChain;
import org.reetrace.app.demo.DemoLoader;
import org.reetrace.app.rules.StoredRules;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.lot.LotId;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.ObjectMapper;

/**
 * Any single row changed, removed or added in any table of the books, as someone with access to the database would
 * (triggers and foreign keys bypassed), is found by verification, which names the table and the row. The tables
 * and their columns are taken from the database itself, so a table or column added later without verification
 * covering it fails here. Every tampering is done in a transaction that verification reads, then rolled back.
 */
class TamperIT {

    /** The tables of the books, the rows tampered with, and how findings name a row. */
    private record Books(String where, String key) {
    }

    private static final Map<String, Books> BOOKS = new LinkedHashMap<>();

    static {
        BOOKS.put("ledger_event", new Books("type = 'TRANSFORM'", "seq::text"));
        BOOKS.put("ledger_undo", new Books("seq = (select min(seq) from ledger_event where type = 'TRANSFORM')", "seq::text"));
        BOOKS.put("lineage", new Books("output", "seq::text"));
        BOOKS.put("lot", new Books("created_seq <> updated_seq", "id"));
        BOOKS.put("trace_group", new Books("output", "seq::text"));
        BOOKS.put("trace_edge", new Books("parent is not null", "seq::text"));
        BOOKS.put("facility_stock", new Books("composition <> array_fill(0::bigint, array[19])", "facility_id"));
        BOOKS.put("ledger_balance", new Books("singleton", "singleton::text"));
        BOOKS.put("registry_version", new Books("seq = 2", "seq::text"));
        BOOKS.put("operator", new Books("id is not null", "id"));
        BOOKS.put("facility", new Books("latitude is not null", "id"));
        BOOKS.put("facility_process", new Books("process is not null", "facility_id || ' ' || process"));
        BOOKS.put("alert", new Books("status = 'ACKNOWLEDGED'", "id::text"));
        BOOKS.put("alert_audit", new Books("id is not null", "id::text"));
        BOOKS.put("rule_pack", new Books("enabled", "name || ' ' || version"));
        BOOKS.put("rule_pack_audit", new Books("action = 'ENABLED'", "id::text"));
        BOOKS.put("round_trip", new Books("imported_lot is not null", "imported_lot"));
        BOOKS.put("ledger_seal", new Books("chain = 'alert'", "chain"));
    }

    /** Tables deliberately not covered, and why. */
    private static final Map<String, String> NOT_BOOKS = Map.ofEntries(
            Map.entry("api_token", "credentials of API callers, not books: a changed token grants or denies access, records nothing"),
            Map.entry("epcis_event", "the EPCIS repository's copy of captured events in the standard's terms; the books are the"
                    + " ledger events it was booked as"),
            Map.entry("capture_job", "the status of an EPCIS capture request, for its caller to poll"),
            Map.entry("capture_error", "the errors of an EPCIS capture request, for its caller to read"),
            Map.entry("flyway_schema_history", "the schema's migrations, not data"),
            Map.entry("log_tile", "the transparency log's tiles: worked out from the ledger's event hashes, and checked against them"
                    + " by the log's own verification (transparency/LogTamperIT)"),
            Map.entry("log_checkpoint", "the transparency log's signed checkpoints: checked by the log's own verification"
                    + " (transparency/LogTamperIT) against the regulator's keys and the ledger's events"),
            Map.entry("certificate", "certificates of origin as issued: each is signed by the regulator's key, so a changed byte"
                    + " fails its signature in any verifier, and its revocation is public in the signed status list"),
            Map.entry("public_disclosure", "the regulator's setting of what PUBLIC reads of the registry, not the books; it is"
                    + " created by V15, after the migration that seals (V14): sealing it takes a trigger seal_row()"
                    + " and a reseal in a later migration"),
            Map.entry("page_visit", "when each person last opened the morning page: what the page shows as new, not the books"),
            Map.entry("named_query", "partners' named EPCIS queries: a query's parameters, not the books; it reads only what its"
                    + " maker may read"),
            Map.entry("query_subscription", "where and how a named query's events are delivered, and how far: delivery"
                    + " state, not the books"));

    /** Values a column takes for an insert copied from a row, where the copy would break a unique index. */
    private static final Map<String, String> INSERTED = Map.of("rule_pack", "enabled = false",
            "trace_edge", "parent = 0");

    static ConfigurableApplicationContext app;
    static Connection connection;
    static LedgerVerification verification;

    @BeforeAll
    static void books() throws SQLException {
        app = new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + TestDataDirs.fresh("tamper"));
        app.getBean(DemoLoader.class).load();
        // a pack in force whose FLAG rule raises an alert on every extraction
        app.getBean(StoredRules.class).load("tamper-pack", """
                pack: tamper
                version: 1
                jurisdiction: MY
                title: every extraction is looked at
                rule: TAMPER-FLAG
                citation: Tamper Act 2026, s.1
                effective: 2020-01-01..
                applies-to: EXTRACT
                severity: FLAG
                require: event.massKg < 0.0
                message: An extraction.
                """, true, "regulator");
        LedgerWriter writer = app.getBean(LedgerWriter.class);
        Extract first = (Extract) DemoChain.build().events().stream().filter(e -> e instanceof Extract).findFirst()
                .orElseThrow();
        Extract again = new Extract(EventId.of("TAMPER-EXTRACT"), first.time().plus(Duration.ofMinutes(1)),
                first.facility(), LotId.of("TAMPER-ORE"), first.form(), first.mass(), first.composition(),
                first.location());
        assertThat(writer.apply(List.of(again)).getFirst()).isInstanceOf(Outcome.Booked.class);
        assertThat(writer.apply(List.of(new Reverse(EventId.of("TAMPER-REVERSE"), again.time().plusSeconds(60),
                again.facility(), again.id(), "booked twice"))).getFirst()).isInstanceOf(Outcome.Booked.class);
        AlertStore alerts = app.getBean(AlertStore.class);
        List<AlertStore.Alert> raised = alerts.list(new AlertStore.Filter(null, "TAMPER-FLAG", null, null, null, 10));
        assertThat(raised).isNotEmpty();
        alerts.move(raised.getFirst().id(), AlertStore.Status.ACKNOWLEDGED, "inspector sent", "regulator");
        alerts.raise(List.of(new AlertStore.Finding("tamper-finding", "MUF", "MY-PHG-SEP-01", "2026-03",
                "material unaccounted for", Map.of("mufKg", "12.5"), List.of("TAMPER-EXTRACT"), "MY-PHG-SEP-01",
                null, null, null, again.time())), "MY");
        // a round trip the regulator confirmed
        app.getBean(JdbcTemplate.class).update("insert into round_trip (imported_lot, exported_lot, alert_id,"
                + " confirmed_by, confirmed_at, comment) values ('TAMPER-IMPORT', 'TAMPER-EXPORT', ?, 'regulator',"
                + " now(), 'the same oxide, back from abroad')", raised.getFirst().id());
        // a second pack version, put in force over the first
        app.getBean(StoredRules.class).load("tamper-pack-2", """
                pack: tamper
                version: 2
                jurisdiction: MY
                title: every extraction is looked at, again
                rule: TAMPER-FLAG
                citation: Tamper Act 2026, s.1
                effective: 2020-01-01..
                applies-to: EXTRACT
                severity: FLAG
                require: event.massKg < 0.0
                message: An extraction.
                """, true, "regulator");

        connection = app.getBean(DataSource.class).getConnection();
        connection.setAutoCommit(false);
        verification = new LedgerVerification(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                app.getBean(LedgerSettings.class), app.getBean(ObjectMapper.class));
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

    private record Column(String name, String type, boolean nullable) {
    }

    private record Tamper(String table, String what, String sql, String row) {
    }

    @Test
    void every_single_row_change_delete_and_insert_in_every_table_of_the_books_is_found() throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        LedgerVerification.Report untouched = verification.verify();
        assertThat(untouched.clean()).as(String.valueOf(untouched.findings())).isTrue();
        connection.rollback();
        assertThat(jdbc.queryForObject("select count(*) from alert where status = 'ACKNOWLEDGED'", Long.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from alert where source = 'ANALYTICS'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'REVERSE'", Long.class)).isOne();

        Set<String> tables = new TreeSet<>(jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'", String.class));
        Set<String> unclassified = new TreeSet<>(tables);
        unclassified.removeAll(BOOKS.keySet());
        unclassified.removeAll(NOT_BOOKS.keySet());
        assertThat(unclassified).as("tables neither verified nor listed as not the books").isEmpty();
        assertThat(tables).containsAll(BOOKS.keySet());

        List<String> missed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int tried = 0;
        int found = 0;
        for (Map.Entry<String, Books> t : BOOKS.entrySet()) {
            String table = t.getKey();
            Books books = t.getValue();
            // the first row that is telling (or any, if none is)
            String ctid = jdbc.queryForObject("select ctid::text from " + table + " order by (" + books.where()
                    + ") desc, ctid limit 1", String.class);
            String lastCtid = jdbc.queryForObject("select ctid::text from " + table + " order by " + books.key()
                    + " desc limit 1", String.class);
            String row = keyOf(jdbc, table, books, ctid);
            // a change the schema refuses on the telling row is tried on the others (a rule alert cannot become an
            // analytics alert, the reverse can be done)
            List<String> others = jdbc.queryForList("select ctid::text from " + table + " where ctid <> '" + ctid
                    + "'::tid order by ctid limit 20", String.class);
            List<String> keys = jdbc.queryForList("""
                    select k.column_name from information_schema.table_constraints c
                    join information_schema.key_column_usage k using (constraint_schema, constraint_name)
                    where c.table_name = ? and c.constraint_type in ('PRIMARY KEY', 'UNIQUE')""", String.class, table);
            List<Column> columns = jdbc.query("select column_name, udt_name, is_nullable = 'YES' from"
                    + " information_schema.columns where table_schema = 'public' and table_name = ? order by"
                    + " ordinal_position", (rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                    table);
            List<Tamper> tampers = new ArrayList<>();
            for (Column c : columns) {
                List<String> values = changed(table, c);
                for (String at : concat(ctid, others)) {
                    List<String> sql = values.stream().map(v -> "update " + table + " set " + c.name() + " = " + v
                            + " where ctid = '" + at + "' and (" + c.name() + ")::text is distinct from (" + v
                            + ")::text").toList();
                    tampers.add(new Tamper(table, "update of " + c.name(), String.join(";;", sql),
                            keys.contains(c.name()) ? null : keyOf(jdbc, table, books, at)));
                }
            }
            tampers.add(new Tamper(table, "delete", "delete from " + table + " where ctid = '" + ctid + "'", null));
            tampers.add(new Tamper(table, "delete of the last row", "delete from " + table + " where ctid = '"
                    + lastCtid + "'", null));
            StringBuilder copy = new StringBuilder("jsonb_build_object()");
            for (String k : new TreeSet<>(keys)) {
                Column c = columns.stream().filter(x -> x.name().equals(k)).findFirst().orElseThrow();
                copy.append(" || jsonb_build_object('").append(k).append("', ").append(switch (c.type()) {
                    case "int2", "int4", "int8" -> "t." + k + " + 1000000";
                    case "bool" -> "not t." + k;
                    default -> "t." + k + " || '-copy'";
                }).append(")");
            }
            String extra = INSERTED.containsKey(table) ? " || jsonb_build_object('" + INSERTED.get(table).split(" = ")[0]
                    + "', " + INSERTED.get(table).split(" = ")[1] + ")" : "";
            tampers.add(new Tamper(table, "insert", "insert into " + table + " select (jsonb_populate_record(null::"
                    + table + ", to_jsonb(t) || " + copy + extra + ")).* from " + table + " t where ctid = '" + ctid
                    + "'", null));

            Set<String> done = new java.util.HashSet<>();
            Map<String, String> refusals = new LinkedHashMap<>();
            for (Tamper tamper : tampers) {
                if (done.contains(tamper.what())) {
                    continue;
                }
                String outcome = apply(tamper);
                if (outcome != null) {
                    refusals.putIfAbsent(tamper.what(), outcome);
                    connection.rollback();
                    continue;
                }
                done.add(tamper.what());
                refusals.remove(tamper.what());
                tried++;
                LedgerVerification.Report report = verification.verify();
                connection.rollback();
                boolean named = report.findings().stream().anyMatch(f -> f.table().equals(table)
                        && (tamper.row() == null || tamper.row().equals(f.row())));
                if (named) {
                    found++;
                } else {
                    missed.add(table + " " + tamper.what() + " (row " + tamper.row() + "): " + report.findings());
                }
            }
            refusals.forEach((what, why) -> refused.add(table + " " + what + ": " + why));
            tried += refusals.size();
        }
        // and the changes an attacker would make on purpose, each with the row it must be found at
        String transform = jdbc.queryForObject("select min(seq)::text from ledger_event where type = 'TRANSFORM'",
                String.class);
        List<Tamper> telling = List.of(
                new Tamper("ledger_undo", "undo data swapped with the first event's", "update ledger_undo set undo ="
                        + " (select undo from ledger_undo where seq = 1) where seq = " + transform, transform),
                new Tamper("lineage", "lineage redirected to another lot", "update lineage set lot_id = (select id"
                        + " from lot where id <> lineage.lot_id order by id limit 1) where seq = " + transform
                        + " and ctid = (select min(ctid) from lineage where seq = " + transform + ")", transform),
                new Tamper("ledger_event", "an event moved to another operator's facility", "update ledger_event e set"
                        + " facility_id = (select f.id from facility f join facility g on g.id = e.facility_id"
                        + " where f.operator_id <> g.operator_id order by f.id limit 1) where seq = " + transform,
                        transform),
                new Tamper("ledger_event", "an event recorded at another time", "update ledger_event set recorded_at"
                        + " = recorded_at - interval '1 day' where seq = " + transform, transform),
                new Tamper("lot", "a lot handed to another operator", "update lot set holder_id = (select id from"
                        + " operator where id <> lot.holder_id order by id limit 1) where id = (select min(id) from lot"
                        + " where status = 'ACTIVE')", jdbc.queryForObject("select min(id) from lot where status ="
                        + " 'ACTIVE'", String.class)),
                new Tamper("trace_group", "a transformation said to have taken twice the mass it took", "update"
                        + " trace_group set masses[1] = masses[1] * 2 where seq = " + transform + " and not output",
                        transform),
                new Tamper("ledger_balance", "the head moved back one event", "update ledger_balance set seq = seq - 1,"
                        + " head = (select previous_hash from ledger_event order by seq desc limit 1)", "true"),
                new Tamper("alert", "an alert closed without a trail", "update alert set status = 'CLOSED' where"
                        + " status = 'ACKNOWLEDGED'", jdbc.queryForObject("select id::text from alert where status ="
                        + " 'ACKNOWLEDGED'", String.class)),
                new Tamper("rule_pack", "a pack taken out of force without a trail", "update rule_pack set enabled ="
                        + " false where name = 'tamper' and version = '2'", "tamper 2"));
        for (Tamper tamper : telling) {
            tried++;
            String outcome = apply(tamper);
            LedgerVerification.Report report = outcome == null ? verification.verify() : null;
            connection.rollback();
            if (report != null && report.findings().stream().anyMatch(f -> f.table().equals(tamper.table())
                    && (tamper.row() == null || tamper.row().equals(f.row())))) {
                found++;
            } else {
                missed.add(tamper.table() + " " + tamper.what() + ": " + (outcome != null ? "refused: " + outcome
                        : report.findings()));
            }
        }
        System.out.printf("tamper kinds tried %d, found %d, refused by the schema %d%n", tried, found, refused.size());
        refused.forEach(r -> System.out.println("  refused: " + r));
        assertThat(missed).as("tampering that verification did not find").isEmpty();
        assertThat(found + refused.size()).isEqualTo(tried);
        // what the schema refuses on every row cannot be done at all: the balance is one row, always the one
        assertThat(refused).allSatisfy(r -> assertThat(r).containsAnyOf("ledger_balance update of singleton",
                "ledger_balance insert"));
    }

    private static String keyOf(JdbcTemplate jdbc, String table, Books books, String ctid) {
        return jdbc.queryForObject("select " + books.key() + " from " + table + " where ctid = '" + ctid + "'",
                String.class);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @Test
    void rows_sealed_by_concurrent_transactions_and_under_rolled_back_savepoints_make_one_chain() throws Exception {
        DataSource data = app.getBean(DataSource.class);
        String copy = """
                insert into alert (event_seq, event_id, facility_id, operator_id, event_time, raised_at, pack,
                    pack_version, pack_digest, rule_id, jurisdiction, citation, outcome, message, detail, status, updated_at)
                select event_seq, event_id, facility_id, operator_id, event_time, raised_at, pack, pack_version,
                    pack_digest, rule_id, jurisdiction, citation, outcome, message, detail, 'OPEN', raised_at
                from alert where source = 'RULE' order by id limit 1""";
        long before = new JdbcTemplate(data).queryForObject("select count(*) from alert", Long.class);
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 4; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = data.getConnection(); Statement st = c.createStatement()) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < 10; i++) {
                        st.executeUpdate(copy);
                        st.executeUpdate(copy);
                        Savepoint undone = c.setSavepoint();
                        st.executeUpdate(copy);
                        c.rollback(undone);
                        c.commit();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failures).isEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(data);
        assertThat(jdbc.queryForObject("select count(*) from alert", Long.class)).isEqualTo(before + 80);
        assertThat(jdbc.queryForObject("select rows from ledger_seal where chain = 'alert'", Long.class))
                .isEqualTo(before + 80);
        LedgerVerification.Report report = app.getBean(LedgerVerification.class).verify();
        assertThat(report.clean()).as(String.valueOf(report.findings())).isTrue();
    }

    /** Tampers in a savepoint, triggers and foreign keys off; answers why the database refused, or null. */
    private static String apply(Tamper tamper) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("set local session_replication_role = replica");
            String last = "changes nothing";
            for (String sql : tamper.sql().split(";;")) {
                Savepoint before = connection.setSavepoint();
                try {
                    if (st.executeUpdate(sql) == 1) {
                        connection.releaseSavepoint(before);
                        return null;
                    }
                    connection.rollback(before);
                } catch (SQLException e) {
                    connection.rollback(before);
                    last = e.getMessage().lines().findFirst().orElse("");
                }
            }
            return last;
        }
    }

    /** Other values for a column of the row, most telling first: the first the schema accepts is used. */
    private static List<String> changed(String table, Column column) {
        String c = column.name();
        String other = "(select x." + c + " from " + table + " x where x." + c + " is distinct from " + table + "."
                + c + " and x." + c + " is not null limit 1)";
        List<String> values = new ArrayList<>(switch (column.type()) {
            case "int2", "int4", "int8", "numeric" -> List.of(c + " + 1", c + " + 1000000", "1");
            case "float8" -> List.of(c + " + 0.001", "1.5");
            case "bool" -> List.of("not " + c);
            case "timestamptz" -> List.of(c + " + interval '1 second'", "now()");
            case "bpchar" -> List.of("'ZZ'", other);
            case "text", "varchar" -> List.of(c + " || 'x'", other, "'x'");
            case "_int8" -> List.of("array_cat(array[" + c + "[1] + 1], " + c + "[2:])");
            case "_text" -> List.of("coalesce(" + c + ", '{}') || array['x']");
            case "bytea" -> List.of("set_byte(" + c + ", length(" + c + ") / 2, (get_byte(" + c + ", length(" + c
                    + ") / 2) + 1) % 256)");
            case "json" -> List.of("(" + c + "::jsonb || '{\"tampered\": true}'::jsonb)::json");
            case "jsonb" -> List.of(c + " || '{\"tampered\": true}'::jsonb", "'{\"tampered\": true}'::jsonb");
            default -> throw new AssertionError("no tampering for " + table + "." + c + " of type " + column.type());
        });
        if (column.nullable()) {
            values.add("null");
        }
        return values;
    }
}
