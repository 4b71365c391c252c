package org.reetrace.app.operations;

import org.reetrace.app.ledger.LedgerWriter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ledger writer as the readiness probe sees it: down when its thread does not take submissions, out of
 * service while its queue is nearly full (submitters are about to be held back, so traffic is better sent
 * elsewhere), up otherwise. The database has its own indicator. (Its health component is "ledgerWriter".)
 */
@Component
class LedgerWriterHealthIndicator implements HealthIndicator {

    /** The share of the queue at which the writer stops taking more traffic. */
    static final double NEARLY_FULL = 0.9;

    private final LedgerWriter writer;

    LedgerWriterHealthIndicator(LedgerWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        int queued = writer.queued();
        int capacity = writer.queueCapacity();
        Health.Builder health = !writer.taking() ? Health.down()
                : queued >= NEARLY_FULL * capacity ? Health.outOfService() : Health.up();
        return health.withDetail("queued", queued).withDetail("capacity", capacity).build();
    }
}
