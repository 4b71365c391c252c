package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every argument is checked before a database starts or a server is asked: one line naming the option, no data folder. */
class ArgumentCheckTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path data() {
        return dir.resolve("pg");
    }

    /** Runs the command on a data folder that must not come into being; returns its one line of error. */
    private String refused(int exitCode, String... args) {
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data-dir";
        withData[args.length + 1] = data().toString();
        assertThat(CommandRun.reetrace(out, err, withData)).as(err.toString()).isEqualTo(exitCode);
        assertThat(data()).doesNotExist();
        assertThat(out.toString()).isEmpty();
        String line = err.toString();
        assertThat(line.lines()).hasSize(1);
        err.getBuffer().setLength(0);
        return line.strip();
    }

    @Test
    void trace_depth() {
        assertThat(refused(1, "trace", "MAG-1", "--depth", "0")).isEqualTo("reetrace: --depth must be between 1 and 1000, was 0");
        assertThat(refused(2, "trace", "MAG-1", "--depth", "many")).contains("--depth").contains("many");
    }

    @Test
    void reconcile_months_and_file() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "not,a,header\n");
        assertThat(refused(1, "reconcile", "--partner", csv.toString(), "--from", "2026-13", "--to", "2026-03"))
                .isEqualTo("reetrace: --from must be a month YYYY-MM, was 2026-13");
        assertThat(refused(1, "reconcile", "--partner", csv.toString(), "--from", "2026-05", "--to", "2026-03"))
                .isEqualTo("reetrace: --to 2026-03 is before --from 2026-05");
        assertThat(refused(1, "reconcile", "--partner", dir.resolve("none.csv").toString(), "--from", "2026-01", "--to",
                "2026-03")).isEqualTo("reetrace: no partner import file " + dir.resolve("none.csv"));
        assertThat(refused(1, "reconcile", "--partner", csv.toString(), "--from", "2026-01", "--to", "2026-03"))
                .startsWith("reetrace: " + csv + ": ");
    }

    @Test
    void token_options() {
        assertThat(refused(1, "token", "issue", "--name", "x", "--role", "REGULATOR", "--expires", "someday"))
                .contains("--expires someday");
        assertThat(refused(1, "token", "--name", "x", "--role", "OPERATOR"))
                .isEqualTo("reetrace: operator caller x acts for no operator");
        assertThat(refused(1, "token", "issue", "--name", "x", "--role", "AUDITOR", "--operator", "OP-1"))
                .isEqualTo("reetrace: AUDITOR caller x cannot act for operator OP-1");
        assertThat(refused(1, "token", "issue", "--role", "AUDITOR")).contains("--name");
        assertThat(refused(1, "token", "revoke", "42")).contains("ID must be tok_ and 16 hex digits").contains("42");
    }

    @Test
    void files_to_read() {
        String missing = dir.resolve("missing.json").toString();
        assertThat(refused(1, "rules", "load", missing)).isEqualTo("reetrace: cannot read " + missing + ": no such file");
        assertThat(refused(1, "registry", "record", missing)).isEqualTo("reetrace: cannot read " + missing + ": no such file");
        assertThat(refused(1, "registry", "import-zones", missing, "--kind", "WATER_CATCHMENT"))
                .isEqualTo("reetrace: cannot read " + missing + ": no such file");
        assertThat(refused(1, "registry", "import-zones", dir.toString())).contains("not a file");
    }

    @Test
    void dates_and_ids() {
        assertThat(refused(1, "registry", "show", "--at", "yesterday")).contains("--at").contains("yesterday");
        assertThat(refused(1, "registry", "state-link", "OP-PAHANG-RE", "--at", "2026-02-30")).contains("--at");
        assertThat(refused(1, "precheck", "MAG-1", "--hs", "8505.11", "--counterparty", "C", "--country", "USA"))
                .contains("USA");
        assertThat(refused(2, "assess", "MAG-1")).contains("--pack");
    }

    @Test
    void a_server_that_is_no_url_is_a_usage_error() {
        assertThat(CommandRun.reetrace(out, err, "rules", "list", "--server", "localhost:8080")).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("reetrace: --server must be a server's URL such as http://localhost:8080/, was 'localhost:8080'");
    }

    @Test
    void a_server_with_a_data_folder_is_a_usage_error() {
        assertThat(refused(2, "verify", "--server", "http://localhost:8080/")).contains("--server").contains("--data-dir");
    }

    @Test
    void a_server_named_that_does_not_answer_is_one_line_naming_it() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(CommandRun.reetrace(out, err, "trace", "MAG-1", "--server", "http://localhost:" + port)).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("reetrace: cannot reach the server at http://localhost:" + port + "/ (from --server)");
        assertThat(out.toString()).isEmpty();
    }
}
