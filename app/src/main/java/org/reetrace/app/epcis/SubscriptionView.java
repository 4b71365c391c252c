package org.reetrace.app.epcis;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook subscription as its owner sees it (never its signature token), with how delivery goes: {@code state}
 * is {@code active}, or {@code failing} while its destination does not take its events (kept until it does),
 * with the last error and the next attempt.
 *
 * @param stream        true for a stream; absent for a scheduled subscription
 * @param nextAttemptAt the next scheduled run or retry; absent for a stream that is active
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(String subscriptionID, String queryName, String dest, Boolean stream, Schedule schedule,
                        boolean reportIfEmpty, Instant initialRecordTime, Instant createdAt, Instant lastNotifiedAt,
                        String state, int failures, String lastError, Instant nextAttemptAt) {

    static SubscriptionView of(Subscription s) {
        boolean failing = s.failures() > 0;
        return new SubscriptionView(s.id().toString(), s.queryName(), s.dest().toString(),
                s.stream() ? Boolean.TRUE : null, s.schedule().orElse(null), s.reportIfEmpty(), s.initialRecordTime(),
                s.createdAt(), s.lastNotifiedAt(), failing ? "failing" : "active", s.failures(), s.lastError(),
                failing || !s.stream() ? s.nextAttemptAt() : null);
    }
}
