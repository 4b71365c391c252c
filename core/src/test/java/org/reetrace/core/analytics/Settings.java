package org.reetrace.core.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;

/** Analytics settings for hand-computed examples: simple round uncertainties, easy to follow on paper. */
final class Settings {

    /** Concentrate: grade 1 %, systematic 2 %; oxide: grade 0.5 %; everything else exact. */
    static final MeasurementModel SIMPLE = exact()
            .with(MaterialForm.CONCENTRATE, new Uncertainty(0, 0.01, 0, 0.02))
            .with(MaterialForm.SEPARATED_COMPOUND, new Uncertainty(0, 0.005, 0, 0));

    static MeasurementModel exact() {
        MeasurementModel m = MeasurementModel.DEFAULT;
        for (MaterialForm f : MaterialForm.values()) {
            m = m.with(f, new Uncertainty(0, 0, 0, 0));
        }
        return m;
    }

    static AnalyticsSettings of(MeasurementModel model, Map<FacilityId, Mass> quotas) {
        return new AnalyticsSettings(model,
                LossModel.ofProcesses(Map.of(ProcessKind.SEPARATION, new LossExpectation(0.02, 0.005))),
                ZoneOffset.UTC, AnalyticsSettings.DEFAULT_CUSUM, YearMonth.of(2026, 1), 0.02, quotas, Map.of(),
                Map.of(ProcessKind.SEPARATION, new YieldBand(0.85, 0.995)), Duration.ofDays(60), 1.0, 0.90,
                new MirrorTradeSettings(CountryCode.of("MY"), new BigDecimal("0.12"), 0.03, 20_000, 0));
    }

    private Settings() {
    }
}
