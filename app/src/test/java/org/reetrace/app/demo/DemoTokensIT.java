package org.reetrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.IssueToken;
import org.reetrace.app.security.Role;

class DemoTokensIT extends RunningAppIT {

    private long tokensNamed(String name) {
        return jdbc.sql("select count(*) from api_token where name = :name").param("name", name).query(Long.class).single();
    }

    @Test
    void the_demo_reuses_its_tokens_while_they_are_valid_and_keeps_them_for_the_user_alone() throws Exception {
        ensureOperator("OP-DEMO-TOK");
        Path file = DemoTokens.besides(TestDataDirs.fresh("demo-tokens").resolve("postgres"));
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("regulator", Caller.of("demo-tok regulator", Role.REGULATOR));
        callers.put("plant", Caller.operator("demo-tok plant", "OP-DEMO-TOK"));
        DemoTokens demo = new DemoTokens(file, new IssueToken(apiTokens));

        Map<String, String> first = demo.tokensFor(callers);
        Map<String, String> second = new DemoTokens(file, new IssueToken(apiTokens)).tokensFor(callers);

        assertThat(second).isEqualTo(first);
        assertThat(tokensNamed("demo-tok regulator")).isEqualTo(1);
        assertThat(tokensNamed("demo-tok plant")).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(apiTokens.resolve(first.get("plant"))).contains(callers.get("plant"));

        String plantId = apiTokens.list(java.util.Optional.of("OP-DEMO-TOK")).getFirst().id();
        apiTokens.revoke(plantId, "test");
        Map<String, String> third = demo.tokensFor(callers);

        assertThat(third.get("regulator")).isEqualTo(first.get("regulator"));
        assertThat(third.get("plant")).isNotEqualTo(first.get("plant"));
        assertThat(apiTokens.resolve(third.get("plant"))).contains(callers.get("plant"));
        assertThat(tokensNamed("demo-tok plant")).isEqualTo(2);
        assertThat(new DemoTokens(file, new IssueToken(apiTokens)).tokensFor(callers)).isEqualTo(third);
    }

    @Test
    void a_kept_token_this_database_does_not_know_is_issued_anew() throws Exception {
        Path file = DemoTokens.besides(TestDataDirs.fresh("demo-tokens-foreign").resolve("postgres"));
        Files.writeString(file, "auditor=rtk_from-another-database\n");
        Map<String, Caller> callers = Map.of("auditor", Caller.of("demo-tok auditor", Role.AUDITOR));

        Map<String, String> tokens = new DemoTokens(file, new IssueToken(apiTokens)).tokensFor(callers);

        assertThat(tokens.get("auditor")).isNotEqualTo("rtk_from-another-database");
        assertThat(apiTokens.resolve(tokens.get("auditor"))).contains(callers.get("auditor"));
        assertThat(Files.readString(file)).contains(tokens.get("auditor"));
    }
}
