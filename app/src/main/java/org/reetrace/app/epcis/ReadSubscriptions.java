package org.reetrace.app.epcis;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/** The maker of a named query reads its webhook subscriptions, a page at a time, or one with how delivery goes. */
@UseCase
class ReadSubscriptions {
    private final ReadNamedQueries queries;
    private final NamedQueryStore store;
    private final EpcisSettings settings;
    private final Clock clock;

    ReadSubscriptions(ReadNamedQueries queries, NamedQueryStore store, EpcisSettings settings, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    Listing<SubscriptionView> list(Caller caller, String queryName, Optional<String> perPage,
                                   Optional<String> nextPageToken) {
        queries.owned(caller, queryName);
        int size = ReadNamedQueries.perPage(perPage, settings);
        Optional<Subscription.Position> after = nextPageToken.map(t -> position(t));
        return ReadNamedQueries.listing(store.subscriptions(queryName, after, size + 1).stream()
                .map(SubscriptionView::of).toList(), size, v -> new Subscription.Position(v.createdAt(),
                UUID.fromString(v.subscriptionID())).key(), settings, clock);
    }

    SubscriptionView read(Caller caller, String queryName, String subscriptionId) {
        return SubscriptionView.of(owned(caller, queryName, subscriptionId));
    }

    /** The subscription if the caller made its query; 404 if the query has no such subscription. */
    Subscription owned(Caller caller, String queryName, String subscriptionId) {
        queries.owned(caller, queryName);
        return store.subscription(queryName, id(subscriptionId)).orElseThrow(() -> EpcisProblems.noSuchResource(
                "no subscription " + subscriptionId + " to " + queryName));
    }

    private Subscription.Position position(String token) {
        String key = ListToken.after(token, clock.instant());
        try {
            return Subscription.Position.of(key);
        } catch (RuntimeException e) {
            throw EpcisProblems.queryParameter("nextPageToken", "not a token of this list: " + token);
        }
    }

    private static UUID id(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw EpcisProblems.noSuchResource("no subscription " + s);
        }
    }
}
