package org.reetrace.core.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/**
 * One row of a partner country's import statistics (as UN Comtrade or the partner's customs publish them):
 * {@code reporter} imported {@code netMassKg} kg worth {@code valueUsd} (CIF) of goods under {@code hs6} from
 * {@code partner} in {@code month}.
 */
public record PartnerImport(CountryCode reporter, CountryCode partner, String hs6, YearMonth month, long netMassKg,
                            BigDecimal valueUsd) {

    public PartnerImport {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(month, "month");
        hs6 = Hs.six(hs6);
        if (netMassKg < 0) {
            throw new IllegalArgumentException("net mass must not be negative: " + netMassKg + " kg");
        }
        if (valueUsd == null || valueUsd.signum() < 0) {
            throw new IllegalArgumentException("trade value must be a non-negative amount: " + valueUsd);
        }
    }
}
