package org.reetrace.app.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The round trips the regulator confirmed, recorded beside the ledger: which imported lot is which exported lot
 * coming back, on which alert, by whom and when. Pedigree reads apply them; the ledger's events stay as booked.
 */
@Repository
public class RoundTripStore {

    /** A confirmed round trip. */
    public record RoundTrip(String importedLot, String exportedLot, long alertId, String confirmedBy,
                            Instant confirmedAt, String comment) {
    }

    private final JdbcClient jdbc;

    public RoundTripStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a confirmation; false when the imported lot already has one. */
    public boolean record(RoundTrip r) {
        try {
            jdbc.sql("""
                    insert into round_trip (imported_lot, exported_lot, alert_id, confirmed_by, confirmed_at, comment)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(r.importedLot(), r.exportedLot(), r.alertId(), r.confirmedBy(),
                            Timestamp.from(r.confirmedAt()), r.comment())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The confirmed round trip that brought {@code importedLot} back, if any. */
    public Optional<RoundTrip> of(String importedLot) {
        return jdbc.sql("""
                select imported_lot, exported_lot, alert_id, confirmed_by, confirmed_at, comment
                from round_trip where imported_lot = ?""")
                .param(importedLot)
                .query((rs, i) -> new RoundTrip(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .optional();
    }
}
