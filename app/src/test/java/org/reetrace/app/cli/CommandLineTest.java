package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own behaviour, before any application starts. */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int reetrace(String... args) {
        return CommandRun.reetrace(out, err, args);
    }

    @Test
    void help_lists_the_subcommands() {
        assertThat(reetrace("--help")).isZero();
        assertThat(out.toString()).contains("serve", "token");
    }

    @Test
    void version_names_the_project_version() {
        assertThat(reetrace("--version")).isZero();
        assertThat(out.toString()).containsPattern("^reetrace \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void an_unknown_option_is_one_line_on_stderr_and_exit_code_2() {
        assertThat(reetrace("serve", "--colour")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("reetrace: Unknown option: '--colour'")
                .contains("reetrace serve --help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_missing_subcommand_shows_the_usage_and_fails() {
        assertThat(reetrace()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: reetrace");
    }

    @Test
    void import_of_a_missing_file_says_so_in_one_line_before_a_database_is_made(@TempDir Path dir) {
        Path data = dir.resolve("postgres");
        assertThat(reetrace("import", dir.resolve("nowhere.json").toString(), "--data-dir", data.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("reetrace: cannot read " + dir.resolve("nowhere.json") + ": no such file"
                + System.lineSeparator());
        assertThat(data).doesNotExist();
    }

    @Test
    void a_bad_date_is_refused_before_a_database_is_made(@TempDir Path dir) {
        Path data = dir.resolve("postgres");
        assertThat(reetrace("assess", "MAG-1", "--pack", "us", "--at", "2027-13-45", "--data-dir", data.toString()))
                .isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().contains("--at").contains("2027-13-45");
        assertThat(reetrace("precheck", "MAG-1", "--hs", "8505.11", "--counterparty", "C", "--country", "US",
                "--at", "soon", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(data).doesNotExist();
    }

    @Test
    void the_database_options_print_as_a_command_line_takes_them() {
        DatabaseOptions defaults = new DatabaseOptions();
        DatabaseOptions folder = new DatabaseOptions();
        folder.dataDir = Path.of("demo-data");
        DatabaseOptions external = new DatabaseOptions();
        external.url = "jdbc:postgresql://db/reetrace";

        assertThat(defaults.asOptions()).isEmpty();
        assertThat(folder.asOptions()).isEqualTo(" --data-dir " + Path.of("demo-data").toAbsolutePath());
        assertThat(external.asOptions()).isEqualTo(" --database-url jdbc:postgresql://db/reetrace");
    }

    @Test
    void a_port_in_use_is_one_line_before_the_application_starts(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThat(reetrace("serve", "--port", String.valueOf(port), "--data-dir", dir.resolve("pg").toString()))
                    .isEqualTo(1);
            assertThat(err.toString()).isEqualTo("reetrace: port " + port
                    + " is in use by another process; choose another with --port" + System.lineSeparator());
        }
        assertThat(dir.resolve("pg")).doesNotExist();
    }

    @Test
    void a_setting_that_cannot_be_read_is_named_in_one_line(@TempDir Path dir) {
        System.setProperty("reetrace.database.port", "abc");
        try {
            assertThat(reetrace("verify", "--data-dir", dir.resolve("pg").toString())).isEqualTo(1);
        } finally {
            System.clearProperty("reetrace.database.port");
        }
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("reetrace: invalid setting reetrace.database.port: 'abc' cannot be read as int");
    }

    @Test
    void an_impossible_port_fails_before_anything_starts() {
        assertThat(reetrace("serve", "--port", "70000")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("reetrace: --port must be between 0 and 65535, was 70000" + System.lineSeparator());
    }

    @Test
    void token_needs_a_known_role() {
        assertThat(reetrace("token", "--name", "x", "--role", "king")).isEqualTo(2);
        assertThat(err.toString()).contains("REGULATOR").hasLineCount(1);
    }

    @Test
    void every_token_command_has_help() {
        for (String[] command : new String[][] {{"token"}, {"token", "issue"}, {"token", "list"}, {"token", "revoke"}}) {
            StringWriter help = new StringWriter();
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            assertThat(CommandRun.reetrace(help, err, args)).as(String.join(" ", args)).isZero();
            assertThat(help.toString()).startsWith("Usage: reetrace " + String.join(" ", command));
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void every_command_and_subcommand_answers_help_with_its_usage() {
        java.util.List<java.util.List<String>> commands = new java.util.ArrayList<>();
        collect(Commands.commandLine(), new java.util.ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(15);
        for (java.util.List<String> command : commands) {
            StringWriter help = new StringWriter();
            java.util.List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            assertThat(CommandRun.reetrace(help, err, args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
            assertThat(help.toString()).contains("Usage: reetrace " + String.join(" ", command));
        }
        assertThat(err.toString()).isEmpty();
    }

    private static void collect(picocli.CommandLine line, java.util.List<String> path,
                                java.util.List<java.util.List<String>> into) {
        line.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            java.util.List<String> here = new java.util.ArrayList<>(path);
            here.add(name);
            into.add(here);
            collect(sub, here, into);
        });
    }

    @Test
    void token_revoke_needs_the_id() {
        assertThat(reetrace("token", "revoke")).isEqualTo(2);
        assertThat(err.toString()).contains("ID").hasLineCount(1);
    }

    @Test
    void describes_a_nested_failure_by_its_most_telling_message() {
        var failure = new IllegalStateException("context failed",
                new RuntimeException("bean failed", new CommandFailure("operator OP-9 is not\n in the registry")));

        assertThat(Commands.describe(failure)).isEqualTo("operator OP-9 is not; in the registry");
    }
}
