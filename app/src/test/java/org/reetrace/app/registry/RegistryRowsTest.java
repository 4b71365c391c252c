package org.reetrace.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reetrace.app.registry.RegistryRows.Paged;
import org.reetrace.app.registry.RegistryRows.Shown;

class RegistryRowsTest {

    private static final List<Integer> ROWS = IntStream.rangeClosed(1, 60).boxed().toList();

    @Test
    void a_page_holds_its_rows_and_says_where_it_is() {
        Paged<Integer> second = Paged.of(ROWS, 2, 25);

        assertThat(second.rows()).containsExactlyElementsOf(ROWS.subList(25, 50));
        assertThat(second.first()).isEqualTo(26);
        assertThat(second.last()).isEqualTo(50);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void a_page_past_the_end_is_the_last_and_a_size_is_kept_within_bounds() {
        assertThat(Paged.of(ROWS, 9, 25).rows()).containsExactlyElementsOf(ROWS.subList(50, 60));
        assertThat(Paged.of(ROWS, 0, 0).rows()).containsExactly(1);
        assertThat(Paged.of(ROWS, 1, 10_000).size()).isEqualTo(Paged.MAX_SIZE);
        Paged<Integer> none = Paged.of(List.of(), 1, 25);
        assertThat(none.first()).isZero();
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.hasNext()).isFalse();
    }

    @Test
    void instants_are_shown_as_malaysian_days_and_numbers_plainly() {
        Shown shown = new Shown();

        assertThat(shown.day("2026-12-31T16:00:00Z")).isEqualTo("2027-01-01");
        assertThat(shown.day(null)).isEqualTo("—");
        assertThat(shown.minute(Instant.parse("2026-03-01T01:30:00Z"))).isEqualTo("2026-03-01 09:30");
        assertThat(shown.plain(new BigDecimal("55.900"))).isEqualTo("55.9");
        assertThat(shown.plain(new BigDecimal("1E+2"))).isEqualTo("100");
    }
}
