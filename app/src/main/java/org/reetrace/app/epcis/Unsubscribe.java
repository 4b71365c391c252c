package org.reetrace.app.epcis;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/** The maker of a named query ends one of its webhook subscriptions. */
@UseCase
class Unsubscribe {
    private final ReadSubscriptions subscriptions;
    private final NamedQueryStore store;

    Unsubscribe(ReadSubscriptions subscriptions, NamedQueryStore store) {
        this.subscriptions = subscriptions;
        this.store = store;
    }

    void unsubscribe(Caller caller, String queryName, String subscriptionId) {
        Subscription s = subscriptions.owned(caller, queryName, subscriptionId);
        store.delete(queryName, s.id());
    }
}
