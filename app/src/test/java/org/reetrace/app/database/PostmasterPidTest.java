package org.reetrace.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterPidTest {

    @Test
    void reads_the_pid_and_the_port_of_a_running_server() {
        // as PostgreSQL 17 writes it
        var lines = List.of("4242", "/root/.reetrace/postgres", "1764211200", "54321", "/tmp", "localhost",
                "  1234567     98304", "ready   ");

        assertThat(PostmasterPid.parse(lines)).contains(new PostmasterPid(4242, 54321));
    }

    @Test
    void a_file_still_being_written_is_not_a_running_server() {
        assertThat(PostmasterPid.parse(List.of("4242", "/root/.reetrace/postgres"))).isEmpty();
    }

    @Test
    void a_garbled_file_is_not_a_running_server() {
        assertThat(PostmasterPid.parse(List.of("4242", "/data", "1764211200", "not-a-port"))).isEmpty();
        assertThat(PostmasterPid.parse(List.of("-1", "/data", "1764211200", "5432"))).isEmpty();
    }

    @Test
    void a_data_folder_without_pid_file_has_no_server(@TempDir Path dataDir) {
        assertThat(PostmasterPid.in(dataDir)).isEmpty();
    }

    @Test
    void reads_the_file_in_the_data_folder(@TempDir Path dataDir) throws Exception {
        Files.write(dataDir.resolve("postmaster.pid"), List.of("77", dataDir.toString(), "1", "6543"));

        assertThat(PostmasterPid.in(dataDir)).contains(new PostmasterPid(77, 6543));
    }
}
