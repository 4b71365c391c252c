package org.reetrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.database.EmbeddedDatabase;
import org.reetrace.app.ledger.V10__Binary_ledger_state;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Tokens issued before they had a life cycle come through the upgrade with an id, and operators' with an expiry. */
class TokenMigrationIT extends RunningAppIT {

    @Autowired
    EmbeddedDatabase database;

    @Test
    void earlier_tokens_get_an_id_and_operators_tokens_the_default_lifetime() {
        int port = database.server().orElseThrow().port();
        jdbc.sql("create database tokens_before_v15").update();
        var source = new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/tokens_before_v15",
                "postgres", "");
        Flyway.configure().dataSource(source).locations("classpath:db/migration")
                .javaMigrations(new V10__Binary_ledger_state()).target("12").load().migrate();
        JdbcTemplate old = new JdbcTemplate(source);
        old.update("insert into operator (id, name, country) values ('OP-OLD', 'Old Sdn Bhd', 'MY')");
        old.update("insert into api_token (token_hash, name, role, operator_id, created_at) values"
                + " (repeat('a', 64), 'old plant', 'OPERATOR', 'OP-OLD', now() - interval '2 years'),"
                + " (repeat('b', 64), 'old agency', 'REGULATOR', null, now() - interval '2 years')");

        Flyway.configure().dataSource(source).locations("classpath:db/migration")
                .javaMigrations(new V10__Binary_ledger_state()).target("15").load().migrate();

        List<Map<String, Object>> rows = old.queryForList(
                "select id, name, expires_at, revoked_at from api_token order by name");
        assertThat(rows).extracting(r -> (String) r.get("id")).allMatch(id -> id.matches("tok_[0-9a-f]{16}"))
                .doesNotHaveDuplicates();
        Instant plantExpiry = ((java.sql.Timestamp) rows.get(1).get("expires_at")).toInstant();
        assertThat(rows.get(1).get("name")).isEqualTo("old plant");
        assertThat(Duration.between(Instant.now(), plantExpiry).toDays()).isBetween(89L, 90L);
        assertThat(rows.get(0).get("expires_at")).as("the regulator's token").isNull();
        assertThat(rows).extracting(r -> r.get("revoked_at")).containsOnlyNulls();
    }
}
