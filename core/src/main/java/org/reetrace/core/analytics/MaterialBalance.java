package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.reetrace.core.event.EventId;
import org.reetrace.core.registry.FacilityId;

/**
 * One facility's material balance for one month on one basis, in mg: the nuclear-safeguards balance (IAEA
 * Safeguards Glossary 2022, "material unaccounted for"): MUF = beginning inventory + receipts - shipments - ending
 * inventory. Shipments include exports and disposals. In these books MUF is what the transformations of the month
 * declared as lost, left unexplained, and what stock-takes and assays adjusted: the part of the material that no
 * measured lot accounts for.
 *
 * <p>{@code expectedLossMg} is the unmeasured loss the facility's processes are expected to have on the month's
 * throughput ({@link LossModel}); {@code sigmaMufMg} the standard deviation of MUF from the measurement model
 * (random and systematic errors of every measured lot that enters the balance, and the month-to-month spread of the
 * loss rate), never below the model's floor. The standardised MUF, {@code (MUF - expected loss) / sigma-MUF}, is N(0, 1) for an honest facility
 * whose measurements follow the model; a diversion shifts it upwards.
 *
 * @param events the transformations, adjustments and assays of the month: the events whose figures make the MUF
 */
public record MaterialBalance(FacilityId facility, YearMonth month, Basis basis, long beginningMg, long receiptsMg,
                              long shipmentsMg, long endingMg, long throughputMg, long declaredLossMg,
                              long unexplainedMg, long adjustedMg, double expectedLossMg, double sigmaMufMg,
                              List<EventId> events) {

    public MaterialBalance {
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(basis, "basis");
        if (!(sigmaMufMg > 0) || Double.isInfinite(sigmaMufMg)) {
            throw new IllegalArgumentException("sigma-MUF must be a positive, finite number: " + sigmaMufMg);
        }
        events = List.copyOf(events);
    }

    /** Material unaccounted for: BI + R - S - EI. */
    public long mufMg() {
        return beginningMg + receiptsMg - shipmentsMg - endingMg;
    }

    /** (MUF - expected loss) / sigma-MUF: finite, since sigma-MUF is positive (the measurement model's floor). */
    public double standardisedMuf() {
        return (mufMg() - expectedLossMg) / sigmaMufMg;
    }
}
