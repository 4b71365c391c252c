package org.reetrace.app.ledger;

import java.util.List;

import org.reetrace.core.ledger.Verdict;

/** What happened to one submitted event. */
public sealed interface Outcome {

    String eventId();

    /**
     * Booked in the ledger at {@code sequence}; {@code replay} when an identical event with this id was booked
     * before and this answer repeats the first one.
     */
    record Booked(String eventId, long sequence, String hash, List<String> lots, boolean replay) implements Outcome {
        public Booked {
            lots = List.copyOf(lots);
        }
    }

    /** Refused by the ledger; nothing was stored. */
    record Refused(String eventId, Verdict.Rejected reason) implements Outcome {
    }

    /** The id was used before for an event with other content. */
    record Conflict(String eventId, long sequence) implements Outcome {
    }

    /** Not looked at, because an earlier event of an all-or-nothing batch failed. */
    record Skipped(String eventId) implements Outcome {
    }
}
