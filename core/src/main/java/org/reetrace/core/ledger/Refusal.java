package org.reetrace.core.ledger;

/**
 * Why an event is refused: a stable code for programs (in problem details and capture errors), and the
 * invariant of the books the refusal protects (as numbered in docs/design.md; 0 for a refusal that protects
 * none, such as a rule of law).
 */
public enum Refusal {
    FACILITY_UNKNOWN("facility.unknown", 2),
    FACILITY_NOT_A_MINE("facility.not-a-mine", 2),
    FACILITY_NOT_DISPOSAL("facility.not-disposal", 2),
    FORM_NOT_EXTRACTABLE("form.not-extractable", 2),
    FORM_NOT_RESIDUE("form.not-residue", 2),
    COMPOSITION_EXCEEDS_MASS("composition.exceeds-mass", 2),
    MASS_NOT_POSITIVE("mass.not-positive", 2),
    MASS_GAIN_BEYOND_TOLERANCE("mass.gain-beyond-tolerance", 4),
    LOT_UNKNOWN("lot.unknown", 2),
    LOT_EXISTS("lot.exists", 2),
    LOT_CLOSED("lot.closed", 2),
    LOT_NOT_HELD("lot.not-held", 3),
    LOT_NOT_ADDRESSED("lot.not-addressed", 3),
    LOT_NOT_IN_TRANSIT("lot.not-in-transit", 2),
    LOT_EXCEEDS_REMAINING("lot.exceeds-remaining", 2),
    LOT_NO_PROVENANCE("lot.no-provenance", 5),
    SHIP_TO_ITSELF("ship.to-itself", 2),
    PROCESS_NOT_LICENSED("process.not-licensed", 2),
    TRANSFORM_NO_INPUTS("transform.no-inputs", 2),
    TRANSFORM_NO_OUTPUTS("transform.no-outputs", 2),
    TRANSFORM_DUPLICATE_LOT("transform.duplicate-lot", 2),
    TRANSFORM_CREATES_ELEMENT("transform.creates-element", 4),
    TRANSFORM_NO_PROVENANCE("transform.no-provenance", 5),
    REVERSE_UNKNOWN_EVENT("reverse.unknown-event", 2),
    REVERSE_OF_REVERSAL("reverse.of-reversal", 2),
    REVERSE_NOT_HOLDER("reverse.not-holder", 3),
    REVERSE_ALREADY_REVERSED("reverse.already-reversed", 2),
    REVERSE_LOT_CHANGED_SINCE("reverse.lot-changed-since", 2),
    /** A blocking rule of a rule pack in force; the rule, its pack and citation come with the refusal. */
    RULE_BLOCKED("rule.blocked", 0);

    private final String code;
    private final int invariant;

    Refusal(String code, int invariant) {
        this.code = code;
        this.invariant = invariant;
    }

    /** The stable code, e.g. {@code lot.exceeds-remaining}. */
    public String code() {
        return code;
    }

    /** The invariant of the books this refusal keeps, 0 for none. */
    public int invariant() {
        return invariant;
    }
}
