package org.reetrace.sim;

import org.reetrace.core.event.LedgerEvent;

/** Where the simulator's events go, one at a time and in order: a ledger, a file, both. */
@FunctionalInterface
public interface EventSink {

    void accept(LedgerEvent event);

    /** Both sinks, this one first. */
    default EventSink andThen(EventSink next) {
        return e -> {
            accept(e);
            next.accept(e);
        };
    }

    EventSink NONE = e -> {
    };
}
