package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.springframework.beans.factory.annotation.Autowired;

/** Whatever a value holds, it arrives through COPY exactly as it was: the text format's escapes are all applied. */
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
            c.createStatement().execute("create temporary table copy_check (n bigint, s text, a text[], b bytea,"
                    + " f boolean, t timestamptz)");
            CopyRows rows = new CopyRows("copy_check (n, s, a, b, f, t)");
            for (int i = 0; i < awkward.size(); i++) {
                rows.number(i).text(awkward.get(i)).textArray(awkward).bytes(bytes).bool(i % 2 == 0).time(t).endRow();
            }
            rows.number(-1).text(null).textArray(List.of()).bytes(new byte[0]).bool(false).time(t).endRow();

            assertThat(rows.copy(c)).isEqualTo(awkward.size() + 1);

            var rs = c.createStatement().executeQuery("select n, s, a, b, f, t from copy_check order by n");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNull();
            assertThat((String[]) rs.getArray(3).getArray()).isEmpty();
            assertThat(rs.getBytes(4)).isEmpty();
            for (int i = 0; i < awkward.size(); i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(i);
                assertThat(rs.getString(2)).isEqualTo(awkward.get(i));
                assertThat(Arrays.asList((String[]) rs.getArray(3).getArray())).isEqualTo(awkward);
                assertThat(rs.getBytes(4)).isEqualTo(bytes);
                assertThat(rs.getBoolean(5)).isEqualTo(i % 2 == 0);
                assertThat(rs.getTimestamp(6).toInstant()).isEqualTo(t);
            }
        }
    }
}
