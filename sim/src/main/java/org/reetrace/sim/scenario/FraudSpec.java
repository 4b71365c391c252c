package org.reetrace.sim.scenario;

import java.time.YearMonth;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/**
 * One fraud to inject, from month {@code start}. {@code target} is the facility (plant, mine or port) it happens
 * at; {@code amount} its size in the type's unit: a share of throughput (diversion, theft), laundered lots per
 * month, lots per month mined in the zone, sham lots per month, the undeclared share of an export's mass, the
 * output factor of a quota overrun, or tonnes per month of undeclared exports. {@code country} is the partner
 * for export frauds, {@code reference} the forest zone or the illegal ore's signature.
 */
public record FraudSpec(FraudType type, String target, YearMonth start, double amount, CountryCode country,
                        String reference, int line) {

    public FraudSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
    }
}
