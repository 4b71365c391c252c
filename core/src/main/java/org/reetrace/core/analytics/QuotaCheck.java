package org.reetrace.core.analytics;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.registry.FacilityId;

/**
 * A mine's extraction against its lease's annual quota of ore (the quota a mining lease carries, see
 * {@code Licence#annualQuota}): one alert per mine and calendar year, raised in the month the cumulative
 * extraction passes the quota, with the extractions of that year as evidence.
 */
public final class QuotaCheck {

    private final Map<FacilityId, Mass> quotas;
    private final Map<FacilityId, Map<Year, Tally>> tallies = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();

    public QuotaCheck(Map<FacilityId, Mass> quotas) {
        this.quotas = Map.copyOf(quotas);
    }

    private static final class Tally {
        long mg;
        final List<EventId> events = new ArrayList<>();
        boolean alerted;
    }

    void accept(Extract e, YearMonth month) {
        // every mine's extraction is tallied, so that a quota registered later can be read against it
        Tally t = tallies.computeIfAbsent(e.facility(), f -> new HashMap<>())
                .computeIfAbsent(Year.of(month.getYear()), y -> new Tally());
        t.mg += e.mass().mg();
        t.events.add(e.id());
        Mass quota = quotas.get(e.facility());
        if (quota != null && !t.alerted && t.mg > quota.mg()) {
            t.alerted = true;
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("quota t", tonnes(quota.mg()));
            figures.put("extracted t", tonnes(t.mg));
            figures.put("excess t", tonnes(t.mg - quota.mg()));
            figures.put("lots", Integer.toString(t.events.size()));
            alerts.add(new Alert(AlertKind.QUOTA_EXCEEDED, e.facility().value(), month,
                    e.facility() + " extracted " + tonnes(t.mg) + " t of ore in " + month.getYear()
                            + " by " + month + ", over its quota of " + tonnes(quota.mg()) + " t",
                    figures, t.events));
        }
    }

    /** What a mine extracted in a calendar year: ore in mg, in how many extractions. */
    public record Extraction(FacilityId mine, Year year, long mg, int lots) {
    }

    /** What each mine extracted in {@code year}. */
    public Map<FacilityId, Extraction> extracted(Year year) {
        Map<FacilityId, Extraction> out = new HashMap<>();
        tallies.forEach((mine, byYear) -> {
            Tally t = byYear.get(year);
            if (t != null) {
                out.put(mine, new Extraction(mine, year, t.mg, t.events.size()));
            }
        });
        return out;
    }

    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    static String tonnes(long mg) {
        return String.format(java.util.Locale.ROOT, "%.3f", mg / 1e9);
    }
}
