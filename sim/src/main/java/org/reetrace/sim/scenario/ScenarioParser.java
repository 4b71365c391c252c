package org.reetrace.sim.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.core.analytics.MeasurementModel;
import org.reetrace.core.analytics.Uncertainty;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.CountryCode;

/**
 * Reads the scenario format: one directive a line, {@code keyword key=value ...}, {@code #} starts a comment.
 * Keywords: scenario, measure, partner-reporting, signature, operator, mine, plant, port, disposal, buyer, zone,
 * fraud (the default file, {@code malaysia.scenario}, shows every key). The JDK reads it with no library, every
 * error names its line, unknown keywords and keys are errors, and references (an operator, a destination, a
 * signature) are checked after the whole file is read, still with the line that made them. Measurement lines may
 * leave forms out; those take {@link MeasurementModel#DEFAULT}.
 */
public final class ScenarioParser {

    private ScenarioParser() {
    }

    public static Scenario parse(String text) {
        return new Reading().read(text);
    }

    private static final class Reading {
        Directive header;
        String name;
        YearMonth start;
        int months;
        int baseline;
        int scale;
        double royalty;
        MeasurementModel measurement = MeasurementModel.DEFAULT;
        Scenario.PartnerReporting partner = new Scenario.PartnerReporting(0.005, 0.05, 5, 25);
        final Map<String, Scenario.Signature> signatures = new LinkedHashMap<>();
        final Map<String, Integer> signatureLines = new HashMap<>();
        final List<Scenario.OperatorSpec> operators = new ArrayList<>();
        final List<Scenario.MineSpec> mines = new ArrayList<>();
        final List<Scenario.PlantSpec> plants = new ArrayList<>();
        final List<Scenario.SiteSpec> sites = new ArrayList<>();
        final List<Scenario.BuyerSpec> buyers = new ArrayList<>();
        final List<Scenario.ZoneSpec> zones = new ArrayList<>();
        final List<FraudSpec> frauds = new ArrayList<>();
        final Map<String, Integer> facilityIds = new HashMap<>();
        final Map<String, Integer> operatorIds = new HashMap<>();

        Scenario read(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String s = lines[i];
                int hash = s.indexOf('#');
                if (hash >= 0 && s.lastIndexOf('"', hash) < 0) {
                    s = s.substring(0, hash);
                }
                if (s.isBlank()) {
                    continue;
                }
                directive(Directive.parse(i + 1, s.strip()));
            }
            if (header == null) {
                throw new ScenarioException(Math.max(1, lines.length), "no 'scenario' line: a scenario needs name, start and months");
            }
            check();
            return new Scenario(name, start, months, baseline, scale, measurement, partner, royalty, signatures,
                    operators, mines, plants, sites, buyers, zones, frauds);
        }

        private void directive(Directive d) {
            switch (d.keyword) {
                case "scenario" -> {
                    if (header != null) {
                        throw new ScenarioException(d.line, "a second 'scenario' line (the first is line " + header.line + ")");
                    }
                    header = d;
                    name = d.text("name");
                    start = d.month("start");
                    months = d.whole("months", 1, 1200);
                    baseline = d.whole("baseline-months", 0, 1200, 12);
                    scale = d.whole("scale", 1, 100_000, 1);
                    royalty = d.number("royalty", 0, 1, 0.12);
                    if (baseline >= months) {
                        throw new ScenarioException(d.line, "baseline-months " + baseline + " leaves no month after it in "
                                + months);
                    }
                    d.done();
                }
                case "measure" -> {
                    MaterialForm form = d.choice("form", MaterialForm.class);
                    measurement = measurement.with(form, new Uncertainty(d.number("weighing", 0, 0.5),
                            d.number("grade", 0, 0.5), d.number("element", 0, 0.5), d.number("systematic", 0, 0.5)));
                    d.done();
                }
                case "partner-reporting" -> {
                    int min = d.whole("transit-days-min", 0, 120);
                    int max = d.whole("transit-days-max", 0, 120);
                    if (max < min) {
                        throw new ScenarioException(d.line, "transit-days-max " + max + " is below transit-days-min " + min);
                    }
                    partner = new Scenario.PartnerReporting(d.number("mass-rsd", 0, 0.5), d.number("value-rsd", 0, 0.5),
                            min, max);
                    d.done();
                }
                case "signature" -> signature(d);
                case "operator" -> {
                    String id = unique(d, operatorIds, "operator");
                    operators.add(new Scenario.OperatorSpec(id, d.text("name"), d.country("country"),
                            d.yesNo("state-linked", false), d.line));
                    d.done();
                }
                case "mine" -> mine(d);
                case "plant" -> plant(d);
                case "port", "disposal" -> {
                    String id = unique(d, facilityIds, "facility");
                    sites.add(new Scenario.SiteSpec(id, d.text("operator"), d.text("name"),
                            d.keyword.equals("port") ? Scenario.SiteKind.PORT : Scenario.SiteKind.DISPOSAL,
                            d.point("lat", "lon"), d.line));
                    d.done();
                }
                case "buyer" -> {
                    buyers.add(new Scenario.BuyerSpec(d.text("name"), d.country("country"), d.choice("product", Product.class),
                            d.number("weight", 0, 1e9, 1), d.line));
                    d.done();
                }
                case "zone" -> {
                    zones.add(new Scenario.ZoneSpec(d.text("id"), d.text("name"), d.box("box"), d.line));
                    d.done();
                }
                case "fraud" -> fraud(d);
                default -> throw new ScenarioException(d.line, "unknown keyword '" + d.keyword + "'; expected one of "
                        + "scenario, measure, partner-reporting, signature, operator, mine, plant, port, disposal, "
                        + "buyer, zone, fraud");
            }
        }

        private void signature(Directive d) {
            String id = d.text("id");
            if (signatureLines.put(id, d.line) != null) {
                throw new ScenarioException(d.line, "signature '" + id + "' is already defined on line " + signatureLines.get(id));
            }
            Map<Element, Double> pct = new EnumMap<>(Element.class);
            Set<String> symbols = new HashSet<>();
            for (String k : d.keys()) {
                if (k.equals("id") || k.equals("synthetic") || k.equals("source")) {
                    continue;
                }
                Element e = Element.bySymbol(k).filter(Element::isRareEarth)
                        .orElseThrow(() -> new ScenarioException(d.line, "signature key '" + k
                                + "' is neither id, synthetic, source nor a rare-earth symbol"));
                pct.put(e, d.number(k, 0, 100));
                symbols.add(k);
            }
            double sum = pct.values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 100) > 1.0) {
                throw new ScenarioException(d.line, "signature '" + id + "' adds up to " + String.format(java.util.Locale.ROOT, "%.2f", sum)
                        + " % of TREO, not 100 (+-1)");
            }
            signatures.put(id, new Scenario.Signature(id, d.yesNo("synthetic", false), d.text("source"), pct));
            d.done(symbols);
        }

        private void mine(Directive d) {
            String id = unique(d, facilityIds, "facility");
            Scenario.MineKind kind = d.choice("kind", Scenario.MineKind.class);
            boolean amang = kind == Scenario.MineKind.AMANG;
            mines.add(new Scenario.MineSpec(id, d.text("operator"), d.text("name"), kind, d.text("state"),
                    d.point("lat", "lon"), d.box("lease"), d.text("signature"),
                    amang ? d.text("xenotime") : null, amang ? d.number("xenotime-share", 0, 1) : 0,
                    d.number("variability", 0, 1), d.number("grade", 0.0001, 100), d.number("th-ppm", 0, 1e6, 0),
                    d.number("u-ppm", 0, 1e6, 0), d.whole("lots-per-month", 1, 10_000), d.number("lot-t", 0.001, 1e7),
                    d.number("seasonal", 0, 0.9, 0), d.number("noise", 0, 1, 0), d.number("quota-t", 0, 1e12),
                    d.text("to"), amang ? null : d.country("tech"),
                    amang ? 0 : d.number("loss", 0, 0.99),
                    amang ? 0 : d.number("loss-sd", 0, 0.5), d.line));
            d.done();
        }

        private void plant(Directive d) {
            String id = unique(d, facilityIds, "facility");
            Scenario.PlantKind kind = d.choice("kind", Scenario.PlantKind.class);
            boolean sep = kind == Scenario.PlantKind.SEPARATION;
            boolean cracks = sep || kind == Scenario.PlantKind.CRACKING;
            plants.add(new Scenario.PlantSpec(id, d.text("operator"), d.text("name"), kind, d.text("state"),
                    d.point("lat", "lon"), d.country("tech"), d.number("loss", 0, 0.99), d.number("loss-sd", 0, 0.5),
                    d.number("capacity-t", 0, 1e9), d.number("lot-t", 0.001, 1e7),
                    kind == Scenario.PlantKind.MAGNET ? null : d.text("to", sep ? null : d.text("to")),
                    sep ? d.number("forward-share", 0, 1, 0) : 1,
                    sep || kind == Scenario.PlantKind.MAGNET ? d.text("port") : null,
                    cracks ? d.text("disposal") : null, d.line));
            d.done();
        }

        private void fraud(Directive d) {
            FraudType type = d.choice("type", FraudType.class);
            YearMonth from = d.month("start");
            String target = type == FraudType.UNDECLARED_EXPORT ? d.text("target", null) : d.text("target");
            double amount = switch (type) {
                case PROTRACTED_DIVERSION, ABRUPT_THEFT, UNDER_DECLARED_EXPORT, SLOW_DIVERSION, ELEMENT_SKIM,
                     TRANSIT_SKIM -> d.number("amount", 0.0001, 0.99);
                case LAUNDERED_ORE, FOREST_RESERVE_MINING, MISDECLARED_EXPORT, LOST_IN_TRANSIT, ROUND_TRIP,
                     LOOKALIKE_BLEND -> d.number("amount", 1, 1000);
                case RESIDUE_DILUTION -> d.number("amount", 2, 10_000, 100);
                case QUOTA_OVERRUN -> d.number("amount", 1.01, 100);
                case UNDECLARED_EXPORT -> d.number("amount", 0.001, 1e9);
                case RESIDUE_NOT_DISPOSED, CHINESE_TECHNOLOGY_UNLINKED -> d.number("amount", 0, 1, 1);
            };
            CountryCode country = switch (type) {
                case UNDER_DECLARED_EXPORT, UNDECLARED_EXPORT, MISDECLARED_EXPORT, ROUND_TRIP -> d.country("country");
                default -> null;
            };
            String reference = switch (type) {
                case LAUNDERED_ORE, FOREST_RESERVE_MINING, LOOKALIKE_BLEND -> d.text("reference");
                default -> null;
            };
            frauds.add(new FraudSpec(type, target, from, amount, country, reference, d.line));
            d.done();
        }

        private static String unique(Directive d, Map<String, Integer> seen, String what) {
            String id = d.text("id");
            Integer before = seen.putIfAbsent(id, d.line);
            if (before != null) {
                throw new ScenarioException(d.line, what + " id '" + id + "' is already used on line " + before);
            }
            return id;
        }

        private void check() {
            for (Scenario.MineSpec m : mines) {
                operator(m.operator(), m.line());
                signature(m.signature(), m.line());
                if (m.xenotime() != null) {
                    signature(m.xenotime(), m.line());
                }
                facility(m.to(), m.line());
            }
            for (Scenario.PlantSpec p : plants) {
                operator(p.operator(), p.line());
                for (String ref : new String[] {p.to(), p.port(), p.disposal()}) {
                    if (ref != null) {
                        facility(ref, p.line());
                    }
                }
            }
            for (Scenario.SiteSpec s : sites) {
                operator(s.operator(), s.line());
            }
            for (FraudSpec f : frauds) {
                if (f.target() != null) {
                    facility(f.target(), f.line());
                }
                if (f.start().isBefore(start) || f.start().isAfter(start.plusMonths(months - 1L))) {
                    throw new ScenarioException(f.line(), "fraud start " + f.start() + " lies outside the scenario ("
                            + start + " to " + start.plusMonths(months - 1L) + ")");
                }
                String kinds = targetKinds(f.type());
                if (kinds != null && !kinds.contains(" " + kindOf(f.target()) + " ")) {
                    throw new ScenarioException(f.line(), f.type().label() + " acts at " + String.join(" or ",
                            kinds.strip().split(" ")) + ", not at " + f.target() + " (" + kindOf(f.target()) + ")");
                }
                if (f.type() == FraudType.LAUNDERED_ORE || f.type() == FraudType.LOOKALIKE_BLEND) {
                    signature(f.reference(), f.line());
                }
                if (f.type() == FraudType.FOREST_RESERVE_MINING && zones.stream().noneMatch(z -> z.id().equals(f.reference()))) {
                    throw new ScenarioException(f.line(), "no zone '" + f.reference() + "' in the scenario");
                }
            }
        }

        /** The kinds of facility a new fraud type can act at, space-separated with a space on each side; null for any. */
        private static String targetKinds(FraudType type) {
            return switch (type) {
                case SLOW_DIVERSION -> " ion-clay concentrator ";
                case ELEMENT_SKIM -> " separation ";
                case RESIDUE_DILUTION -> " separation cracking ";
                case ROUND_TRIP -> " port ";
                case LOOKALIKE_BLEND -> " ion-clay amang ";
                default -> null;
            };
        }

        /** A facility's kind as the scenario file spells it (ion-clay, amang, concentrator, ..., port, disposal). */
        private String kindOf(String id) {
            for (Scenario.MineSpec m : mines) {
                if (m.id().equals(id)) {
                    return m.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                }
            }
            for (Scenario.PlantSpec p : plants) {
                if (p.id().equals(id)) {
                    return p.kind().name().toLowerCase(java.util.Locale.ROOT);
                }
            }
            for (Scenario.SiteSpec x : sites) {
                if (x.id().equals(id)) {
                    return x.kind().name().toLowerCase(java.util.Locale.ROOT);
                }
            }
            return "?";
        }

        private void operator(String id, int line) {
            if (!operatorIds.containsKey(id)) {
                throw new ScenarioException(line, "no operator '" + id + "' in the scenario");
            }
        }

        private void facility(String id, int line) {
            if (!facilityIds.containsKey(id)) {
                throw new ScenarioException(line, "no facility '" + id + "' in the scenario");
            }
        }

        private void signature(String id, int line) {
            if (!signatures.containsKey(id)) {
                throw new ScenarioException(line, "no signature '" + id + "' in the scenario");
            }
        }
    }
}
