package org.reetrace.sim.scenario;

import java.time.YearMonth;
import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/**
 * One fraud to inject, from month {@code start}. {@code target} is the facility (plant, mine or port) it happens
 * at; {@code amount} its size in the type's unit: a share of throughput (diversion, theft), laundered lots per
 * month, lots per month mined in the zone, sham lots per month, the undeclared share of an export's mass, the
 * output factor of a quota overrun, tonnes per month of undeclared exports, a share of throughput (slow
 * diversion), of dysprosium and terbium (element skim) or of each shipped lot (transit skim), lots per month lost in
 * transit, round-tripped or blended with lookalike ore, or the factor a residue's mass is inflated by. {@code
 * country} is the partner for export frauds and round trips, {@code reference} the forest zone or the illegal
 * (or lookalike) ore's signature.
 */
public record FraudSpec(FraudType type, String target, YearMonth start, double amount, CountryCode country,
                        String reference, int line) {

    public FraudSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
    }
}
