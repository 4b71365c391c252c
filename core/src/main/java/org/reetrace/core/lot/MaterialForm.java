package org.reetrace.core.lot;

/** The forms rare-earth material takes, in the order of processing. */
public enum MaterialForm {
    /** Run-of-mine ore, including in-situ leach liquor. */
    ORE,
    /** Mineral concentrate: monazite, xenotime, bastnaesite. */
    CONCENTRATE,
    /** Mixed rare-earth carbonate, hydroxide or chloride. */
    MIXED_RE_COMPOUND,
    /** An individual or group oxide or salt, e.g. NdPr oxide, Dy oxide. */
    SEPARATED_COMPOUND,
    METAL_OR_ALLOY,
    MAGNET,
    /** Goods containing magnets. */
    PRODUCT,
    /** Material collected for recycling. */
    SCRAP,
    /** Process residue and tailings, often radioactive. */
    RESIDUE
}
