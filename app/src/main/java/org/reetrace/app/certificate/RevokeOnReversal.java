package org.reetrace.app.certificate;

import java.time.Clock;
import java.util.List;

import org.reetrace.app.ledger.CommittedEntries;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A reversal takes back an event booked in error: every certificate issued before it whose lot the reversal changed,
 * or whose lot is downstream of one it changed, may no longer state the truth, and is revoked (its status list bit
 * set, the reason kept).
 */
@Component
class RevokeOnReversal implements CommittedEntries {

    private static final Logger log = LoggerFactory.getLogger(RevokeOnReversal.class);

    private final CertificateStore store;
    private final Clock clock;

    RevokeOnReversal(CertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** At start: a reversal committed just before a stop, whose listener did not run, revokes what it must. */
    @EventListener(ApplicationReadyEvent.class)
    public void catchUp() {
        for (CertificateStore.StoredReversal r : store.reversalsAfterUnrevoked()) {
            List<String> revoked = store.revokeFor(r.seq(), r.lots(), r.reason(), clock.instant());
            if (!revoked.isEmpty()) {
                log.info("Revoked certificates {} for a reversal stored before this start: {}", revoked, r.reason());
            }
        }
    }

    @Override
    public void committed(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.event() instanceof Reverse reverse) {
                List<String> lots = entry.lots().stream().map(Lot::id).map(id -> id.value()).toList();
                String reason = "event " + reverse.original().value() + " was reversed by " + reverse.id().value()
                        + ": " + reverse.reason();
                List<String> revoked = store.revokeFor(entry.sequence(), lots, reason, clock.instant());
                if (!revoked.isEmpty()) {
                    log.info("Revoked certificates {}: {}", revoked, reason);
                }
            }
        }
    }
}
