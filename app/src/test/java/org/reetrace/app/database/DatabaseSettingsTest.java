package org.reetrace.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void without_url_the_embedded_server_is_used() {
        var settings = new DatabaseSettings(null, null, null, Path.of("/data/pg"), 0, true);

        assertThat(settings.externalUrl()).isEmpty();
    }

    @Test
    void a_blank_url_counts_as_no_url_so_an_empty_environment_variable_does_no_harm() {
        var settings = new DatabaseSettings("  ", null, null, Path.of("/data/pg"), 0, true);

        assertThat(settings.externalUrl()).isEmpty();
    }

    @Test
    void an_external_url_must_be_a_postgresql_jdbc_url() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DatabaseSettings("jdbc:mysql://db/reetrace", "u", "p", Path.of("/d"), 0, true))
                .withMessageContaining("jdbc:postgresql:");
        assertThat(new DatabaseSettings("jdbc:postgresql://db:5432/reetrace", "u", "p", Path.of("/d"), 0, true).externalUrl())
                .contains("jdbc:postgresql://db:5432/reetrace");
    }

    @Test
    void the_data_folder_is_made_absolute_so_that_two_processes_agree_on_it() {
        var settings = new DatabaseSettings(null, null, null, Path.of("data/../pg"), 0, true);

        assertThat(settings.dataDir()).isEqualTo(Path.of("pg").toAbsolutePath());
    }

    @Test
    void commits_are_durable_unless_the_setting_says_otherwise() {
        Binder without = new Binder(new MapConfigurationPropertySource(Map.of("reetrace.database.data-dir", "/d")));
        Binder off = new Binder(new MapConfigurationPropertySource(Map.of("reetrace.database.data-dir", "/d",
                "reetrace.database.durable", "false")));

        assertThat(without.bindOrCreate("reetrace.database", DatabaseSettings.class).durable()).isTrue();
        assertThat(off.bindOrCreate("reetrace.database", DatabaseSettings.class).durable()).isFalse();
    }
}
