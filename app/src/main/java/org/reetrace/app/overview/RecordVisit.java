package org.reetrace.app.overview;

import java.time.Instant;
import java.util.Optional;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/**
 * A person opening the morning page: what they saw last time decides what is new to them. Kept per person (their
 * sign-in token's id, one person's), in the database, so that a restart of the server forgets nobody's last visit.
 */
@UseCase
public class RecordVisit {

    private final VisitStore visits;

    public RecordVisit(VisitStore visits) {
        this.visits = visits;
    }

    /**
     * The visit before this one, if any; this one ({@code now}) is remembered for the next. Anyone signed in has a
     * morning page (what it shows is each reader's own), so anyone's visit is kept, under the caller's role.
     */
    public Optional<Instant> visit(Caller caller, String person, Instant now) {
        return visits.visit(caller.role() + ":" + person, now);
    }
}
