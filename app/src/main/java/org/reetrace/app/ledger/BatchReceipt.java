package org.reetrace.app.ledger;

import java.time.Instant;

import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.ledger.HashChain;

/**
 * The seal on the instant a batch of events was recorded, which the events' own chain cannot cover (an event's link
 * is fixed before the batch is written). Carried by the last event of every batch and chained from batch to batch:
 * SHA-256(previous receipt + "\n" + seq + " " + hash + " " + recorded_at in microseconds since 1970). Migration V14
 * computes the same in SQL for the books of earlier releases.
 */
public final class BatchReceipt {

    /** The receipt before the first batch. */
    public static final String GENESIS = HashChain.GENESIS;

    private BatchReceipt() {
    }

    public static String of(String previous, long seq, String hash, long recordedMicros) {
        return CanonicalForm.sha256Hex(previous + "\n" + seq + " " + hash + " " + recordedMicros);
    }

    /** Microseconds since 1970, rounded as PostgreSQL rounds a timestamptz (and as {@link CopyRows#time} writes it). */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), Math.round(t.getNano() / 1000.0));
    }
}
