package org.reetrace.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's last visit to the morning page is kept in the database, each person's apart. */
class RecordVisitIT extends RunningAppIT {

    @Autowired
    RecordVisit visits;

    @Test
    void the_visit_before_is_the_one_kept_last_time_and_each_person_has_their_own() {
        Caller regulator = Caller.of("visiting regulator", Role.REGULATOR);
        Instant first = Instant.parse("2026-12-07T08:00:00Z");
        Instant second = first.plus(1, ChronoUnit.DAYS);

        assertThat(visits.visit(regulator, "tok_visit_a", first)).isEmpty();
        assertThat(visits.visit(regulator, "tok_visit_a", second)).contains(first);
        assertThat(visits.visit(regulator, "tok_visit_b", second)).isEmpty();
        assertThat(jdbc.sql("select count(*) from page_visit where person like '%tok_visit_%'").query(Long.class)
                .single()).isEqualTo(2);
    }
}
