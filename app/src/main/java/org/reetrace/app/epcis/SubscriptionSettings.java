package org.reetrace.app.epcis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How subscriptions are served.
 *
 * @param pollInterval how often new events and due subscriptions are looked for
 * @param batch        most events in one delivery (a webhook request, a scheduled WebSocket message)
 * @param firstRetry   the wait after a failed delivery; it doubles with each failure that follows ...
 * @param longestRetry ... up to this
 * @param timeout      how long a destination may take to answer a delivery before it counts as failed
 * @param gapWait      how long a gap in the events' seqs is waited on before it is taken for a capture that never
 *                     committed: events after a gap are held back meanwhile, so that one committing late is not
 *                     passed over
 * @param privateDestinations whether a webhook may be on this machine or a private network (loopback, site- or
 *                     link-local addresses): off, so that a subscriber cannot make the server call what only it
 *                     can reach
 */
@ConfigurationProperties("reetrace.epcis.subscriptions")
public record SubscriptionSettings(@DefaultValue("PT0.2S") Duration pollInterval,
                                   @DefaultValue("100") int batch,
                                   @DefaultValue("PT1S") Duration firstRetry,
                                   @DefaultValue("PT10M") Duration longestRetry,
                                   @DefaultValue("PT10S") Duration timeout,
                                   @DefaultValue("PT2S") Duration gapWait,
                                   @DefaultValue("false") boolean privateDestinations) {
    public SubscriptionSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || batch < 1 || firstRetry.isNegative()
                || firstRetry.isZero() || longestRetry.compareTo(firstRetry) < 0 || timeout.isNegative()
                || timeout.isZero() || gapWait.isNegative()) {
            throw new IllegalArgumentException("subscription settings out of range: " + pollInterval + ", " + batch
                    + ", " + firstRetry + ", " + longestRetry + ", " + timeout + ", " + gapWait);
        }
    }
}
