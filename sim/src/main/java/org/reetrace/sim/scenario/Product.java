package org.reetrace.sim.scenario;

import org.reetrace.core.lot.MaterialForm;

/**
 * What a simulated lot is, commercially: its form, HS code, the share of its mass that is the booked elements
 * (oxides and carbonates weigh more than their metals), and a unit price in USD per kg of lot for partner
 * statistics. Prices from reference prices_rare_earth_products.csv, rounded: NdPr oxide 55 (Fastmarkets 2024),
 * NdPr metal 65, rare-earth carbonate 6.5 (SMM 45,000 CNY/t, 2025), magnets N35 20 (vendor, low confidence);
 * La-Ce oxide 1.5 and the heavy (SEG/HRE) group oxide 30 are assumptions.
 */
public enum Product {
    ORE(MaterialForm.ORE, "2530.90", 0, 0),
    MONAZITE(MaterialForm.CONCENTRATE, "2612.20", 0.47, 1.0),
    XENOTIME(MaterialForm.CONCENTRATE, "2612.20", 0.50, 3.0),
    MREC(MaterialForm.MIXED_RE_COMPOUND, "2846.90", 0.45, 6.5),
    CHLORIDE(MaterialForm.MIXED_RE_COMPOUND, "2846.90", 0.42, 6.5),
    NDPR_OXIDE(MaterialForm.SEPARATED_COMPOUND, "2846.90", 0.85, 55),
    LACE_OXIDE(MaterialForm.SEPARATED_COMPOUND, "2846.90", 0.85, 1.5),
    HRE_OXIDE(MaterialForm.SEPARATED_COMPOUND, "2846.90", 0.85, 30),
    NDPR_METAL(MaterialForm.METAL_OR_ALLOY, "2805.30", 0.95, 65),
    MAGNET(MaterialForm.MAGNET, "8505.11", 0.31, 20),
    RESIDUE(MaterialForm.RESIDUE, "2620.99", 0, 0),
    /** Fraud: mixed carbonate booked through a sham separation as oxide; priced as the carbonate it is. */
    SHAM_OXIDE(MaterialForm.SEPARATED_COMPOUND, "2846.90", 0.85, 6.5);

    private final MaterialForm form;
    private final String hsCode;
    private final double elementShare;
    private final double usdPerKg;

    Product(MaterialForm form, String hsCode, double elementShare, double usdPerKg) {
        this.form = form;
        this.hsCode = hsCode;
        this.elementShare = elementShare;
        this.usdPerKg = usdPerKg;
    }

    public MaterialForm form() {
        return form;
    }

    public String hsCode() {
        return hsCode;
    }

    /** Booked element mass per unit lot mass; 0 where the lot mass is given otherwise (ore, residue). */
    public double elementShare() {
        return elementShare;
    }

    public double usdPerKg() {
        return usdPerKg;
    }
}
