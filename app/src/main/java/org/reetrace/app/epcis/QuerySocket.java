package org.reetrace.app.epcis;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/** A WebSocket on a named query's events: open, it is watched by {@link SubscriptionDelivery}; closed, no more. */
final class QuerySocket extends Endpoint {
    private final SubscriptionDelivery delivery;
    private final RunNamedQuery.Watch watch;

    QuerySocket(SubscriptionDelivery delivery, RunNamedQuery.Watch watch) {
        this.delivery = delivery;
        this.watch = watch;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        delivery.watch(session, watch);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        delivery.unwatch(session);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        delivery.unwatch(session);
    }
}
