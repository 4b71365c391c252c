package org.reetrace.core.analytics;

/** The analytic checks that raise alerts. */
public enum AlertKind {
    /** Page's CUSUM on a facility's standardised MUF crossed its threshold. */
    MATERIAL_UNACCOUNTED_FOR,
    /** An extracted lot's rare-earth pattern does not match the declared mine's signature. */
    FINGERPRINT_MISMATCH,
    /** A mine extracted more ore in a calendar year than its lease allows. */
    QUOTA_EXCEEDED,
    /** A facility processed more in a month than its registered capacity. */
    CAPACITY_EXCEEDED,
    /** A transformation recovered more, or less, than its process plausibly can. */
    IMPLAUSIBLE_YIELD,
    /** A radioactive residue lot did not reach a disposal facility in time. */
    RESIDUE_NOT_DISPOSED,
    /** An exported lot is not what its form claims (a mixed compound booked as a separated product). */
    EXPORT_NOT_AS_DECLARED,
    /** Partner countries imported more than was declared as exported to them. */
    MIRROR_TRADE_GAP,
    /** A lot shipped between facilities was not received within its route's transit time. */
    SHIPMENT_OVERDUE,
    /** What a receiver weighed differs from what the shipper weighed beyond the two weighings' errors. */
    SHIPPER_RECEIVER_DIFFERENCE,
    /** A transformation booked a total mass out against its mass in that its process cannot weigh. */
    IMPLAUSIBLE_MASS,
    /** An assay declared less than half the activity its own thorium and uranium give. */
    ACTIVITY_UNDERSTATED,
    /** A sequential test on one element's or group's balance (Nd+Pr, Dy, Tb, heavy rare earths, Th, U) crossed its threshold. */
    ELEMENT_UNACCOUNTED_FOR,
    /** A facility's minimum detectable diversion exceeds the goal: its measurements cannot show a diversion that size. */
    INSUFFICIENT_MEASUREMENT,
    /** An import matches an earlier export in composition, mass, timing and counterparty: a round trip. */
    ROUND_TRIP_IMPORT,
    /** An extracted lot's pattern is best explained as a blend of known deposits, not the declared mine's own ore. */
    BLENDED_ORE
}
