package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.Objects;

import org.reetrace.core.event.EventId;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.CountryCode;

/** An export as the books have it: the lot's booked mass, to a country, under an HS code, in a month. */
public record DeclaredExport(EventId event, LotId lot, CountryCode country, String hs6, YearMonth month, long massMg) {

    public DeclaredExport {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(month, "month");
        hs6 = Hs.six(hs6);
    }
}
