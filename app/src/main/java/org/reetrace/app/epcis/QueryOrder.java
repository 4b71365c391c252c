package org.reetrace.app.epcis;

import java.util.Comparator;
import java.util.Optional;

import org.reetrace.epcis.document.EpcisEvent;

/**
 * The order a query asks for (orderBy, orderDirection): by a time column, which the database sorts and pages by
 * key, or by a top-level extension field, which only the stored events hold and which is sorted here.
 *
 * @param column    event_time or record_time; null when the order is an extension field's
 * @param field     the extension field; empty when the order is a column's
 * @param ascending ASC; DESC (the standard's default) otherwise
 */
record QueryOrder(String column, Optional<EventFilters.FieldName> field, boolean ascending) {

    static QueryOrder of(String orderBy, String direction) {
        boolean ascending = switch (direction) {
            case "ASC" -> true;
            case "DESC" -> false;
            default -> throw EpcisProblems.queryParameter("orderDirection", "must be ASC or DESC, not " + direction);
        };
        return switch (orderBy) {
            case "eventTime" -> new QueryOrder("event_time", Optional.empty(), ascending);
            case "recordTime" -> new QueryOrder("record_time", Optional.empty(), ascending);
            default -> new QueryOrder(null, Optional.of(EventFilters.orderField(orderBy).orElseThrow(
                    () -> EpcisProblems.queryParameter("orderBy", "must be eventTime, recordTime or an extension "
                            + "field such as https://ns.example.com/epcis#myField, not " + orderBy))), ascending);
        };
    }

    /**
     * Events by the extension field: numbers, then times, then texts, each in their order (texts by code point);
     * events without the field last, whatever the direction, in capture order.
     */
    Comparator<EpcisEvent> byField() {
        EventFilters.FieldName f = field.orElseThrow();
        Comparator<Comparable<?>> values = (a, b) -> {
            int kind = Integer.compare(rank(a), rank(b));
            if (kind != 0) {
                return kind;
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            int c = ((Comparable) a).compareTo(b);
            return ascending ? c : -c;
        };
        return Comparator.comparing(e -> EventFilters.valueOf(e, f), Comparator.nullsLast(values));
    }

    private static int rank(Comparable<?> value) {
        return switch (value) {
            case java.math.BigDecimal n -> 0;
            case java.time.Instant t -> 1;
            default -> 2;
        };
    }
}
