package org.reetrace.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reetrace.app.TestDataDirs;

/**
 * Ten crashes of a forked, durable {@code reetrace serve} under load from four clients: five kill -9s of its JVM and
 * five of its JVM with the whole embedded PostgreSQL; after each restart every event answered 201 is stored as it was
 * answered, and the ledger verifies clean. {@code reetrace chaos --rounds N} runs more.
 */
class CrashIT {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void no_acknowledged_event_is_lost_to_a_kill_of_the_server_or_of_its_postgresql() throws Exception {
        CrashRounds.Result result = new CrashRounds(new CrashRounds.Settings(10, TestDataDirs.fresh("crash"), 4,
                Duration.ofMillis(1_000), Duration.ofMillis(2_500), 11, true), line -> System.out.println("CrashIT: " + line))
                .run();

        System.out.println("CrashIT: " + result);
        assertThat(result.rounds()).hasSize(10);
        assertThat(result.kills(CrashRounds.Kill.JVM)).isEqualTo(5);
        assertThat(result.kills(CrashRounds.Kill.JVM_AND_POSTGRES)).isEqualTo(5);
        // the rounds must have had something to lose
        assertThat(result.rounds()).allSatisfy(round -> assertThat(round.acknowledged()).as(round.toString()).isPositive());
        assertThat(result.rounds()).allSatisfy(round -> {
            assertThat(round.refused()).as(round.toString()).isEmpty();
            assertThat(round.lost()).as(round.toString()).isEmpty();
            assertThat(round.clean()).as(round.toString()).isTrue();
        });
    }
}
