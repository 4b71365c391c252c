package org.reetrace.core.analytics;

/**
 * The relative standard deviations of one measured stream, as the safeguards measurement-error model has them
 * (IAEA Safeguards Glossary, 2022 edition, 10.x: random and systematic error components). A booked element mass
 * is {@code true mass x (1 + weighing) x (1 + grade) x (1 + element) x (1 + systematic)}:
 * <ul>
 * <li>{@code weighingRsd}: the scale, random per weighing;</li>
 * <li>{@code gradeRsd}: sampling and assay of the lot's total rare-earth grade, random per lot, shared by all its
 * elements;</li>
 * <li>{@code elementRsd}: the assay of each element's share, random per lot and element;</li>
 * <li>{@code systematicRsd}: the laboratory's calibration, shared by every lot of this stream a facility measures
 * in one month (re-established by calibration each month, so months are independent).</li>
 * </ul>
 */
public record Uncertainty(double weighingRsd, double gradeRsd, double elementRsd, double systematicRsd) {

    public Uncertainty {
        for (double v : new double[] {weighingRsd, gradeRsd, elementRsd, systematicRsd}) {
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException("relative standard deviations lie in [0, 1): " + weighingRsd + ", "
                        + gradeRsd + ", " + elementRsd + ", " + systematicRsd);
            }
        }
    }

    /** Random variance of one item's summed element mass {@code total}, whose squared element masses sum to {@code sumOfSquares}. */
    double randomVarianceOfSum(double total, double sumOfSquares) {
        return (weighingRsd * weighingRsd + gradeRsd * gradeRsd) * total * total
                + elementRsd * elementRsd * sumOfSquares;
    }

    /** Random variance of one element mass {@code mg} of one item. */
    double randomVarianceOfElement(double mg) {
        return (weighingRsd * weighingRsd + gradeRsd * gradeRsd + elementRsd * elementRsd) * mg * mg;
    }

    /** Relative standard deviation of one element mass, all random parts together. */
    public double elementMassRsd() {
        return Math.sqrt(weighingRsd * weighingRsd + gradeRsd * gradeRsd + elementRsd * elementRsd);
    }
}
