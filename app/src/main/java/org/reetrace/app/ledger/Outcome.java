package org.reetrace.app.ledger;

import java.util.List;
import java.util.Optional;

import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.rules.Finding;

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

    /**
     * Refused, and nothing was stored: by the ledger's books, or ({@code rule} present) by a BLOCK rule of a pack in
     * force, whose id, citation, pack and version the refusal names.
     */
    record Refused(String eventId, Verdict.Rejected reason, Finding rule) implements Outcome {
        public Refused(String eventId, Verdict.Rejected reason) {
            this(eventId, reason, null);
        }

        public Optional<Finding> blockingRule() {
            return Optional.ofNullable(rule);
        }
    }

    /** The id was used before for an event with other content. */
    record Conflict(String eventId, long sequence) implements Outcome {
    }

    /** Not looked at, because an earlier event of an all-or-nothing batch failed. */
    record Skipped(String eventId) implements Outcome {
    }
}
