package org.reetrace.app.portal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lots an operator holds, or held last, by status and a page at a time, the last booked on first. */
@Repository
class OwnLotStore {

    /** One lot as the portal lists it. */
    record Row(String id, String form, BigDecimal massKg, String status, String facility) {
    }

    private final JdbcClient jdbc;

    OwnLotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many lots the operator holds in each status, in the order of {@code statuses}. */
    Map<String, Long> counts(String holder, List<String> statuses) {
        Map<String, Long> counts = new LinkedHashMap<>();
        statuses.forEach(s -> counts.put(s, 0L));
        jdbc.sql("select status, count(*) from lot where holder_id = ? group by status").param(holder)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** A page of the operator's lots in {@code status}, the last booked on first (index lot_holder_status). */
    List<Row> page(String holder, String status, int offset, int limit) {
        return jdbc.sql("""
                        select id, form, mass_mg, status, facility_id from lot
                        where holder_id = ? and status = ?
                        order by updated_seq desc, id limit ? offset ?""")
                .params(holder, status, limit, offset)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2),
                        BigDecimal.valueOf(rs.getLong(3), 6).stripTrailingZeros(), rs.getString(4), rs.getString(5)))
                .list();
    }
}
