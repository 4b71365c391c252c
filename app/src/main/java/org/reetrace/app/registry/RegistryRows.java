package org.reetrace.app.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.reetrace.app.web.Instants;

/** How the registry's pages show rows: a page of a long list, and instants as Malaysian dates and times. */
public final class RegistryRows {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RegistryRows() {
    }

    /**
     * One page of {@code all}: the rows, the page number (from 1), its size and the count of every row.
     *
     * @param <T> a row
     */
    public record Paged<T>(List<T> rows, int page, int size, int total) {

        public static final int MAX_SIZE = 200;

        /** The page asked for; a page past the end is the last, a size outside 1..200 is held within it. */
        public static <T> Paged<T> of(List<T> all, int page, int size) {
            int s = Math.clamp(size, 1, MAX_SIZE);
            int pages = Math.max(1, (all.size() + s - 1) / s);
            int p = Math.clamp(page, 1, pages);
            return new Paged<>(all.subList(Math.min(all.size(), (p - 1) * s), Math.min(all.size(), p * s)), p, s,
                    all.size());
        }

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }

        /** The first row's number, from 1 (0 for an empty list). */
        public int first() {
            return total == 0 ? 0 : (page - 1) * size + 1;
        }

        public int last() {
            return (page - 1) * size + rows.size();
        }
    }

    /**
     * Values as the pages show them: an ISO instant as the day (or minute) it is in Malaysia, where the registry's
     * dates are read; a number in plain digits; an absent value as "—".
     */
    public static final class Shown {

        public String plain(BigDecimal number) {
            return number == null ? "—" : number.stripTrailingZeros().toPlainString();
        }

        public String day(String instant) {
            return instant == null ? "—" : Instant.parse(instant).atZone(Instants.LOCAL).toLocalDate().toString();
        }

        public String minute(Instant instant) {
            return instant == null ? "—" : LocalDateTime.ofInstant(instant, Instants.LOCAL).format(MINUTE);
        }

        public String minute(String instant) {
            return instant == null ? "—" : minute(Instant.parse(instant));
        }
    }
}
