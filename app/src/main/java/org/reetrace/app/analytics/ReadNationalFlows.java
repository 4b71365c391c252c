package org.reetrace.app.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.analytics.MaterialFlows;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;

/**
 * Reading the nation's material flows of a month: what every facility shipped to another, and what left the
 * country to each partner, in tonnes of oxide of an element group (NdPr, Dy+Tb, or all rare-earth oxide), for the
 * regulator, customs and auditors. The month is the books' latest with any flow unless one is asked for.
 */
@UseCase
public class ReadNationalFlows {

    /** One end of a flow: a facility (its kind) or a country abroad (kind {@code ABROAD}, id its ISO code). */
    public record Place(String id, String name, String kind) {
    }

    public record FlowLine(Place from, Place to, double oxideTonnes, int lots) {
    }

    /** {@code months}: every month with any flow, oldest first. */
    public record NationalFlows(String month, String group, List<String> months, List<FlowLine> flows) {
    }

    private final AnalyticsFeed feed;
    private final StoredRegistry registry;

    public ReadNationalFlows(AnalyticsFeed feed, StoredRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    /** {@code group} NDPR, DYTB or REO; {@code month} YYYY-MM or null for the latest with any flow. */
    public NationalFlows read(Caller caller, String month, String group) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        MaterialFlows.Group g = group(group);
        YearMonth asked = AnalyticsQuestions.month("month", month);
        return feed.read(analytics -> {
            MaterialFlows flows = analytics.flows();
            List<YearMonth> months = flows.months();
            YearMonth m = asked != null ? asked : months.isEmpty() ? null : months.getLast();
            List<FlowLine> lines = m == null ? List.of() : flows.of(m).stream()
                    .map(f -> new FlowLine(facility(f.from()), place(f.to()), Math.round(g.oxideMg(f.composition()) / 1e6) / 1e3,
                            f.lots()))
                    .filter(l -> l.oxideTonnes() > 0).toList();
            return new NationalFlows(m == null ? null : m.toString(), g.name(),
                    months.stream().map(YearMonth::toString).toList(), lines);
        });
    }

    private Place place(MaterialFlows.Place p) {
        return switch (p) {
            case MaterialFlows.AtFacility(FacilityId id) -> facility(id);
            case MaterialFlows.Abroad(var country) -> new Place(country.alpha2(), country.alpha2(), "ABROAD");
        };
    }

    private Place facility(FacilityId id) {
        Facility f = registry.facility(id).orElse(null);
        return new Place(id.value(), f == null ? id.value() : f.name(), f == null ? "FACILITY" : f.kind().name());
    }

    private static MaterialFlows.Group group(String group) {
        String g = group == null ? "REO" : group.strip().toUpperCase(Locale.ROOT);
        return switch (g) {
            case "NDPR" -> MaterialFlows.Group.NDPR;
            case "DYTB" -> MaterialFlows.Group.DYTB;
            case "REO" -> MaterialFlows.Group.REO;
            default -> throw AnalyticsQuestions.badRequest("group", "group must be NDPR, DYTB or REO, not '" + group
                    + "'");
        };
    }
}
