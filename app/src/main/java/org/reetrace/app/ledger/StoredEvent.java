package org.reetrace.app.ledger;

import java.util.List;

/** What the store remembers of an accepted event, enough to answer a repeated submission the same way. */
public record StoredEvent(String eventId, long sequence, String hash, String contentDigest, List<String> lots) {

    public StoredEvent {
        lots = List.copyOf(lots);
    }
}
