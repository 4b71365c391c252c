package org.reetrace.app.overview;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * When each person last opened the morning page, per sign-in token: kept in memory, so a restart of the server
 * forgets it (the page then shows the last week as new). A token is one person's, so its id is who they are.
 */
@Component
class LastVisits {

    private final Map<String, Instant> visits = new ConcurrentHashMap<>();

    /** The visit before this one, if any; this one ({@code now}) is remembered for the next. */
    Optional<Instant> visit(String token, Instant now) {
        return Optional.ofNullable(visits.put(token, now));
    }
}
