package org.reetrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    /** Time that moves only when the test says so. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    private final FailedAuthentications failures =
            new FailedAuthentications(new TokenSettings(Duration.ofDays(90), 3, Duration.ofSeconds(30)), time);

    @Test
    void a_client_is_refused_after_its_allowance_of_failures_and_another_is_not() {
        for (int i = 0; i < 3; i++) {
            assertThat(failures.failed("10.0.0.1")).as("failure %d", i + 1).isEmpty();
        }

        assertThat(failures.failed("10.0.0.1")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
        assertThat(failures.failed("10.0.0.2")).isEmpty();
    }

    @Test
    void the_allowance_comes_back_evenly_over_the_window() {
        for (int i = 0; i < 3; i++) {
            failures.failed("10.0.0.3");
        }
        assertThat(failures.failed("10.0.0.3")).isPresent();

        time.nanos += Duration.ofSeconds(10).toNanos();

        assertThat(failures.failed("10.0.0.3")).as("one back after a third of the window").isEmpty();
        assertThat(failures.failed("10.0.0.3")).isPresent();
    }
}
