package org.reetrace.core.registry;

/** The permits the rules ask about, with the authority that issues each in Malaysia. */
public enum LicenceKind {
    /** State mining lease with its area and annual quota (Mineral Development Act 1994; state land offices, JMG). */
    MINING_LEASE,
    /** Licence to operate a processing plant for a process. */
    PROCESSING,
    /** AELB licence under the Atomic Energy Licensing Act 1984 (Act 304) to handle, store or dispose of radioactive material. */
    RADIOACTIVE_MATERIAL,
    /** Permit to export rare-earth products, quoted on the customs declaration. */
    EXPORT_PERMIT,
    /** A foreign dual-use export licence that travels with the material, e.g. China's MOFCOM licence (Announcement 18 of 2025). */
    DUAL_USE_EXPORT_LICENCE
}
