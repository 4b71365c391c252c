package org.reetrace.app.overview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.reetrace.app.alerts.AlertSeverity;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.alerts.ListAlerts;
import org.reetrace.app.analytics.CompareMirrorTrade;
import org.reetrace.app.analytics.ReadNationalFlows;
import org.reetrace.app.analytics.ReadPendingResidues;
import org.reetrace.app.analytics.ReadQuotaUse;
import org.reetrace.app.pages.PageController;
import org.reetrace.app.registry.ReadRegistryMap;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.SignedInPerson;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The regulator's morning page: the alerts raised since the last visit (ListAlerts) by severity, kind and facility;
 * a map of Malaysia's states with the leases, protected zones and facilities coloured by their open alerts
 * (ReadRegistryMap, ListAlerts); this year's quota use per lease (ReadQuotaUse); residue due for disposal
 * (ReadPendingResidues); exports against partner statistics (CompareMirrorTrade's last comparison and the
 * mirror-trade alerts); and the month's national flows from mines to exports as a Sankey diagram per element group
 * (ReadNationalFlows), switched with htmx.
 *
 * <p>The last visit is kept per sign-in token ({@link RecordVisit}, in the database); within one session the page keeps showing what
 * was new when the session first opened it, so a reload does not empty it.
 */
@PageController
class MorningPages {

    static final Duration FIRST_VISIT = Duration.ofDays(7);
    static final String SINCE = MorningPages.class.getName() + ".since";
    static final List<String> GROUPS = List.of("NDPR", "DYTB", "REO");

    private final ListAlerts listAlerts;
    private final ReadRegistryMap readMap;
    private final ReadQuotaUse readQuotaUse;
    private final ReadPendingResidues readResidues;
    private final CompareMirrorTrade mirrorTrade;
    private final ReadNationalFlows readFlows;
    private final RecordVisit lastVisits;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonNode states;

    MorningPages(ListAlerts listAlerts, ReadRegistryMap readMap, ReadQuotaUse readQuotaUse,
                 ReadPendingResidues readResidues, CompareMirrorTrade mirrorTrade, ReadNationalFlows readFlows,
                 RecordVisit lastVisits, JsonMapper json, MessageSource messages, Clock clock) {
        this.listAlerts = listAlerts;
        this.readMap = readMap;
        this.readQuotaUse = readQuotaUse;
        this.readResidues = readResidues;
        this.mirrorTrade = mirrorTrade;
        this.readFlows = readFlows;
        this.lastVisits = lastVisits;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
        this.states = states(json);
    }

    /** Since when the session shows alerts as new, and whether that is because the person never came before. */
    record Since(Instant since, boolean firstVisit) implements java.io.Serializable {
    }

    /** What changed since the last visit: how many alerts, per severity, kind and facility, and the newest of them. */
    record News(Instant since, boolean firstVisit, long total, Map<AlertSeverity, Long> bySeverity,
                Map<String, Long> byKind, Map<String, Long> byFacility, List<AlertStore.Alert> newest) {
    }

    @GetMapping("/morning")
    String morning(Caller caller, @AuthenticationPrincipal SignedInPerson person, HttpSession session,
                   @RequestParam(defaultValue = "NDPR") String group, @RequestParam(required = false) String month,
                   Model model) {
        Instant now = clock.instant();
        String who = person == null ? caller.role() + ":" + caller.name() : person.tokenId();
        Since since = (Since) session.getAttribute(SINCE);
        if (since == null) {
            var previous = lastVisits.visit(caller, who, now);
            since = new Since(previous.orElse(now.minus(FIRST_VISIT)), previous.isEmpty());
            session.setAttribute(SINCE, since);
        } else {
            lastVisits.visit(caller, who, now);
        }
        model.addAttribute("news", news(caller, since.since(), since.firstVisit()));
        AlertStore.Tally open = listAlerts.tally(caller, filter(AlertStore.Status.OPEN, null, null));
        model.addAttribute("openAlerts", open);
        model.addAttribute("mapJson", json.writeValueAsString(map(caller, open.byFacility())));
        model.addAttribute("quota", readQuotaUse.read(caller, null));
        model.addAttribute("residues", readResidues.read(caller));
        model.addAttribute("mirror", mirrorTrade.last(caller).orElse(null));
        model.addAttribute("gaps", listAlerts.page(caller, filter(null, "MIRROR_TRADE_GAP", null), 0, 10));
        flows(caller, group, month, model);
        return "morning/morning";
    }

    @GetMapping("/morning/flows")
    String flowsOnly(Caller caller, @RequestParam(defaultValue = "NDPR") String group,
                     @RequestParam(required = false) String month, Model model) {
        flows(caller, group, month, model);
        return "morning/morning :: flows";
    }

    private News news(Caller caller, Instant since, boolean first) {
        ListAlerts.AlertPage page = listAlerts.page(caller, filter(null, null, since), 0, 10);
        Map<AlertSeverity, Long> bySeverity = new EnumMap<>(AlertSeverity.class);
        for (AlertSeverity s : AlertSeverity.values()) {
            bySeverity.put(s, 0L);
        }
        page.tally().byKind().forEach((kind, n) -> bySeverity.merge(AlertSeverity.ofKind(kind), n, Long::sum));
        return new News(since, first, page.tally().total(), bySeverity, page.tally().byKind(),
                page.tally().byFacility(), page.alerts());
    }

    private static AlertStore.Filter filter(AlertStore.Status status, String kind, Instant raisedAfter) {
        return new AlertStore.Filter(status, null, null, null, null, 1000, null, kind, null, raisedAfter, 0);
    }

    private void flows(Caller caller, String group, String month, Model model) {
        ReadNationalFlows.NationalFlows flows = readFlows.read(caller, month, group);
        model.addAttribute("flows", flows);
        model.addAttribute("groups", GROUPS);
        model.addAttribute("sankeyJson", flows.flows().isEmpty() ? null : json.writeValueAsString(sankey(flows)));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /**
     * The flows as an ECharts Sankey diagram: a node per facility and per partner country, a link per flow in tonnes
     * of oxide. A Sankey diagram cannot draw a cycle (material sent back upstream): such a link is left out of the
     * drawing, and stays in the table beside it.
     */
    private Map<String, Object> sankey(ReadNationalFlows.NationalFlows flows) {
        Set<String> nodes = new LinkedHashSet<>();
        Map<String, Set<String>> edges = new HashMap<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (ReadNationalFlows.FlowLine f : flows.flows()) {
            String from = node(f.from());
            String to = node(f.to());
            if (from.equals(to) || reaches(edges, to, from)) {
                continue;
            }
            edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            nodes.add(from);
            nodes.add(to);
            links.add(Map.of("source", from, "target", to, "value", f.oxideTonnes()));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "sankey");
        series.put("data", nodes.stream().map(n -> Map.of("name", n)).toList());
        series.put("links", links);
        series.put("emphasis", Map.of("focus", "adjacency"));
        series.put("nodeAlign", "justify");
        series.put("left", 8);
        series.put("right", 150);
        series.put("label", Map.of("fontSize", 12));
        series.put("lineStyle", Map.of("color", "gradient", "opacity", 0.4));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(series));
        return option;
    }

    private String node(ReadNationalFlows.Place p) {
        return p.kind().equals("ABROAD") ? text("morning.flows.abroad", p.id()) : p.name();
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String to) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String n = todo.removeLast();
            if (n.equals(to)) {
                return true;
            }
            if (seen.add(n)) {
                todo.addAll(edges.getOrDefault(n, Set.of()));
            }
        }
        return false;
    }

    /** Malaysia's states, the leases, the protected zones and the facilities, as one GeoJSON FeatureCollection. */
    private Map<String, Object> map(Caller caller, Map<String, Long> openByFacility) {
        List<Object> features = new ArrayList<>();
        for (JsonNode state : states.path("features")) {
            ObjectNode f = (ObjectNode) state.deepCopy();
            String name = state.path("properties").path("name").asString();
            ObjectNode props = f.putObject("properties");
            props.put("kind", "state");
            props.put("label", name);
            features.add(f);
        }
        ReadRegistryMap.RegistryMap registry = readMap.read(caller);
        for (ReadRegistryMap.MapArea lease : registry.leases()) {
            features.add(feature("lease", lease.code(), lease.facility() == null ? null : "/facilities/" + lease.facility(),
                    text("morning.map.lease", lease.holder(), lease.facility()), null, polygons(lease)));
        }
        for (ReadRegistryMap.MapArea zone : registry.zones()) {
            features.add(feature("zone", zone.name(), null, text("morning.map.zone", zone.code(), zone.kind()), null,
                    polygons(zone)));
        }
        for (ReadRegistryMap.MapSite site : registry.facilities()) {
            long open = openByFacility.getOrDefault(site.id(), 0L);
            features.add(feature("facility", site.name(), "/facilities/" + site.id(),
                    text("morning.map.facility", site.id(), open), open,
                    Map.of("type", "Point", "coordinates", List.of(site.longitude(), site.latitude()))));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static Map<String, Object> polygons(ReadRegistryMap.MapArea area) {
        return Map.of("type", "MultiPolygon", "coordinates", area.coordinates());
    }

    private static Map<String, Object> feature(String kind, String label, String href, String note, Long openAlerts,
                                               Map<String, Object> geometry) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", kind);
        props.put("label", label);
        if (href != null) {
            props.put("href", href);
        }
        props.put("note", note);
        if (openAlerts != null) {
            props.put("openAlerts", openAlerts);
        }
        return Map.of("type", "Feature", "properties", props, "geometry", geometry);
    }

    private static JsonNode states(JsonMapper json) {
        try (InputStream in = MorningPages.class.getResourceAsStream("/geo/malaysia-states.geojson")) {
            if (in == null) {
                throw new IllegalStateException("geo/malaysia-states.geojson is missing from the application");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
