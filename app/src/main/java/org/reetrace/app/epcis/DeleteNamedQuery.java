package org.reetrace.app.epcis;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/** The maker of a named query deletes it; its subscriptions, webhooks and WebSockets alike, end with it. */
@UseCase
class DeleteNamedQuery {
    private final ReadNamedQueries queries;
    private final NamedQueryStore store;
    private final SubscriptionDelivery delivery;

    DeleteNamedQuery(ReadNamedQueries queries, NamedQueryStore store, SubscriptionDelivery delivery) {
        this.queries = queries;
        this.store = store;
        this.delivery = delivery;
    }

    void delete(Caller caller, String name) {
        queries.owned(caller, name);
        store.delete(name);
        delivery.closeSockets(name);
    }
}
