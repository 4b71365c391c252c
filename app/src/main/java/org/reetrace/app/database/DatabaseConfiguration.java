package org.reetrace.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource of the application: the external server when {@code reetrace.database.url} is
 * set, otherwise the embedded server on the data folder. Flyway's auto-configuration picks this
 * DataSource up and migrates it from {@code classpath:db/migration} before anything else uses it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Empty when an external server is configured; closed after the DataSource that depends on it. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
        return new EmbeddedDatabase(settings.externalUrl().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedServer.open(settings.dataDir(), settings.port(), settings.durable())));
    }

    @Bean
    PostgresTarget postgresTarget(DatabaseSettings settings, EmbeddedDatabase embedded) {
        return embedded.server()
                .map(EmbeddedServer::target)
                .orElseGet(() -> new PostgresTarget(settings.url(), settings.username(), settings.password()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(PostgresTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("reetrace");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.username());
        config.setPassword(target.password());
        config.setMaximumPoolSize(10);
        // the driver sends a JDBC batch of inserts as multi-row inserts: the ledger writer's batches (events, undo
        // records, lots, lineage) then cost a few statements a transaction rather than one a row; no code reads
        // per-row batch counts, which the driver no longer reports (SUCCESS_NO_INFO)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
