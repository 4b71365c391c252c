package org.reetrace.app.lot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reetrace.app.pages.PageController;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lot page: what a lot is and where it is, its composition, its pedigree, its events, and its trace up and down
 * summarised by step, a step's lots a page at a time. It asks the same use cases as the API, so an operator opening
 * another operator's lot gets the API's 403 as a page.
 */
@PageController
class LotPages {

    static final int PAGE_SIZE = 20;

    private final ReadLot readLot;
    private final ReadPedigree readPedigree;
    private final SummariseTrace summariseTrace;
    private final MessageSource messages;
    private final JsonMapper json;

    LotPages(ReadLot readLot, ReadPedigree readPedigree, SummariseTrace summariseTrace, MessageSource messages,
             JsonMapper json) {
        this.readLot = readLot;
        this.readPedigree = readPedigree;
        this.summariseTrace = summariseTrace;
        this.messages = messages;
        this.json = json;
    }

    /** The header's search box. */
    @GetMapping("/lots")
    String search(@RequestParam(defaultValue = "") String id, HttpServletResponse response, Model model) {
        String wanted = id.strip();
        if (wanted.isEmpty()) {
            return notFound(wanted, response, model);
        }
        return "redirect:" + href(wanted);
    }

    /**
     * The lot page's address: a lot's id may hold any visible character, and the simulator's hold slashes, which
     * stay slashes (the server refuses an encoded one) and are taken back by the page's path pattern.
     */
    static String href(String id) {
        return "/lots/" + UriUtils.encodePath(id, StandardCharsets.UTF_8);
    }

    @GetMapping("/lots/{*path}")
    String lot(Caller caller, @PathVariable String path, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
               Locale locale, HttpServletResponse response, Model model) {
        String id = path.startsWith("/") ? path.substring(1) : path;
        if (id.isEmpty()) {
            return notFound(id, response, model);
        }
        LotViews.LotView lot;
        try {
            lot = readLot.read(caller, id);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return notFound(id, response, model);
            }
            throw e;
        }
        LotViews.PedigreeView pedigree = readPedigree.read(caller, id);
        SummariseTrace.TraceSummary up = summariseTrace.summary(caller, id, "upstream");
        SummariseTrace.TraceSummary down = summariseTrace.summary(caller, id, "downstream");
        model.addAttribute("lot", lot);
        model.addAttribute("elements", elements(lot));
        model.addAttribute("compositionChart", write(compositionChart(lot, locale)));
        model.addAttribute("pedigree", pedigree);
        model.addAttribute("paths", paths(pedigree, locale));
        model.addAttribute("pedigreeChart", pedigree.paths().isEmpty() ? null : write(pedigreeChart(lot, pedigree, locale)));
        model.addAttribute("events", readLot.events(caller, id).stream().map(EventRow::of).toList());
        Map<String, String> stepElements = new LinkedHashMap<>();
        for (SummariseTrace.TraceSummary t : List.of(up, down)) {
            t.steps().forEach(s -> stepElements.put(t.direction() + "-" + s.step(), mainElements(s.compositionMg())));
        }
        model.addAttribute("stepElements", stepElements);
        model.addAttribute("up", up);
        model.addAttribute("down", down);
        model.addAttribute("traceChart", up.steps().isEmpty() && down.steps().isEmpty() ? null
                : write(traceChart(lot, up, down, locale)));
        model.addAttribute("size", size);
        return "lot/lot";
    }

    /** A page of a step's lots, as a part of the lot page (htmx) or alone. */
    @GetMapping("/trace-step-lots")
    String stepLots(Caller caller, @RequestParam("lot") String id, @RequestParam String direction,
                    @RequestParam int step, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
                    Model model) {
        SummariseTrace.StepLots lots = summariseTrace.stepLots(caller, id, direction, step, page, size);
        model.addAttribute("stepLots", lots);
        model.addAttribute("pages", Math.max(1, (lots.lots() + size - 1) / size));
        return "lot/step-lots :: lots";
    }

    private static String notFound(String id, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("wanted", id);
        return "lot/not-found";
    }

    /** A row of the events table; no time, place or id for an event the caller may not see. */
    record EventRow(long sequence, String type, String time, String facility, String id) {

        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

        static EventRow of(ReadLot.LotEvent e) {
            return e.event() == null ? new EventRow(e.sequence(), e.type(), null, null, null)
                    : new EventRow(e.sequence(), e.type(), TIME.format(e.event().time()), e.event().facility(),
                    e.event().id());
        }
    }

    /** The four elements with the most mass, in kg, heaviest first. */
    static String mainElements(Map<String, Long> mg) {
        return String.join(", ", mg.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .map(e -> e.getKey() + " " + kg(e.getValue()).setScale(1, RoundingMode.HALF_EVEN).toPlainString())
                .toList());
    }

    /** A row of the composition table. */
    record ElementRow(String symbol, long mg, BigDecimal kg, BigDecimal oxidePercent) {
    }

    private static List<ElementRow> elements(LotViews.LotView lot) {
        List<ElementRow> rows = new ArrayList<>();
        lot.compositionMg().forEach((symbol, mg) -> rows.add(new ElementRow(symbol, mg, kg(mg),
                lot.oxidePercent().get(symbol))));
        return rows;
    }

    /** A row of the pedigree table: one path from an origin through its stages. */
    record PathRow(String originKind, String source, String originCountry, List<String> stages, BigDecimal kg,
                   String shares) {
    }

    private List<PathRow> paths(LotViews.PedigreeView pedigree, Locale locale) {
        List<PathRow> rows = new ArrayList<>();
        for (LotViews.PathView p : pedigree.paths()) {
            long mg = p.compositionMg().values().stream().mapToLong(Long::longValue).sum();
            List<String> stages = p.stages().stream().map(s -> stage(s, locale)).toList();
            StringBuilder shares = new StringBuilder();
            p.sharePercent().forEach((symbol, share) -> shares.append(shares.isEmpty() ? "" : ", ").append(symbol)
                    .append(' ').append(share.setScale(1, RoundingMode.HALF_EVEN).toPlainString()).append(" %"));
            rows.add(new PathRow(String.valueOf(p.origin().get("kind")), (String) p.origin().get("source"),
                    String.valueOf(p.origin().get("country")), stages, kg(mg), shares.toString()));
        }
        return rows;
    }

    private String stage(Map<String, String> s, Locale locale) {
        return message("lot.stage." + s.get("kind"), locale) + " · " + s.get("country") + " ("
                + message("lot.pedigree.technology", locale) + " " + s.get("technologyCountry") + ")";
    }

    /** Bars of each element's mass (kg) and its oxide's share of the lot (%), on two axes. */
    private Map<String, Object> compositionChart(LotViews.LotView lot, Locale locale) {
        List<String> symbols = new ArrayList<>(lot.compositionMg().keySet());
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 60, "right", 60, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", symbols));
        option.put("yAxis", List.of(
                Map.of("type", "value", "name", "kg"),
                Map.of("type", "value", "name", "%", "max", 100)));
        option.put("series", List.of(
                Map.of("name", message("lot.composition.kg", locale), "type", "bar", "itemStyle",
                        Map.of("color", "#0b5cad"), "data", symbols.stream().map(s -> kg(lot.compositionMg().get(s)))
                                .toList()),
                Map.of("name", message("lot.composition.oxide", locale), "type", "bar", "yAxisIndex", 1,
                        "itemStyle", Map.of("color", "#8a4b00", "decal", Map.of("symbol", "rect")), "data",
                        symbols.stream().map(s -> lot.oxidePercent().getOrDefault(s, BigDecimal.ZERO)).toList())));
        return option;
    }

    /**
     * A Sankey of the pedigree: from each origin country through each stage (its kind, country and technology
     * country) to the lot, the width of a band its element mass in kg.
     */
    private Map<String, Object> pedigreeChart(LotViews.LotView lot, LotViews.PedigreeView pedigree, Locale locale) {
        LinkedHashSet<String> nodes = new LinkedHashSet<>();
        Map<List<String>, BigDecimal> links = new LinkedHashMap<>();
        String target = lot.id();
        for (LotViews.PathView p : pedigree.paths()) {
            BigDecimal kg = kg(p.compositionMg().values().stream().mapToLong(Long::longValue).sum());
            List<String> chain = new ArrayList<>();
            chain.add(message("lot.pedigree.origin", locale) + " " + p.origin().get("country"));
            p.stages().forEach(s -> chain.add(stage(s, locale)));
            chain.add(target);
            for (int i = 0; i + 1 < chain.size(); i++) {
                if (!chain.get(i).equals(chain.get(i + 1))) {
                    links.merge(List.of(chain.get(i), chain.get(i + 1)), kg, BigDecimal::add);
                }
            }
            nodes.addAll(chain);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(map(
                "type", "sankey", "left", 10, "right", 160, "top", 10, "bottom", 10, "nodeAlign", "justify",
                "emphasis", Map.of("focus", "adjacency"),
                "lineStyle", Map.of("color", "gradient", "opacity", 0.45),
                "label", Map.of("color", "#1b1f24"),
                "data", nodes.stream().map(n -> Map.of("name", n)).toList(),
                "links", links.entrySet().stream().map(e -> Map.of("source", e.getKey().get(0), "target",
                        e.getKey().get(1), "value", e.getValue())).toList())));
        return option;
    }

    /**
     * The trace as a line of steps: the upstream steps farthest first, the lot, then the downstream steps; a step's
     * size grows with its lots, its label says how many and of which forms.
     */
    private Map<String, Object> traceChart(LotViews.LotView lot, SummariseTrace.TraceSummary up,
                                           SummariseTrace.TraceSummary down, Locale locale) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        String previous = null;
        int x = 0;
        List<SummariseTrace.StepSummary> upSteps = new ArrayList<>(up.steps());
        Collections.reverse(upSteps);
        for (SummariseTrace.StepSummary s : upSteps) {
            String name = message("lot.trace.up", locale) + " " + s.step();
            nodes.add(node(name, stepLabel(s, locale), x++, s.lots() + (s.withheldLots() == null ? 0 : s.withheldLots()),
                    "#6b7684"));
            if (previous != null) {
                links.add(Map.of("source", previous, "target", name));
            }
            previous = name;
        }
        nodes.add(node(lot.id(), lot.id() + "\n" + message("lot.form." + lot.form(), locale), x++, 1, "#0b5cad"));
        if (previous != null) {
            links.add(Map.of("source", previous, "target", lot.id()));
        }
        previous = lot.id();
        for (SummariseTrace.StepSummary s : down.steps()) {
            String name = message("lot.trace.down", locale) + " " + s.step();
            nodes.add(node(name, stepLabel(s, locale), x++, s.lots() + (s.withheldLots() == null ? 0 : s.withheldLots()),
                    "#176b2c"));
            links.add(Map.of("source", previous, "target", name));
            previous = name;
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("tooltip", Map.of());
        option.put("series", List.of(map(
                "type", "graph", "layout", "none", "roam", true, "left", 60, "right", 60,
                "edgeSymbol", List.of("none", "arrow"), "edgeSymbolSize", 10,
                "lineStyle", Map.of("color", "#4a5360", "width", 2),
                "label", Map.of("show", true, "position", "bottom", "color", "#1b1f24", "lineHeight", 16),
                "data", nodes, "links", links)));
        return option;
    }

    private static Map<String, Object> node(String name, String label, int x, long lots, String colour) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("x", x * 100);
        n.put("y", 0);
        n.put("symbolSize", 18 + Math.min(40, 6 * Math.log10(Math.max(1, lots)) * 2));
        n.put("itemStyle", Map.of("color", colour));
        n.put("label", Map.of("formatter", label));
        return n;
    }

    private String stepLabel(SummariseTrace.StepSummary s, Locale locale) {
        long all = s.lots() + (s.withheldLots() == null ? 0 : s.withheldLots());
        String forms = String.join(", ", s.forms().stream().map(f -> message("lot.form." + f, locale)).toList());
        return message("lot.trace.chart-step", locale, all) + (forms.isEmpty() ? "" : "\n" + forms);
    }

    /** A map of any size, in the order given: an ECharts series has more settings than {@code Map.of} takes. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String write(Object option) {
        return json.writeValueAsString(option);
    }

    private static BigDecimal kg(long mg) {
        return BigDecimal.valueOf(mg).movePointLeft(6).setScale(3, RoundingMode.HALF_EVEN);
    }
}
