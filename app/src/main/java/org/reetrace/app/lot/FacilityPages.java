package org.reetrace.app.lot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.analytics.ReadDetection;
import org.reetrace.app.analytics.ReadMaterialBalances;
import org.reetrace.app.pages.PageController;
import org.reetrace.app.registry.ReadRegistry;
import org.reetrace.app.registry.RegistryViews;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.element.Element;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * A facility's page: its operator, licences, processes and technology (ReadRegistry), its stock by element
 * (ReadStock), its monthly material balance as charts and a table (ReadMaterialBalances: MUF with its 2-sigma band
 * around the expected loss, Page's CUSUM against its threshold) on the rare-earth basis or one element, and its events
 * page by page (ListFacilityEvents). An operator sees only its own facilities: the stock is read first, and refuses
 * another operator's with a 403 as the API does.
 */
@PageController
class FacilityPages {

    static final int EVENTS_PER_PAGE = 20;

    /** The bases the balance can be read on: all rare earths, or one of the elements a plant is watched for. */
    static final List<String> BASES = List.of("REE", "Nd+Pr", "HREE", "La", "Ce", "Pr", "Nd", "Sm", "Gd", "Tb", "Dy", "Y",
            "Th", "U");

    /** One element of the stock, in kg, largest first. */
    record StockLine(String element, String name, double kg) {
    }

    /**
     * What the facility's balances can detect, per basis (ReadDetection), or why nothing can be said (a no-data
     * problem's words).
     */
    record DetectionView(ReadDetection.Detection settings, ReadDetection.FacilityDetection facility, String noData) {
    }

    /** The balance part of the page: the months read, or why there are none (a no-data problem's words). */
    record BalanceView(String basis, ReadMaterialBalances.Balances balances, String noData, String mufChart,
                       String cusumChart) {
    }

    private final ReadStock readStock;
    private final ReadRegistry readRegistry;
    private final ReadMaterialBalances readBalances;
    private final ReadDetection readDetection;
    private final ListFacilityEvents listEvents;
    private final JsonMapper json;
    private final MessageSource messages;

    FacilityPages(ReadStock readStock, ReadRegistry readRegistry, ReadMaterialBalances readBalances,
                  ReadDetection readDetection, ListFacilityEvents listEvents, JsonMapper json, MessageSource messages) {
        this.readStock = readStock;
        this.readRegistry = readRegistry;
        this.readBalances = readBalances;
        this.readDetection = readDetection;
        this.listEvents = listEvents;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/facilities/{id}")
    String facility(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "REE") String basis,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestHeader(name = "HX-Request", required = false) String htmx,
                    @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        ReadStock.FacilityStock stock = readStock.read(caller, id);
        if (htmx != null && "balance".equals(target)) {
            model.addAttribute("balance", balance(caller, id, basis));
            model.addAttribute("facilityId", id);
            return "facility/facility :: balance";
        }
        if (htmx != null && "events".equals(target)) {
            model.addAttribute("events", listEvents.list(caller, id, page, EVENTS_PER_PAGE));
            model.addAttribute("facilityId", id);
            model.addAttribute("basis", basis);
            return "facility/facility :: events";
        }
        RegistryViews.FacilityView facility = readRegistry.facility(caller, id);
        model.addAttribute("facilityId", id);
        model.addAttribute("facility", facility);
        model.addAttribute("operator", readRegistry.operator(caller, facility.operator()));
        model.addAttribute("licences", readRegistry.licences(caller).stream()
                .filter(l -> id.equals(l.facility())).toList());
        model.addAttribute("stock", stock);
        model.addAttribute("stockLines", stockLines(stock));
        model.addAttribute("bases", BASES);
        model.addAttribute("basis", basis);
        model.addAttribute("balance", balance(caller, id, basis));
        model.addAttribute("detection", detection(caller, id));
        model.addAttribute("events", listEvents.list(caller, id, page, EVENTS_PER_PAGE));
        return "facility/facility";
    }

    private static List<StockLine> stockLines(ReadStock.FacilityStock stock) {
        List<StockLine> out = new ArrayList<>();
        stock.compositionMg().forEach((symbol, mg) -> {
            if (mg != null && mg > 0) {
                String name = Element.bySymbol(symbol).map(Element::displayName).orElse(symbol);
                out.add(new StockLine(symbol, name, Math.round(mg / 1e3) / 1e3));
            }
        });
        out.sort((a, b) -> Double.compare(b.kg(), a.kg()));
        return out;
    }

    private DetectionView detection(Caller caller, String id) {
        try {
            ReadDetection.Detection d = readDetection.read(caller, id);
            return new DetectionView(d, d.facilities().getFirst(), null);
        } catch (ProblemException problem) {
            if (problem.type().toString().endsWith("no-data")) {
                return new DetectionView(null, null, problem.detail());
            }
            throw problem;
        }
    }

    private BalanceView balance(Caller caller, String id, String basis) {
        ReadMaterialBalances.Balances b;
        try {
            b = readBalances.read(caller, id, basis, null, null);
        } catch (ProblemException problem) {
            if (problem.type().toString().endsWith("no-data")) {
                return new BalanceView(basis, null, problem.detail(), null, null);
            }
            throw problem;
        }
        return new BalanceView(basis, b, null, json.writeValueAsString(mufChart(b)),
                b.months().stream().anyMatch(m -> m.cusum() != null) ? json.writeValueAsString(cusumChart(b)) : null);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** MUF per month in kg, with the expected loss and the band of two sigma-MUF around it. */
    private Map<String, Object> mufChart(ReadMaterialBalances.Balances b) {
        List<String> months = new ArrayList<>();
        List<Double> muf = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (ReadMaterialBalances.MonthBalance m : b.months()) {
            months.add(m.month());
            muf.add(m.mufKg());
            expected.add(m.expectedLossKg());
            boolean band = m.expectedLossKg() != null && m.sigmaMufKg() != null;
            low.add(band ? round(m.expectedLossKg() - 2 * m.sigmaMufKg()) : null);
            high.add(band ? round(m.expectedLossKg() + 2 * m.sigmaMufKg()) : null);
        }
        return chart(months, text("facility.chart.kg"), List.of(
                line(text("facility.chart.muf"), muf, "#a8201a", null, "circle"),
                line(text("facility.chart.expected"), expected, "#176b2c", "dashed", "none"),
                line(text("facility.chart.low"), low, "#4a5360", "dotted", "none"),
                line(text("facility.chart.high"), high, "#4a5360", "dotted", "none")), null);
    }

    /** Page's CUSUM per month with its threshold. */
    private Map<String, Object> cusumChart(ReadMaterialBalances.Balances b) {
        List<String> months = new ArrayList<>();
        List<Double> cusum = new ArrayList<>();
        for (ReadMaterialBalances.MonthBalance m : b.months()) {
            months.add(m.month());
            cusum.add(m.cusum());
        }
        Map<String, Object> series = line(text("facility.chart.cusum"), cusum, "#0b5cad", null, "circle");
        series.put("markLine", Map.of("symbol", "none", "lineStyle", Map.of("color", "#a8201a", "type", "dashed"),
                "label", Map.of("formatter", text("facility.chart.threshold") + " {c}"),
                "data", List.of(Map.of("yAxis", b.cusumThreshold()))));
        // the axis reaches past the threshold, so that its line shows however low the statistic stays
        double top = Math.max(b.cusumThreshold(), cusum.stream().filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0)) * 1.15;
        return chart(months, "", List.of(series), Math.ceil(top));
    }

    private static Map<String, Object> chart(List<String> months, String unit, List<Map<String, Object>> series,
                                             Double max) {
        Map<String, Object> yAxis = new LinkedHashMap<>();
        yAxis.put("type", "value");
        yAxis.put("name", unit);
        if (max != null) {
            yAxis.put("max", max);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 60, "right", 80, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", yAxis);
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> line(String name, List<Double> data, String colour, String dash, String symbol) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("data", data);
        s.put("symbol", symbol);
        s.put("connectNulls", false);
        s.put("itemStyle", Map.of("color", colour));
        s.put("lineStyle", dash == null ? Map.of("color", colour, "width", 2) : Map.of("color", colour, "type", dash));
        return s;
    }

    private static Double round(double kg) {
        return Math.round(kg * 1000) / 1000.0;
    }
}
