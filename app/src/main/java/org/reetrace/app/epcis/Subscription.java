package org.reetrace.app.epcis;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook subscription to a named query: the events of the query after {@code cursor} (the seq of the last event
 * its destination took) go to {@code dest}, as they are found ({@code schedule} empty: a stream) or on the schedule.
 *
 * @param failures      deliveries that failed in a row since the last that did not; the subscription is failing
 *                      while it is above zero, and keeps its events until its destination takes them
 * @param nextAttemptAt when it is next due: the next retry, the next scheduled run, or (a stream) any time
 */
record Subscription(UUID id, String queryName, URI dest, String signatureToken, Optional<Schedule> schedule,
                    boolean reportIfEmpty, Instant initialRecordTime, Instant createdAt, long cursor,
                    Instant lastNotifiedAt, int failures, String lastError, Instant nextAttemptAt) {

    /** Where a subscription is in the list of its query's: the lists are in the order subscriptions were made. */
    record Position(Instant createdAt, UUID id) {

        static Position of(String key) {
            int bar = key.indexOf('|');
            return new Position(Instant.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
        }

        String key() {
            return createdAt + "|" + id;
        }
    }

    boolean stream() {
        return schedule.isEmpty();
    }

    /** The wait before retry {@code failures}: doubling from {@code first}, never more than {@code most}. */
    static Duration backOff(int failures, Duration first, Duration most) {
        Duration d = first.multipliedBy(1L << Math.min(failures - 1, 30));
        return d.compareTo(most) > 0 || d.isNegative() ? most : d;
    }
}
