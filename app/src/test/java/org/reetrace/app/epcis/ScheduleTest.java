package org.reetrace.app.epcis;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reetrace.app.web.ProblemException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a scheduled subscription runs. */
class ScheduleTest {
    private static final Instant T = Instant.parse("2026-12-08T02:00:00Z"); // a Tuesday

    @Test
    void smaller_units_left_out_take_their_first_value_larger_ones_any() {
        Schedule s = new Schedule(null, "5", "1", null, null, null);
        assertThat(s.next(T)).isEqualTo(Instant.parse("2026-12-09T01:05:00Z"));
        assertThat(s.next(Instant.parse("2026-12-09T01:05:00Z"))).isEqualTo(Instant.parse("2026-12-10T01:05:00Z"));
    }

    @Test
    void lists_ranges_and_steps() {
        assertThat(new Schedule("0/30", null, null, null, null, null).next(T)).isEqualTo(T.plusSeconds(30));
        assertThat(new Schedule("*/1", null, null, null, null, null).next(T)).isEqualTo(T.plusSeconds(1));
        assertThat(new Schedule(null, "10,20", null, null, null, null).next(T.plusSeconds(601)))
                .isEqualTo(Instant.parse("2026-12-08T02:20:00Z"));
        // Saturday and Sunday, at midnight
        assertThat(new Schedule(null, null, null, null, null, "[6-7]").next(T))
                .isEqualTo(Instant.parse("2026-12-12T00:00:00Z"));
    }

    @Test
    void a_field_out_of_range_nothing_at_all_or_a_day_that_never_comes_is_refused() {
        assertThatThrownBy(() -> new Schedule(null, null, "25", null, null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new Schedule(null, null, null, null, null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new Schedule(null, null, null, "31", "2", null).next(T))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void it_is_read_from_the_binding_s_json() {
        Schedule s = JsonMapper.builder().build().readValue("{\"hour\": \"1\", \"minute\": \"5\"}", Schedule.class);
        assertThat(s.hour()).isEqualTo("1");
    }
}
