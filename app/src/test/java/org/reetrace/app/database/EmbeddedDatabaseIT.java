package org.reetrace.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server's life on a data folder: restarts, a second process, an external URL. */
class EmbeddedDatabaseIT {

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(ReetraceApplication.class)
                .web(WebApplicationType.NONE)
                .run(properties);
    }

    private static ConfigurableApplicationContext startOn(Path dataDir) {
        return start("--reetrace.database.data-dir=" + dataDir);
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static EmbeddedServer server(ConfigurableApplicationContext context) {
        return context.getBean(EmbeddedDatabase.class).server().orElseThrow();
    }

    @Test
    void data_survives_a_restart_on_the_same_folder() {
        Path dataDir = TestDataDirs.fresh("restart");
        try (var first = startOn(dataDir)) {
            jdbc(first).sql("insert into operator (id, name, country) values ('OP-R', 'Restart Sdn Bhd', 'MY')").update();
        }
        assertThat(dataDir.resolve("postmaster.pid")).as("the server stopped with the application").doesNotExist();

        try (var second = startOn(dataDir)) {
            assertThat(server(second).owner()).isTrue();
            assertThat(jdbc(second).sql("select name from operator where id = 'OP-R'").query(String.class).single())
                    .isEqualTo("Restart Sdn Bhd");
        }
    }

    @Test
    void a_second_application_on_a_running_folder_uses_that_server_and_leaves_it_running() {
        Path dataDir = TestDataDirs.fresh("attach");
        try (var serving = startOn(dataDir)) {
            int port = server(serving).port();
            try (var verifying = startOn(dataDir)) {
                assertThat(server(verifying).owner()).isFalse();
                assertThat(server(verifying).port()).isEqualTo(port);
                jdbc(verifying).sql("insert into operator (id, name, country) values ('OP-A', 'Attach', 'MY')").update();
            }
            // closing the attached application must not have stopped the server it borrowed
            assertThat(jdbc(serving).sql("select count(*) from operator where id = 'OP-A'").query(Long.class).single())
                    .isEqualTo(1);
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void with_an_external_url_no_embedded_server_is_started() throws Exception {
        Path dataDir = TestDataDirs.fresh("external-host");
        Path unusedDataDir = TestDataDirs.fresh("external-unused");
        try (var host = startOn(dataDir)) {
            // stands in for an external PostgreSQL: another database on a server this application does not own
            jdbc(host).sql("create database external_ledger").update();
            String url = "jdbc:postgresql://localhost:" + server(host).port() + "/external_ledger";
            try (var external = start("--reetrace.database.url=" + url, "--reetrace.database.username=postgres",
                    "--reetrace.database.data-dir=" + unusedDataDir)) {
                assertThat(external.getBean(EmbeddedDatabase.class).server()).isEmpty();
                assertThat(jdbc(external).sql("select current_database()").query(String.class).single())
                        .isEqualTo("external_ledger");
                assertThat(jdbc(external).sql("select count(*) from flyway_schema_history").query(Long.class).single())
                        .isPositive();
            }
        }
        try (var files = Files.list(unusedDataDir)) {
            assertThat(files).isEmpty();
        }
    }

    private static String show(ConfigurableApplicationContext context, String setting) {
        return jdbc(context).sql("show " + setting).query(String.class).single();
    }

    @Test
    void by_default_the_embedded_server_commits_durably() {
        Path dataDir = TestDataDirs.fresh("durable");
        // the application's own configuration alone, without the tests' (which chooses speed)
        try (var app = start("--spring.config.location=classpath:/application.properties",
                "--reetrace.database.data-dir=" + dataDir)) {
            assertThat(show(app, "fsync")).isEqualTo("on");
            assertThat(show(app, "synchronous_commit")).isEqualTo("on");
            assertThat(show(app, "full_page_writes")).isEqualTo("on");
            assertThat(server(app).durability().durable()).isTrue();
        }
    }

    @Test
    void the_durable_setting_turns_durable_commits_off_and_an_attached_application_reads_what_the_server_runs() {
        Path dataDir = TestDataDirs.fresh("not-durable");
        try (var fast = start("--reetrace.database.data-dir=" + dataDir, "--reetrace.database.durable=false")) {
            assertThat(show(fast, "fsync")).isEqualTo("off");
            assertThat(show(fast, "synchronous_commit")).isEqualTo("off");
            assertThat(show(fast, "full_page_writes")).isEqualTo("off");
            // a second application asking for durable commits gets the running server as it is, and says so
            try (var attached = start("--reetrace.database.data-dir=" + dataDir, "--reetrace.database.durable=true")) {
                assertThat(server(attached).owner()).isFalse();
                Durability settings = Durability.of(attached.getBean(javax.sql.DataSource.class));
                assertThat(settings.durable()).isFalse();
                assertThat(settings.toString()).contains("fsync=off", "synchronous_commit=off", "wal_sync_method=");
            }
        }
        // the settings are not written into the data folder: the next start decides afresh
        try (var durable = start("--reetrace.database.data-dir=" + dataDir, "--reetrace.database.durable=true")) {
            assertThat(server(durable).owner()).isTrue();
            assertThat(server(durable).durability().durable()).isTrue();
        }
    }
}
