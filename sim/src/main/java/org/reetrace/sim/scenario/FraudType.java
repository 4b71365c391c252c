package org.reetrace.sim.scenario;

import java.util.List;

import org.reetrace.core.analytics.AlertKind;

/** The frauds the simulator can inject, each with the alert kinds meant to detect it. */
public enum FraudType {
    /** A plant takes a small share of its separation throughput off the books each month. */
    PROTRACTED_DIVERSION,
    /** A plant loses a large share of one month's throughput at once. */
    ABRUPT_THEFT,
    /** Ore from an illegal site booked as extracted by a licensed mine. */
    LAUNDERED_ORE,
    /** A licensed mine extracts inside a forest reserve. */
    FOREST_RESERVE_MINING,
    /** Mixed carbonate booked through a sham separation as oxide and exported. */
    MISDECLARED_EXPORT,
    /** Exports to a partner weigh more than declared. */
    UNDER_DECLARED_EXPORT,
    /** Radioactive residue shipped towards the disposal facility that never arrives. */
    RESIDUE_NOT_DISPOSED,
    /** Chinese separation technology at a facility of an operator that is not state-linked. */
    CHINESE_TECHNOLOGY_UNLINKED,
    /** A mine extracts more ore than its annual quota. */
    QUOTA_OVERRUN,
    /** Material leaves with no export declared at all; only the partner's import statistics show it. */
    UNDECLARED_EXPORT,
    /**
     * A mine or concentrator takes a small share of its throughput (amount: share a month, e.g. 0.005) before its
     * products are measured, where ore and concentrate assays carry a few per cent of grade error.
     */
    SLOW_DIVERSION,
    /** A separation plant takes a share of its dysprosium and terbium (amount) and declares it as process loss. */
    ELEMENT_SKIM,
    /** Lots a facility ships (amount: lots a month) that never reach their destination. */
    LOST_IN_TRANSIT,
    /** A share (amount) of every lot a facility ships is taken between shipper and receiver. */
    TRANSIT_SKIM,
    /**
     * Separated product (amount: lots a month) exported from a port to a neighbouring country and imported back
     * through it a month later as that country's product.
     */
    ROUND_TRIP,
    /**
     * A separation plant books a residue lot a month at {@code amount} times its mass, the same thorium and uranium
     * in it, so that it reads below 1 Bq/g, and keeps it off the disposal route.
     */
    RESIDUE_DILUTION,
    /**
     * Ore from an unlicensed deposit whose pattern resembles the mine's own ({@code reference}) blended into the
     * mine's output (amount: lots a month).
     */
    LOOKALIKE_BLEND;

    /** The alert kinds whose alerts about the fraud's subject count as detecting it. */
    public List<AlertKind> alertKinds() {
        return switch (this) {
            case PROTRACTED_DIVERSION, ABRUPT_THEFT -> List.of(AlertKind.MATERIAL_UNACCOUNTED_FOR);
            case LAUNDERED_ORE -> List.of(AlertKind.FINGERPRINT_MISMATCH);
            case FOREST_RESERVE_MINING, CHINESE_TECHNOLOGY_UNLINKED -> List.of();
            case MISDECLARED_EXPORT -> List.of(AlertKind.EXPORT_NOT_AS_DECLARED);
            case UNDER_DECLARED_EXPORT, UNDECLARED_EXPORT -> List.of(AlertKind.MIRROR_TRADE_GAP);
            case RESIDUE_NOT_DISPOSED -> List.of(AlertKind.RESIDUE_NOT_DISPOSED);
            case QUOTA_OVERRUN -> List.of(AlertKind.QUOTA_EXCEEDED);
            case SLOW_DIVERSION -> List.of(AlertKind.MATERIAL_UNACCOUNTED_FOR, AlertKind.ELEMENT_UNACCOUNTED_FOR);
            case ELEMENT_SKIM -> List.of(AlertKind.ELEMENT_UNACCOUNTED_FOR);
            case LOST_IN_TRANSIT -> List.of(AlertKind.SHIPMENT_OVERDUE);
            case TRANSIT_SKIM -> List.of(AlertKind.SHIPPER_RECEIVER_DIFFERENCE);
            case ROUND_TRIP -> List.of(AlertKind.ROUND_TRIP_IMPORT);
            case RESIDUE_DILUTION -> List.of(AlertKind.IMPLAUSIBLE_MASS, AlertKind.ACTIVITY_UNDERSTATED,
                    AlertKind.RESIDUE_NOT_DISPOSED);
            case LOOKALIKE_BLEND -> List.of(AlertKind.BLENDED_ORE, AlertKind.FINGERPRINT_MISMATCH);
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
