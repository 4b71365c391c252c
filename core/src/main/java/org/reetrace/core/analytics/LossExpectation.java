package org.reetrace.core.analytics;

/**
 * What a process is expected to lose unmeasured (to effluent, dust, filter cake not booked as a lot), as a share
 * of each rare-earth element that goes into it, and how much that share varies from month to month. A licence
 * or the plant's flowsheet states it; the material balance expects this loss, so that only loss beyond it counts
 * against the operator.
 */
public record LossExpectation(double rate, double rateSd) {

    public static final LossExpectation NONE = new LossExpectation(0, 0);

    public LossExpectation {
        if (!(rate >= 0 && rate < 1) || !(rateSd >= 0 && rateSd < 1)) {
            throw new IllegalArgumentException("loss rate and its standard deviation lie in [0, 1): " + rate + ", " + rateSd);
        }
    }
}
