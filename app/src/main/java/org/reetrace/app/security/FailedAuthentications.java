package org.reetrace.app.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits failed authentications per client with a token bucket each: a client may fail
 * {@link TokenSettings#failedAuthentications()} times at once, and gets them back evenly over
 * {@link TokenSettings#failureWindow()}. Successful requests never take from a bucket and are never slowed. The
 * client is the remote address: behind a proxy, the proxy's unless forwarded headers are trusted
 * ({@code server.forward-headers-strategy}).
 *
 * <p>Only clients that failed have a bucket, and there are at most {@link #MAX_CLIENTS}: past that, buckets that are
 * full again are dropped, and if none is, new clients share one bucket, so that a flood from many addresses costs
 * bounded memory and is still limited.
 */
@Component
public class FailedAuthentications {

    static final int MAX_CLIENTS = 10_000;
    private static final String OVERFLOW = "*";

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TokenSettings settings;
    private final TimeMeter time;

    @Autowired
    public FailedAuthentications(TokenSettings settings) {
        this(settings, TimeMeter.SYSTEM_MILLISECONDS);
    }

    FailedAuthentications(TokenSettings settings, TimeMeter time) {
        this.settings = settings;
        this.time = time;
    }

    /** Counts a failed authentication of {@code client}; empty if it was within its allowance, else the wait. */
    public Optional<Duration> failed(String client) {
        var probe = buckets.computeIfAbsent(key(client), c -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private String key(String client) {
        if (buckets.containsKey(client) || buckets.size() < MAX_CLIENTS) {
            return client;
        }
        buckets.values().removeIf(b -> b.getAvailableTokens() >= settings.failedAuthentications());
        return buckets.size() < MAX_CLIENTS ? client : OVERFLOW;
    }

    private Bucket newBucket() {
        int capacity = settings.failedAuthentications();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.failureWindow()))
                .withCustomTimePrecision(time)
                .build();
    }
}
