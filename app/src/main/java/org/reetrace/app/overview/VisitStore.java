package org.reetrace.app.overview;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each person last opened the morning page ({@code page_visit}), so that a restart forgets nobody's morning. */
@Repository
class VisitStore {

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visit before this one, if any; this one is kept for the next, in the same statement. */
    Optional<Instant> visit(String person, Instant now) {
        return jdbc.sql("""
                with before as (select visited_at from page_visit where person = :person),
                     this as (insert into page_visit (person, visited_at) values (:person, :now)
                              on conflict (person) do update set visited_at = excluded.visited_at)
                select visited_at from before""")
                .param("person", person).param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
