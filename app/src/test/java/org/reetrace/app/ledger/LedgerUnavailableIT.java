package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.web.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.reetrace.app.transparency.TransparencyLog;
import org.springframework.http.HttpStatus;

/** A writer that cannot take a submission says so as a 503 to retry, never as an internal error. */
class LedgerUnavailableIT extends RunningAppIT {

    @Autowired
    LedgerStore store;
    @Autowired
    LedgerSettings settings;
    @Autowired
    IngestCheck rules;
    @Autowired
    TransparencyLog transparencyLog;

    @Test
    void a_writer_that_is_not_running_refuses_with_a_503_and_books_nothing() {
        LedgerWriter stopped = new LedgerWriter(store, settings, storedRegistry, rules, List.of(), transparencyLog,
                Clock.systemUTC(), new SimpleMeterRegistry());
        long before = jdbc.sql("select count(*) from ledger_event").query(Long.class).single();

        assertThatThrownBy(() -> stopped.apply(List.of()))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.properties()).containsEntry("retryAfterSeconds", LedgerWriter.RETRY_AFTER_SECONDS);
                    assertThat(problem.getMessage()).contains("not running", "nothing was booked");
                });
        assertThat(jdbc.sql("select count(*) from ledger_event").query(Long.class).single()).isEqualTo(before);
    }
}
