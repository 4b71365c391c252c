package org.reetrace.app.registry;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reetrace.app.registry.RegistryViews.HoldingView;
import org.reetrace.app.registry.RegistryViews.OperatorView;

/**
 * Who owns whom, as a complete ECharts graph option: companies, state-linked companies and states as three kinds of
 * node (each its own shape, not only its own colour), and an arrow from each holder to what it holds, labelled with
 * the percent. The page puts the same holdings in a table beside it.
 */
final class OwnershipChart {

    /** The legend's words for a company, a state-linked company and a state, in the page's language. */
    record Legend(String company, String stateLinked, String state) {
    }

    private OwnershipChart() {
    }

    /** The whole registry's ownership. */
    static Map<String, Object> of(List<OperatorView> operators, Legend legend) {
        return option(operators, operators.stream().map(OperatorView::id).collect(Collectors.toSet()), legend);
    }

    /** {@code company} and everyone who holds it, directly or through others. */
    static Map<String, Object> above(String company, List<OperatorView> operators, Legend legend) {
        Map<String, OperatorView> byId = operators.stream()
                .collect(Collectors.toMap(OperatorView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Set<String> shown = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(company));
        while (!next.isEmpty()) {
            String id = next.pop();
            if (shown.add(id) && byId.containsKey(id) && byId.get(id).shareholders() != null) {
                byId.get(id).shareholders().stream().filter(h -> h.kind().equals("COMPANY"))
                        .forEach(h -> next.push(h.holder()));
            }
        }
        return option(operators.stream().filter(o -> shown.contains(o.id())).toList(), shown, legend);
    }

    private static Map<String, Object> option(List<OperatorView> operators, Set<String> shown, Legend legend) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (OperatorView o : operators) {
            boolean linked = Boolean.TRUE.equals(o.stateLinked());
            nodes.put(o.id(), node(o.id(), o.name(), linked ? 1 : 0, linked ? "diamond" : "circle", 22));
        }
        for (OperatorView o : operators) {
            for (HoldingView h : o.shareholders() == null ? List.<HoldingView>of() : o.shareholders()) {
                if (h.kind().equals("STATE")) {
                    nodes.putIfAbsent(h.holder(), node(h.holder(), h.holder(), 2, "rect", 18));
                } else if (!shown.contains(h.holder())) {
                    continue;
                }
                links.add(Map.of("source", h.holder(), "target", o.id(), "value", plain(h.percent())));
            }
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "force");
        series.put("roam", true);
        series.put("draggable", true);
        series.put("force", Map.of("repulsion", 520, "edgeLength", List.of(90, 170), "gravity", 0.08,
                "layoutAnimation", false));
        series.put("label", Map.of("show", true, "position", "right", "fontSize", 11));
        series.put("edgeSymbol", List.of("none", "arrow"));
        series.put("edgeSymbolSize", 9);
        series.put("edgeLabel", Map.of("show", true, "formatter", "{c} %", "fontSize", 10));
        series.put("lineStyle", Map.of("color", "#6b7684", "width", 1.5, "curveness", 0.08));
        series.put("categories", List.of(category(legend.company(), "#0b5cad"),
                category(legend.stateLinked(), "#8a4b00"), category(legend.state(), "#176b2c")));
        series.put("data", List.copyOf(nodes.values()));
        series.put("links", links);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("tooltip", Map.of());
        option.put("legend", List.of(Map.of("data", List.of(legend.company(), legend.stateLinked(), legend.state()),
                "bottom", 0)));
        option.put("series", List.of(series));
        return option;
    }

    private static Map<String, Object> node(String id, String name, int category, String symbol, int size) {
        return Map.of("name", id, "value", name, "category", category, "symbol", symbol, "symbolSize", size);
    }

    private static Map<String, Object> category(String name, String colour) {
        return Map.of("name", name, "itemStyle", Map.of("color", colour));
    }

    private static String plain(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
