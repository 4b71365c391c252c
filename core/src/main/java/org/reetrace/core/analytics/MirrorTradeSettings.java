package org.reetrace.core.analytics;

import java.math.BigDecimal;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/**
 * How the mirror-trade comparison reads the figures: the reporting country (whose exports are checked), the
 * royalty rate on the value that escaped (Perak charges 12 % of the selling price on rare earths, Kedah 15 %:
 * reference key_figures.csv), and the tolerance before a gap is an alert: a share of what was declared
 * (partners value CIF and weigh again) plus a floor in kg. {@code lagMonths}: partners book a shipment when it
 * arrives, typically the month after it left; their month m is compared with declared month m - lag.
 */
public record MirrorTradeSettings(CountryCode reporting, BigDecimal royaltyRate, double relativeTolerance,
                                  long toleranceFloorKg, int lagMonths) {

    public MirrorTradeSettings {
        Objects.requireNonNull(reporting, "reporting country");
        if (royaltyRate == null || royaltyRate.signum() < 0 || royaltyRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("royalty rate lies in [0, 1]: " + royaltyRate);
        }
        if (lagMonths < 0 || lagMonths > 12) {
            throw new IllegalArgumentException("shipping lag must be 0 to 12 months: " + lagMonths);
        }
        if (!(relativeTolerance >= 0) || toleranceFloorKg < 0) {
            throw new IllegalArgumentException("tolerances must not be negative: " + relativeTolerance + ", "
                    + toleranceFloorKg + " kg");
        }
    }
}
