package org.reetrace.app.epcis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/**
 * The maker of a named query subscribes a webhook to it: from {@code initialRecordTime} (or from now) each event
 * of the query that the maker may see goes to {@code dest}, in order and at least once, as it is found
 * ({@code stream}) or on a schedule.
 */
@UseCase
class SubscribeToQuery {
    private final ReadNamedQueries queries;
    private final QueryEvents events;
    private final NamedQueryStore store;
    private final SubscriptionSettings settings;
    private final Clock clock;

    SubscribeToQuery(ReadNamedQueries queries, QueryEvents events, NamedQueryStore store,
                     SubscriptionSettings settings, Clock clock) {
        this.queries = queries;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A subscription as the binding's request body gives it. */
    record NewSubscription(String dest, String signatureToken, Boolean reportIfEmpty, Boolean stream,
                           Schedule schedule, String initialRecordTime) {
    }

    SubscriptionView subscribe(Caller caller, String queryName, NewSubscription asked) {
        NamedQuery q = queries.owned(caller, queryName);
        events.parse(q.parameters());
        URI dest = destination(asked.dest());
        RunNamedQuery.requireStreamOrSchedule(asked.stream(), asked.schedule());
        Optional<Instant> initial = Optional.ofNullable(asked.initialRecordTime()).map(RunNamedQuery::time);
        Instant now = clock.instant();
        Optional<Schedule> schedule = Optional.ofNullable(asked.schedule());
        Instant due = schedule.map(s -> s.next(now)).orElse(now);
        Subscription s = new Subscription(UUID.randomUUID(), queryName, dest, asked.signatureToken(), schedule,
                Boolean.TRUE.equals(asked.reportIfEmpty()), initial.orElse(null), now, store.lastSeq(initial), null,
                0, null, due);
        store.insert(s);
        return SubscriptionView.of(s);
    }

    private URI destination(String dest) {
        URI uri;
        try {
            uri = new URI(dest == null ? "" : dest);
        } catch (URISyntaxException e) {
            throw EpcisProblems.subscriptionControls("dest: an https (or http) URL, not " + dest);
        }
        Destinations.refusal(uri, settings).ifPresent(why -> {
            throw EpcisProblems.subscriptionControls("dest: " + why);
        });
        return uri;
    }
}
