package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** An offline command end to end: options, application start on the data folder, output, stop. */
class TokenCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int reetrace(String... args) {
        return CommandRun.reetrace(out, err, args);
    }

    @Test
    void issues_a_token_that_the_application_then_resolves() {
        Path dataDir = TestDataDirs.fresh("token");

        assertThat(reetrace("token", "--name", "agency", "--role", "regulator", "--data-dir", dataDir.toString())).isZero();

        String token = out.toString().strip();
        assertThat(token).startsWith("rtk_").doesNotContainAnyWhitespaces();
        assertThat(err.toString()).isEmpty();
        assertThat(dataDir.resolve("postmaster.pid")).as("the command stopped its server").doesNotExist();
        try (var context = new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + dataDir)) {
            assertThat(context.getBean(ApiTokens.class).resolve(token))
                    .hasValueSatisfying(caller -> assertThat(caller.role()).isEqualTo(Role.REGULATOR));
        }
    }

    @Test
    void an_operator_token_for_an_unregistered_operator_is_one_line_of_error() {
        Path dataDir = TestDataDirs.fresh("token-unknown");

        int exit = reetrace("token", "--name", "ghost", "--role", "OPERATOR", "--operator", "OP-GHOST",
                "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("reetrace: operator OP-GHOST is not in the registry" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void an_operator_token_needs_the_operator() {
        int exit = reetrace("token", "--name", "x", "--role", "OPERATOR", "--data-dir", TestDataDirs.fresh("token-x").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("reetrace: operator caller x acts for no operator").hasLineCount(1);
    }

    @Test
    void lists_tokens_without_their_secrets_and_revokes_one_by_its_id() {
        Path dataDir = TestDataDirs.fresh("token-list");
        assertThat(reetrace("token", "issue", "--name", "lister", "--role", "AUDITOR", "--expires", "30d",
                "--data-dir", dataDir.toString())).isZero();
        String token = out.toString().strip();
        out.getBuffer().setLength(0);

        assertThat(reetrace("token", "list", "--data-dir", dataDir.toString())).as(err.toString()).isZero();

        String listing = out.toString();
        assertThat(listing).contains("lister", "AUDITOR", "VALID").doesNotContain(token).doesNotContain("rtk_");
        String id = listing.lines().filter(l -> l.contains("lister")).findFirst().orElseThrow().split(" ")[0];
        assertThat(id).matches("tok_[0-9a-f]{16}");
        out.getBuffer().setLength(0);

        assertThat(reetrace("token", "revoke", id, "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).startsWith("revoked " + id);
        out.getBuffer().setLength(0);
        assertThat(reetrace("token", "list", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).containsPattern(id + " +REVOKED");
        assertThat(reetrace("token", "revoke", "tok_0000000000000000", "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("reetrace: no token with id tok_0000000000000000" + System.lineSeparator());
    }

    @Test
    void an_expiry_that_is_neither_an_instant_nor_a_duration_is_one_line_of_error() {
        int exit = reetrace("token", "--name", "x", "--role", "PUBLIC", "--expires", "tomorrow",
                "--data-dir", TestDataDirs.fresh("token-expiry").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("reetrace: --expires tomorrow is neither").hasLineCount(1);
    }
}
