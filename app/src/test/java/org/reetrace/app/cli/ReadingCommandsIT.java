package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.demo.DemoLoader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reading commands asked of a running server over its API print what they print from the database itself: the
 * demo chain served once, each command run both ways and compared line by line.
 */
class ReadingCommandsIT {

    static final Path DATA = TestDataDirs.fresh("reading-cli");
    static ConfigurableApplicationContext app;
    static String url;
    static String token;

    @BeforeAll
    static void serveTheDemo() {
        app = new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.SERVLET)
                .run("--reetrace.database.data-dir=" + DATA, "--server.port=0", "--server.address=127.0.0.1",
                        "--reetrace.rules.bundled-packs=ENABLED");
        token = app.getBean(DemoLoader.class).load().regulatorToken();
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run reetrace(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandRun.reetrace(out, err, args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run remotely(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", url, "--token", token));
        return reetrace(all);
    }

    private static Run offline(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", DATA.toString()));
        return reetrace(all);
    }

    /** Runs the command both ways: the same exit code, the same text, nothing on stderr. */
    private static String same(String... args) {
        Run local = offline(args);
        Run remote = remotely(args);
        assertThat(local.err()).as("offline " + String.join(" ", args)).isEmpty();
        assertThat(remote.err()).as("remote " + String.join(" ", args)).isEmpty();
        assertThat(remote.exit()).as(String.join(" ", args)).isEqualTo(local.exit());
        assertThat(remote.out()).as(String.join(" ", args)).isEqualTo(local.out()).isNotBlank();
        return local.out();
    }

    @Test
    void trace_upstream_and_downstream() {
        assertThat(same("trace", "MAG-2026-0001")).contains("upstream trace of MAG-2026-0001")
                .contains("origin of the elements in MAG-2026-0001");
        assertThat(same("trace", "ISL-2026-0001", "--downstream")).contains("downstream trace of ISL-2026-0001");
        same("trace", "MAG-2026-0001", "--depth", "2");
    }

    @Test
    void rules_list_and_verify() {
        assertThat(same("rules", "list")).contains("ENABLED");
        assertThat(same("verify")).startsWith("ledger clean");
    }

    @Test
    void log_checkpoint_is_signed_once_and_printed_as_published() {
        assertThat(same("log", "checkpoint")).startsWith("localhost/reetrace/log\n")
                .contains("\n\n\u2014 localhost/reetrace/log ");
        assertThat(offline("log", "keys").out()).startsWith("localhost/reetrace/log+");
    }

    @Test
    void precheck_and_assess() {
        assertThat(same("precheck", "MAG-2026-0001", "--hs", "8505.11", "--permit", "EXP-MY-2026-0093", "--counterparty",
                "Great Lakes Motors Inc.", "--country", "US", "--jurisdiction", "MY,CN,US,EU", "--at", "2026-06-01"))
                .contains("MY  PASS");
        assertThat(same("precheck", "MAG-2026-0001", "--hs", "8505.11", "--counterparty", "Somebody", "--country", "CN",
                "--at", "2026-07-01T00:00:00Z"))
                .contains("no permit quoted");
        assertThat(same("assess", "MAG-2026-0001", "--pack", "us", "--at", "2027-01-01")).contains("FAIL");
        assertThat(same("assess", "MAG-2026-0001", "--pack", "us", "--at", "2026-12-31")).contains("PASS");
    }

    @Test
    void reconcile() {
        assertThat(same("reconcile", "--partner", "../docs/examples/partner-imports-demo.csv", "--from", "2026-01", "--to",
                "2027-02")).contains("Mirror trade 2026-01 to 2027-02").contains("Material balances");
    }

    @Test
    void registry_reads() {
        assertThat(same("registry", "state-link", "OP-PAHANG-RE")).contains("is state-linked to MY");
        assertThat(same("registry", "history")).contains("changes");
        // the registry as of now: the instant on its first line is when each was asked
        Run local = offline("registry", "show");
        Run remote = remotely("registry", "show");
        assertThat(remote.exit()).isZero();
        assertThat(withoutFirstLine(remote.out())).isEqualTo(withoutFirstLine(local.out())).contains("OP-PAHANG-RE");
    }

    @Test
    void the_servers_refusals_are_one_line_and_exit_code_1() {
        Run unknownLot = remotely("trace", "MAG-1999-0001");
        Run unknownOperator = remotely("registry", "state-link", "OP-NOBODY");
        Run badToken = reetrace(List.of("rules", "list", "--server", url, "--token", "rtk_notAToken000000000000000"));
        Run noToken = reetrace(List.of("verify", "--server", url));

        assertThat(unknownLot.exit()).isEqualTo(1);
        assertThat(unknownLot.err().lines()).singleElement().asString().isEqualTo("reetrace: no lot with id MAG-1999-0001");
        assertThat(unknownOperator.exit()).isEqualTo(1);
        assertThat(unknownOperator.err().lines()).singleElement().asString().contains("OP-NOBODY");
        assertThat(badToken.exit()).isEqualTo(1);
        assertThat(badToken.err().lines()).singleElement().asString()
                .startsWith("reetrace: the server at " + url + " refused the token rtk_notA... (from --token): ");
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err().lines()).singleElement().asString()
                .startsWith("reetrace: the server at " + url + " needs a token").contains("--token");
        assertThat(unknownLot.out() + unknownOperator.out() + badToken.out() + noToken.out()).isEmpty();
    }

    @Test
    void the_registry_as_it_stood_is_read_from_the_database_only() {
        Run run = remotely("registry", "show", "--at", "2026-01-01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--offline");
    }

    private static String withoutFirstLine(String text) {
        return text.substring(text.indexOf('\n') + 1);
    }
}
