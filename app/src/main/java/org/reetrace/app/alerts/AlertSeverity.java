package org.reetrace.app.alerts;

import java.util.Set;

/**
 * How urgently an alert asks for the regulator: HIGH where material may be stolen, laundered, smuggled or left
 * radioactive (unaccounted material, a fingerprint that is not the mine's, a quota overrun, residue not disposed
 * of, an export that is not what it claims, a mirror-trade gap, ore blended with another deposit's, an export
 * imported back as foreign); MEDIUM where the books are implausible but may
 * have an honest reason (capacity, yield) and for the FLAG rules, whose authors chose to let the event through.
 */
public enum AlertSeverity {
    HIGH, MEDIUM;

    private static final Set<String> HIGH_KINDS = Set.of("MATERIAL_UNACCOUNTED_FOR", "FINGERPRINT_MISMATCH",
            "QUOTA_EXCEEDED", "RESIDUE_NOT_DISPOSED", "EXPORT_NOT_AS_DECLARED", "MIRROR_TRADE_GAP",
            "ROUND_TRIP_IMPORT", "BLENDED_ORE");

    public static AlertSeverity of(AlertStore.Alert alert) {
        return alert.source() == AlertStore.Source.ANALYTICS ? ofKind(alert.kind()) : MEDIUM;
    }

    /** The severity of an analytics kind; anything else (a FLAG rule's id) is MEDIUM. */
    public static AlertSeverity ofKind(String kindOrRule) {
        return HIGH_KINDS.contains(kindOrRule) ? HIGH : MEDIUM;
    }
}
