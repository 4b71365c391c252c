package org.reetrace.core.analytics;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

/**
 * Capacity and yield plausibility. Capacity: a facility's monthly rare-earth throughput against a twelfth of its
 * registered annual capacity (in t of rare-earth elements processed). Yield: each transformation's recovery into
 * product against the band for its process.
 */
public final class PlausibilityCheck {

    private final Map<FacilityId, Mass> annualCapacity;
    private final Map<ProcessKind, YieldBand> yieldBands;
    private final List<Alert> yieldAlerts = new ArrayList<>();

    public PlausibilityCheck(Map<FacilityId, Mass> annualCapacity, Map<ProcessKind, YieldBand> yieldBands) {
        this.annualCapacity = Map.copyOf(annualCapacity);
        this.yieldBands = Map.copyOf(yieldBands);
    }

    void accept(ProcessRun run) {
        YieldBand band = yieldBands.get(run.process());
        if (band == null || run.inputMg() == 0 || band.contains(run.recovery())) {
            return;
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("input REE kg", MufMonitor.kg(run.inputMg()));
        figures.put("product REE kg", MufMonitor.kg(run.productMg()));
        figures.put("residue REE kg", MufMonitor.kg(run.residueMg()));
        figures.put("declared loss REE kg", MufMonitor.kg(run.declaredLossMg()));
        figures.put("recovery", MufMonitor.fmt(run.recovery()));
        figures.put("plausible min", MufMonitor.fmt(band.min()));
        figures.put("plausible max", MufMonitor.fmt(band.max()));
        yieldAlerts.add(new Alert(AlertKind.IMPLAUSIBLE_YIELD, run.facility().value(), run.month(),
                run.facility() + ": " + run.process() + " " + run.event() + " recovered "
                        + MufMonitor.fmt(run.recovery()) + " of its rare earths into product; plausible is "
                        + MufMonitor.fmt(band.min()) + " to " + MufMonitor.fmt(band.max()),
                figures, List.of(run.event())));
    }

    public List<Alert> yieldAlerts() {
        return List.copyOf(yieldAlerts);
    }

    /** Months before {@code before} in which a facility processed more than a twelfth of its annual capacity. */
    public List<Alert> capacityAlerts(MaterialBalanceBook book, YearMonth before) {
        List<Alert> out = new ArrayList<>();
        annualCapacity.forEach((facility, capacity) -> {
            double monthly = capacity.mg() / 12.0;
            for (MaterialBalance b : book.balances(facility, Basis.RARE_EARTHS, before)) {
                if (b.throughputMg() > monthly) {
                    Map<String, String> figures = new LinkedHashMap<>();
                    figures.put("throughput REE t", QuotaCheck.tonnes(b.throughputMg()));
                    figures.put("monthly capacity REE t", QuotaCheck.tonnes(Math.round(monthly)));
                    out.add(new Alert(AlertKind.CAPACITY_EXCEEDED, facility.value(), b.month(),
                            facility + " processed " + QuotaCheck.tonnes(b.throughputMg()) + " t of rare earths in "
                                    + b.month() + ", more than a twelfth of its " + QuotaCheck.tonnes(capacity.mg())
                                    + " t annual capacity",
                            figures, b.events()));
                }
            }
        });
        out.sort(java.util.Comparator.comparing(Alert::period).thenComparing(Alert::subject));
        return out;
    }
}
