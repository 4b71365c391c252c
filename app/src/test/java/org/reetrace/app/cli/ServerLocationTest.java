package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a reading command finds the server it asks, and the token it asks with. */
class ServerLocationTest {

    @TempDir
    Path dir;

    private final ClientOptions client = new ClientOptions();
    private final DatabaseOptions database = new DatabaseOptions();

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(ServerLocation.DATA_DIR_VARIABLE, dir.resolve("pg").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** A server file as a running demo leaves it, naming this test's own (running) process, with its token file. */
    private ServerFile runningDemo(String url) throws Exception {
        Path tokens = dir.resolve("pg-demo-tokens.properties");
        Files.writeString(tokens, "regulator=rtk_demoRegulatorToken0000000000\n");
        ServerFile server = new ServerFile(URI.create(url), ProcessHandle.current().pid(), Optional.of(tokens));
        server.write(ServerFile.besides(dir.resolve("pg")));
        return server;
    }

    @Test
    void without_server_file_option_or_variable_the_command_opens_the_database() {
        assertThat(ServerLocation.find(client, database, env())).isEmpty();
    }

    @Test
    void the_server_file_of_a_running_demo_gives_its_url_and_its_regulator_token() throws Exception {
        runningDemo("http://localhost:18080/");

        ServerLocation found = ServerLocation.find(client, database, env()).orElseThrow();

        assertThat(found.url()).isEqualTo(URI.create("http://localhost:18080/"));
        assertThat(found.token()).contains("rtk_demoRegulatorToken0000000000");
        assertThat(found.explicit()).isFalse();
        assertThat(found.tokenShown()).startsWith("rtk_demo...").contains("demo-tokens").doesNotContain("Regulator");
    }

    @Test
    void the_server_file_is_readable_by_its_user_only_and_removed_by_its_server() throws Exception {
        ServerFile server = runningDemo("http://localhost:18080/");
        Path file = ServerFile.besides(dir.resolve("pg"));

        assertThat(file).isEqualTo(dir.resolve("pg-server.properties"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        new ServerFile(URI.create("http://localhost:9/"), server.pid(), Optional.empty()).remove(file);
        assertThat(file).exists(); // another server's: left alone
        server.remove(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void a_server_file_left_by_a_process_that_ended_is_ignored() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        new ServerFile(URI.create("http://localhost:18080/"), ended.pid(), Optional.empty())
                .write(ServerFile.besides(dir.resolve("pg")));

        assertThat(ServerLocation.find(client, database, env())).isEmpty();
    }

    @Test
    void the_option_comes_before_the_variable_and_both_before_the_file() throws Exception {
        runningDemo("http://localhost:18080/");
        client.server = "http://reetrace.example:8443/base";
        client.token = "rtk_fromTheOption000000000000";

        ServerLocation byOption = ServerLocation.find(client, database,
                env("REETRACE_SERVER", "http://other:1/", "REETRACE_TOKEN", "rtk_fromTheVariable")).orElseThrow();
        client.server = null;
        client.token = null;
        ServerLocation byVariable = ServerLocation.find(client, database,
                env("REETRACE_SERVER", "http://other:1", "REETRACE_TOKEN", "rtk_fromTheVariable")).orElseThrow();

        assertThat(byOption.url()).isEqualTo(URI.create("http://reetrace.example:8443/base/"));
        assertThat(byOption.token()).contains("rtk_fromTheOption000000000000");
        assertThat(byOption.explicit()).isTrue();
        assertThat(byVariable.url()).isEqualTo(URI.create("http://other:1/"));
        assertThat(byVariable.urlSource()).isEqualTo("REETRACE_SERVER");
        assertThat(byVariable.token()).contains("rtk_fromTheVariable");
        assertThat(byVariable.tokenSource()).isEqualTo("REETRACE_TOKEN");
    }

    @Test
    void a_token_of_the_environment_is_used_with_the_server_of_the_file() throws Exception {
        runningDemo("http://localhost:18080/");

        ServerLocation found = ServerLocation.find(client, database, env("REETRACE_TOKEN", "rtk_mine")).orElseThrow();

        assertThat(found.token()).contains("rtk_mine");
    }

    @Test
    void offline_data_dir_and_database_url_open_the_database_even_with_a_server_running() throws Exception {
        runningDemo("http://localhost:18080/");
        Map<String, String> env = env("REETRACE_SERVER", "http://localhost:18080/");

        client.offline = true;
        assertThat(ServerLocation.find(client, database, env)).isEmpty();
        client.offline = false;
        database.dataDir = dir.resolve("pg");
        assertThat(ServerLocation.find(client, database, env)).isEmpty();
        database.dataDir = null;
        database.url = "jdbc:postgresql://db/reetrace";
        assertThat(ServerLocation.find(client, database, env)).isEmpty();
    }

    @Test
    void a_server_and_a_database_together_are_a_usage_error() {
        client.server = "http://localhost:8080/";
        database.dataDir = dir;

        assertThatThrownBy(() -> ServerLocation.find(client, database, env())).isInstanceOf(UsageError.class)
                .hasMessageContaining("--server").hasMessageContaining("--data-dir");
    }

    @Test
    void a_server_that_is_no_url_is_a_usage_error_naming_the_option_or_variable() {
        client.server = "localhost:8080";
        assertThatThrownBy(() -> ServerLocation.find(client, database, env())).isInstanceOf(UsageError.class)
                .hasMessage("--server must be a server's URL such as http://localhost:8080/, was 'localhost:8080'");
        client.server = null;
        assertThatThrownBy(() -> ServerLocation.find(client, database, env("REETRACE_SERVER", "ftp://x/")))
                .isInstanceOf(UsageError.class).hasMessageStartingWith("REETRACE_SERVER must be a server's URL");
    }

    @Test
    void the_default_data_folder_is_the_applications() {
        assertThat(ServerLocation.defaultDataDir(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".reetrace", "postgres"));
        assertThat(ServerLocation.defaultDataDir(Map.of("REETRACE_DATABASE_DATADIR", "/srv/pg"))).isEqualTo(Path.of("/srv/pg"));
    }
}
