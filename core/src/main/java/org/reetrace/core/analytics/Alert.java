package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reetrace.core.event.EventId;

/**
 * A finding of the analytics with its evidence: the figures that make it (named, in the order they explain it)
 * and the events behind them. {@code subject} is what the alert is about: a facility id, a lot id or a partner
 * country with HS code; {@code period} the month in which it was raised.
 */
public record Alert(AlertKind kind, String subject, YearMonth period, String message, Map<String, String> figures,
                    List<EventId> events) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(message, "message");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        events = List.copyOf(events);
    }
}
