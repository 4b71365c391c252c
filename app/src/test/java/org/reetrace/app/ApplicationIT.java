package org.reetrace.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reetrace.app.database.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Autowired;

class ApplicationIT extends RunningAppIT {

    @Autowired
    EmbeddedDatabase embedded;

    @Test
    void starts_its_own_postgresql_17_on_the_configured_data_folder() {
        assertThat(embedded.server()).hasValueSatisfying(server -> {
            assertThat(server.owner()).isTrue();
            assertThat(server.dataDir()).startsWith(TestDataDirs.root());
        });
        assertThat(jdbc.sql("show server_version_num").query(Integer.class).single()).isBetween(170000, 179999);
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("reetrace");
    }

    @Test
    void applies_every_migration() {
        var versions = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class).list();

        assertThat(versions).contains("1", "3");
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isNotNegative();
    }

    @Test
    void publishes_the_openapi_description_with_the_bearer_scheme_without_a_token() {
        var docs = get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        var bearer = docs.json().path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        // the Caller parameter comes from the token, never from the request
        var whoami = docs.json().path("paths").path("/api/probe/whoami").path("get");
        assertThat(whoami.isMissingNode()).isFalse();
        assertThat(whoami.path("parameters").isMissingNode()).isTrue();
        assertThat(whoami.path("requestBody").isMissingNode()).isTrue();
    }

    @Test
    void serves_swagger_ui_without_a_token() {
        var ui = send(request("/swagger-ui/index.html", null).GET());

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(get("/swagger-ui.html", null).status()).isIn(200, 302);
    }
}
