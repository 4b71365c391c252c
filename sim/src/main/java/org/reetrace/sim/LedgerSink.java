package org.reetrace.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.registry.Registry;

/**
 * Feeds the core {@link Ledger} directly and hands each accepted entry on (to the analytics). The simulator only
 * writes events the ledger accepts, frauds included: fraud hides in the numbers, not in malformed events. A
 * refusal is therefore a simulator bug and stops the run with the ledger's reason.
 */
public final class LedgerSink implements EventSink {

    private final Ledger ledger;
    private final List<Consumer<Entry>> listeners = new ArrayList<>();

    public LedgerSink(Registry registry) {
        this.ledger = Ledger.empty(registry, Tolerance.DEFAULT);
    }

    public LedgerSink onEntry(Consumer<Entry> listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public void accept(LedgerEvent event) {
        Verdict v = ledger.apply(event);
        if (v instanceof Verdict.Rejected r) {
            throw new IllegalStateException("the ledger refused simulated event " + event.id() + " (" + event.type()
                    + " at " + event.facility() + "): " + r.code() + " " + r.field() + ": " + r.message());
        }
        Entry entry = ((Verdict.Accepted) v).entry();
        for (Consumer<Entry> l : listeners) {
            l.accept(entry);
        }
    }

    public Ledger ledger() {
        return ledger;
    }
}
