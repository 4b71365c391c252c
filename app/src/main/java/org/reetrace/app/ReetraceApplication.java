package org.reetrace.app;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Spring application: scanned from here, one package per capability below. It is started by the
 * command line ({@link Reetrace}), never on its own, so that every entry point parses its options first.
 * Settings are {@code @ConfigurationProperties} records anywhere below this package, found by the scan.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReetraceApplication {

    /** The only wall clock of the application; tests and the ledger can be handed another one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
