package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.springframework.beans.factory.annotation.Autowired;

/** Whatever a value holds, it arrives through binary COPY exactly as it was, in its column's type. */
class CopyRowsIT extends RunningAppIT {

    @Autowired
    DataSource dataSource;

    @Test
    void tricky_values_arrive_unchanged() throws Exception {
        List<String> awkward = List.of("tab\there", "line\nbreak\r\n", "back\\slash \\N", "quote \" and {brace,}",
                "Ñd₂O₃ 稀土", "");
        byte[] bytes = {0, 1, (byte) 0xff, '\\', '\t', '\n'};
        Instant t = Instant.parse("2026-03-01T08:00:00.123456Z");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("create temporary table copy_check (n bigint, s text, a text[], b bytea,"
                    + " f boolean, t timestamptz, j json, v bigint[])");
            CopyRows rows = new CopyRows("copy_check", "n", "s", "a", "b", "f", "t", "j", "v");
            for (int i = 0; i < awkward.size(); i++) {
                rows.number(i).text(awkward.get(i)).textArray(awkward).bytes(bytes).bool(i % 2 == 0).time(t)
                        .json("{\"v\": \"" + i + " \\\\ \\n\"}")
                        .bigintArray(new long[] {i, -i, Long.MAX_VALUE}).endRow();
            }
            rows.number(-1).text(null).textArray(List.of()).bytes(new byte[0]).bool(false)
                    .time(Instant.parse("1999-12-31T23:59:59.9999995Z")).json(null).bigintArray(new long[0]).endRow();

            assertThat(LedgerStore.copy(c, rows)).isEqualTo(awkward.size() + 1);
            assertThatThrownBy(() -> new CopyRows("copy_check", "n", "s").number(1).endRow())
                    .hasMessageContaining("has 1 values, not 2");

            var rs = c.createStatement().executeQuery("select n, s, a, b, f, t, j::text, v from copy_check order by n");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNull();
            assertThat((String[]) rs.getArray(3).getArray()).isEmpty();
            assertThat(rs.getBytes(4)).isEmpty();
            // before the server's epoch, and rounded to the microsecond as text input would be
            assertThat(rs.getTimestamp(6).toInstant()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
            assertThat(rs.getString(7)).isNull();
            assertThat((Long[]) rs.getArray(8).getArray()).isEmpty();
            for (int i = 0; i < awkward.size(); i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(i);
                assertThat(rs.getString(2)).isEqualTo(awkward.get(i));
                assertThat(Arrays.asList((String[]) rs.getArray(3).getArray())).isEqualTo(awkward);
                assertThat(rs.getBytes(4)).isEqualTo(bytes);
                assertThat(rs.getBoolean(5)).isEqualTo(i % 2 == 0);
                assertThat(rs.getTimestamp(6).toInstant()).isEqualTo(t);
                assertThat((Long[]) rs.getArray(8).getArray()).containsExactly((long) i, (long) -i, Long.MAX_VALUE);
                assertThat(rs.getString(7)).isEqualTo("{\"v\": \"" + i + " \\\\ \\n\"}");
            }
        }
    }
}
