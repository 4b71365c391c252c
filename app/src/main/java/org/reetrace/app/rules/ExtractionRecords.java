package org.reetrace.app.rules;

import java.time.ZoneId;
import java.util.Optional;

import org.reetrace.core.event.EventId;
import org.reetrace.core.registry.FacilityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the mines extracted, read from the booked EXTRACT events, for the quota rules' tally. */
@Repository
class ExtractionRecords {

    private final JdbcClient jdbc;

    ExtractionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each mine's extraction per quota year (in {@code zone}), reversed extractions left out. */
    void eachYear(ZoneId zone, YearTotal total) {
        jdbc.sql("""
                select facility_id, extract(year from event_time at time zone ?)::int,
                    sum((payload->>'massKg')::numeric * 1000000)::bigint
                from ledger_event where type = 'EXTRACT'
                    and event_id not in (select payload ->> 'original' from ledger_event where type = 'REVERSE')
                group by 1, 2""")
                .param(zone.getId())
                .query(rs -> {
                    total.add(FacilityId.of(rs.getString(1)), rs.getInt(2), rs.getLong(3));
                });
    }

    /** A committed extraction's count against its mine's quota, by event id; empty if the event is no extraction. */
    Optional<ExtractionTally.Count> extraction(EventId id, ZoneId zone) {
        return jdbc.sql("""
                        select facility_id, extract(year from event_time at time zone ?)::int,
                            ((payload->>'massKg')::numeric * 1000000)::bigint
                        from ledger_event where event_id = ? and type = 'EXTRACT'""")
                .params(zone.getId(), id.value())
                .query((rs, n) -> new ExtractionTally.Count(FacilityId.of(rs.getString(1)), rs.getInt(2), rs.getLong(3)))
                .optional();
    }

    @FunctionalInterface
    interface YearTotal {
        void add(FacilityId mine, int year, long milligrams);
    }
}
