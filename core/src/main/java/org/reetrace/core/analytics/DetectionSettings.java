package org.reetrace.core.analytics;

/**
 * What the sequential tests on material balances are set for.
 *
 * @param alarmsPerYear the false alarms per facility-year each alert kind may give on honest balances by design
 *                      ({@code MATERIAL_UNACCOUNTED_FOR} on total rare earths, {@code ELEMENT_UNACCOUNTED_FOR} over all
 *                      watched elements and groups together)
 * @param targetRate    the protracted diversion, as a fraction of the basis' throughput a month, that Page's test on
 *                      SITMUF is tuned to catch: its reference value is half that diversion in sigma-MUF
 * @param goalRate      the diversion, as a fraction of throughput a month, every facility must be able to show: a
 *                      facility whose minimum detectable diversion over {@code goalBalances} balances exceeds it
 *                      raises {@code INSUFFICIENT_MEASUREMENT}
 * @param goalBalances  the balances within which the goal's diversion must be detected
 * @param detectionProbability the probability of detection the minimum detectable diversion is stated at
 */
public record DetectionSettings(double alarmsPerYear, double targetRate, double goalRate, int goalBalances,
                                double detectionProbability) {

    /**
     * Half a false alarm per 100 facility-years per alert kind (half the goal of one, as margin for the ways real
     * balances depart from the model); Page's test tuned to 0.5 % of throughput a month; every facility to show a
     * diversion of 2 % of its throughput a month within 12 balances at 95 % detection.
     */
    public static final DetectionSettings DEFAULT = new DetectionSettings(0.005, 0.005, 0.02, 12, 0.95);

    public DetectionSettings {
        if (!(alarmsPerYear > 0 && alarmsPerYear < 1) || !(targetRate > 0) || !(goalRate > 0) || goalBalances < 1
                || !(detectionProbability > 0.5 && detectionProbability < 1)) {
            throw new IllegalArgumentException("detection settings need a false-alarm rate in (0, 1), positive rates,"
                    + " at least one balance and a detection probability in (0.5, 1): " + alarmsPerYear + ", "
                    + targetRate + ", " + goalRate + ", " + goalBalances + ", " + detectionProbability);
        }
    }

    /**
     * The false alarms a year each watched element or group may give, so that all of them together give at most
     * {@link #alarmsPerYear}: Šidák's correction, {@code 1 - (1 - alpha)^(1/m)} for m bases (exact for independent
     * tests, conservative otherwise).
     */
    public double perWatchedBasis() {
        return 1 - Math.pow(1 - alarmsPerYear, 1.0 / Basis.WATCHED.size());
    }
}
