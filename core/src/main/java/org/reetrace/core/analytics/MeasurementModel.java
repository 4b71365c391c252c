package org.reetrace.core.analytics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.reetrace.core.lot.MaterialForm;

/**
 * How precisely each material form is weighed and assayed where it is made: the stated measurement model that
 * sigma-MUF is computed from. The same model drives the simulator's errors, so the evaluation measures detection
 * power under the model the analytics assumes; a real deployment takes the figures from the operators'
 * measurement control programmes (IAEA Safeguards Glossary: international target values play that role for
 * nuclear material).
 */
public record MeasurementModel(Map<MaterialForm, Uncertainty> byForm, SigmaFloor floor) {

    /**
     * The least sigma-MUF a balance can have, whatever the modelled errors add up to: each measurement point of the
     * balance (beginning and ending inventory, receipts, shipments, throughput) is known no better than
     * {@code relative} of its mass, and no balance better than {@code absoluteMg}. Errors the model leaves out
     * (re-assays, stock-take adjustments, forms stated as exact) would otherwise make sigma-MUF zero and any MUF
     * infinitely significant. The floors add in quadrature: {@code sqrt(absolute^2 + sum (relative x point)^2)}.
     */
    public record SigmaFloor(double relative, double absoluteMg) {

        /** 0.1 % per measurement point (the best calibrated bulk weighing the model states) and 1 kg a balance. */
        public static final SigmaFloor DEFAULT = new SigmaFloor(0.001, 1e6);

        public SigmaFloor {
            if (!(relative >= 0 && relative < 1) || !(absoluteMg > 0) || Double.isInfinite(absoluteMg)) {
                throw new IllegalArgumentException("a sigma floor needs 0 <= relative < 1 and a positive, finite"
                        + " absolute floor: " + relative + ", " + absoluteMg + " mg");
            }
        }

        /** The floor of a balance whose measurement points weigh {@code pointsMg}. */
        public double of(long... pointsMg) {
            double v = absoluteMg * absoluteMg;
            for (long p : pointsMg) {
                v += (relative * p) * (relative * p);
            }
            return Math.sqrt(v);
        }
    }

    /**
     * Typical industrial figures (assumptions, stated here so that they can be argued with): separated products
     * are weighed on calibrated scales and assayed by ICP-OES; ores and residues are sampled from heterogeneous
     * bulk, which dominates their error.
     */
    public static final MeasurementModel DEFAULT = new MeasurementModel(defaults());

    /** A model with the default sigma floor. */
    public MeasurementModel(Map<MaterialForm, Uncertainty> byForm) {
        this(byForm, SigmaFloor.DEFAULT);
    }

    public MeasurementModel {
        Objects.requireNonNull(byForm, "uncertainty by form");
        Objects.requireNonNull(floor, "sigma floor");
        EnumMap<MaterialForm, Uncertainty> all = new EnumMap<>(MaterialForm.class);
        all.putAll(byForm);
        for (MaterialForm f : MaterialForm.values()) {
            if (!all.containsKey(f)) {
                throw new IllegalArgumentException("the measurement model states no uncertainty for " + f);
            }
        }
        byForm = Collections.unmodifiableMap(all);
    }

    public Uncertainty of(MaterialForm form) {
        return byForm.get(form);
    }

    /** This model with one form's uncertainty replaced. */
    public MeasurementModel with(MaterialForm form, Uncertainty u) {
        EnumMap<MaterialForm, Uncertainty> m = new EnumMap<>(byForm);
        m.put(form, u);
        return new MeasurementModel(m, floor);
    }

    private static Map<MaterialForm, Uncertainty> defaults() {
        Map<MaterialForm, Uncertainty> m = new EnumMap<>(MaterialForm.class);
        m.put(MaterialForm.ORE, new Uncertainty(0.005, 0.03, 0.05, 0.01));
        m.put(MaterialForm.CONCENTRATE, new Uncertainty(0.002, 0.01, 0.03, 0.003));
        m.put(MaterialForm.MIXED_RE_COMPOUND, new Uncertainty(0.001, 0.008, 0.02, 0.002));
        m.put(MaterialForm.SEPARATED_COMPOUND, new Uncertainty(0.0005, 0.003, 0.01, 0.001));
        m.put(MaterialForm.METAL_OR_ALLOY, new Uncertainty(0.0005, 0.003, 0.01, 0.001));
        m.put(MaterialForm.MAGNET, new Uncertainty(0.0005, 0.005, 0.01, 0.001));
        m.put(MaterialForm.PRODUCT, new Uncertainty(0.001, 0.01, 0.02, 0.002));
        m.put(MaterialForm.SCRAP, new Uncertainty(0.002, 0.02, 0.03, 0.005));
        m.put(MaterialForm.RESIDUE, new Uncertainty(0.005, 0.05, 0.08, 0.01));
        return m;
    }
}
