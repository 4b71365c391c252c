package org.reetrace.sim.scenario;

/** The frauds the simulator can inject, as the issue lists them. */
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
    UNDECLARED_EXPORT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
