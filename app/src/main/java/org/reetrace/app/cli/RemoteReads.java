package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.reetrace.app.registry.RegistryChangeJson;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.reetrace.app.cli.ServerClient.list;
import static org.reetrace.app.cli.ServerClient.segment;

/**
 * The reading commands answered by a running server over its API: each prints, from the API's JSON, the same text
 * as the command prints from the database it opens ({@code ReadingCommandsIT} holds both to it).
 */
final class RemoteReads {

    private RemoteReads() {
    }

    static int trace(TraceCommand c, ServerClient server) {
        String direction = c.downstream ? "downstream" : "upstream";
        JsonNode trace = server.get("api/lots/" + segment(c.lot) + "/trace", "direction", direction, "depth",
                Integer.toString(c.depth));
        JsonNode pedigree = server.get("api/lots/" + segment(c.lot) + "/pedigree");
        PrintWriter out = c.out();
        List<JsonNode> lots = list(trace.get("lots"));
        List<JsonNode> steps = list(trace.get("steps"));
        int withheld = trace.path("withheldLots").asInt(0);
        out.printf("%s trace of %s: %d lots, %d transformations%n", direction, c.lot, lots.size() + withheld, steps.size());
        Map<String, List<String>> next = new HashMap<>();
        for (JsonNode step : steps) {
            for (JsonNode from : step.path(c.downstream ? "inputs" : "outputs")) {
                List<String> to = next.computeIfAbsent(from.asString(), k -> new ArrayList<>());
                step.path(c.downstream ? "outputs" : "inputs").forEach(n -> to.add(n.asString()));
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        lots.forEach(l -> byId.put(l.path("lot").path("id").asString(), l));
        printTrace(out, c.lot, byId, next, "", new HashSet<>());
        out.println();
        out.println("origin of the elements in " + c.lot + ":");
        // countries in the order the pedigree's paths first name them, as the lot's own pedigree groups them
        Set<String> countries = new LinkedHashSet<>();
        list(pedigree.get("paths")).forEach(p -> countries.add(p.path("origin").path("country").asString()));
        JsonNode byCountry = pedigree.path("byOriginCountry");
        for (Element e : Element.values()) {
            long total = pedigree.path("compositionMg").path(e.symbol()).asLong(0);
            if (total == 0) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("  %-2s %14s kg", e.symbol(),
                    Mass.ofMilligrams(total).kilograms().toPlainString()));
            for (String country : countries) {
                long mg = byCountry.path(country).path("compositionMg").path(e.symbol()).asLong(0);
                if (mg > 0) {
                    line.append(String.format("  %s %.2f %%", country, 100.0 * mg / total));
                }
            }
            out.println(line);
        }
        return Commands.OK;
    }

    private static void printTrace(PrintWriter out, String id, Map<String, JsonNode> lots, Map<String, List<String>> next,
                                   String indent, Set<String> shown) {
        JsonNode node = lots.get(id);
        if (node == null) {
            out.printf("%s%s  (another holder's lot, withheld)%n", indent, id);
            return;
        }
        JsonNode lot = node.path("lot");
        JsonNode created = node.path("createdBy");
        boolean known = created.isObject() && created.has("type");
        out.printf("%s%s  %s %s kg at %s (%s)  made by %s %s%n", indent, id, lot.path("form").asString(),
                lot.path("massKg").decimalValue().toPlainString(), lot.path("facility").asString(),
                lot.path("status").asString(), known ? created.path("type").asString() : "?",
                known ? created.path("id").asString() : "");
        if (!shown.add(id)) {
            return;
        }
        for (String other : next.getOrDefault(id, List.of())) {
            printTrace(out, other, lots, next, indent + "  ", shown);
        }
    }

    static int reconcile(ReconcileCommand c, ServerClient server, YearMonth start, YearMonth end, String csv,
                         int partnerRows) {
        ServerClient.Answer trade = server.askPost("api/mirror-trade", "text/csv", csv, "from", start.toString(), "to",
                end.toString());
        PrintWriter o = c.out();
        int code = Commands.OK;
        if (trade.ok()) {
            o.printf("Mirror trade %s to %s (%d partner rows)%n", start, end, partnerRows);
            o.printf("%-8s %-7s %12s %12s %12s %16s %16s%n", "partner", "hs6", "partner t", "declared t", "gap t",
                    "gap value USD", "lost royalty USD");
            for (JsonNode l : list(trade.body().get("lines"))) {
                tradeLine(o, l.path("partner").isNull() ? "" : l.path("partner").asString(""), l);
            }
            tradeLine(o, "total", trade.body().path("total"));
            list(trade.body().get("alerts")).forEach(a -> o.printf("ALERT %s%n", a.asString()));
        } else if (trade.status() == 422) {
            o.printf("Mirror trade %s to %s: no data: %s%n", start, end, trade.detail());
            code = Commands.FAILURE;
        } else {
            throw new CommandFailure(server.refusal(trade.status(), trade.body()));
        }
        o.printf("%nMaterial balances %s to %s (REE basis; MUF and its expectation in kg, sigma root-sum-square of the"
                + " months)%n", start, end);
        o.printf("%-22s %6s %14s %12s %12s %10s %8s %6s%n", "facility", "months", "throughput t", "MUF kg", "expected kg",
                "sigma kg", "CUSUM", "alarms");
        List<String> facilities = list(server.get("api/facilities")).stream().map(f -> f.path("id").asString())
                .sorted().toList();
        for (String f : facilities) {
            ServerClient.Answer balances = server.askGet("api/facilities/" + segment(f) + "/balances", "from",
                    start.toString(), "to", end.toString());
            if (balances.status() == 404) {
                // nothing in the period; a facility that never booked anything has no balances at all, and no line
                if (server.askGet("api/facilities/" + segment(f) + "/balances").ok()) {
                    o.printf("%-22s no data: booked no event in the period%n", f);
                }
                continue;
            }
            if (!balances.ok()) {
                throw new CommandFailure(server.refusal(balances.status(), balances.body()));
            }
            balanceSummary(o, f, list(balances.body().get("months")));
        }
        o.flush();
        return code;
    }

    private static void balanceSummary(PrintWriter o, String facility, List<JsonNode> months) {
        int measured = 0;
        double throughput = 0;
        double muf = 0;
        double expected = 0;
        double variance = 0;
        double maxCusum = 0;
        int alarms = 0;
        for (JsonNode m : months) {
            if (!m.path("measured").asBoolean()) {
                continue;
            }
            measured++;
            throughput += number(m.path("throughputKg")) * 1e6;
            muf += number(m.path("mufKg")) * 1e6;
            expected += number(m.path("expectedLossKg")) * 1e6;
            double sigma = number(m.path("sigmaMufKg")) * 1e6;
            variance += sigma * sigma;
            if (m.hasNonNull("cusum")) {
                maxCusum = Math.max(maxCusum, number(m.get("cusum")));
                alarms += m.path("alarm").asBoolean() ? 1 : 0;
            }
        }
        if (measured == 0) {
            o.printf("%-22s no data: booked no event in the period%n", facility);
            return;
        }
        o.printf(Locale.ROOT, "%-22s %6d %14.3f %12.1f %12.1f %10.1f %8s %6d%n", facility, measured, throughput / 1e9,
                muf / 1e6, expected / 1e6, Math.sqrt(variance) / 1e6,
                Double.isFinite(maxCusum) ? String.format(Locale.ROOT, "%.2f", maxCusum) : "inf", alarms);
    }

    private static void tradeLine(PrintWriter o, String partner, JsonNode l) {
        o.printf(Locale.ROOT, "%-8s %-7s %12.3f %12.3f %12.3f %16s %16s%n", partner, l.path("hs6").asString(),
                number(l.path("partnerTonnes")), number(l.path("declaredTonnes")), number(l.path("gapTonnes")),
                l.path("gapValueUsd").decimalValue().toPlainString(),
                l.path("lostRoyaltyUsd").decimalValue().toPlainString());
    }

    /** A double as Jackson writes it: a number, or the text Infinity, -Infinity or NaN. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asString());
    }

    static int registryShow(RegistryCommand.Show c, ServerClient server) {
        List<JsonNode> operators = list(server.get("api/operators"));
        List<JsonNode> facilities = list(server.get("api/facilities"));
        List<JsonNode> licences = list(server.get("api/licences"));
        List<JsonNode> zones = list(server.get("api/zones"));
        List<JsonNode> agreements = list(server.get("api/agreements"));
        PrintWriter out = c.out();
        out.printf("registry as of %s%n%noperators%n", Instant.now());
        operators.stream().sorted(by("id")).forEach(o -> {
            boolean linked = o.path("stateLinked").asBoolean();
            out.printf("  %-16s %-2s %-40s state %s %s %%%s%n", o.path("id").asString(), o.path("country").asString(),
                    o.path("name").asString(), o.path("country").asString(),
                    o.path("stateShare").decimalValue().stripTrailingZeros().toPlainString(),
                    linked ? " (state-linked)" : "");
        });
        out.printf("%nfacilities%n");
        facilities.stream().sorted(by("id")).forEach(f -> out.printf("  %-16s %-18s %-16s %s%n", f.path("id").asString(),
                f.path("kind").asString(), f.path("operator").asString(), list(f.get("technology")).stream()
                        .map(p -> p.path("process").asString() + " (" + p.path("licensorCountry").asString() + ")")
                        .collect(Collectors.joining(", "))));
        out.printf("%nlicences%n");
        licences.stream().sorted(by("id")).forEach(l -> out.printf("  %-22s %-24s %-16s %s%s%n", l.path("id").asString(),
                l.path("kind").asString(), l.path("holder").asString(), validity(l),
                l.hasNonNull("annualQuotaKg") ? "  quota " + l.get("annualQuotaKg").decimalValue().toPlainString()
                        + " kg/year" : ""));
        out.printf("%nzones%n");
        zones.stream().sorted(by("code")).forEach(z -> out.printf("  %-16s %-32s %s  %s%n", z.path("code").asString(),
                z.path("kind").asString(), z.path("name").asString(), validity(z)));
        out.printf("%ntechnology agreements%n");
        agreements.stream().sorted(by("id")).forEach(a -> out.printf("  %-16s %s (%s) grants %s to %s, %s%n",
                a.path("id").asString(), a.path("licensor").asString(), a.path("licensorCountry").asString(),
                a.path("category").asString(), a.path("recipient").asString(), validity(a)));
        return Commands.OK;
    }

    static int stateLink(RegistryCommand.StateLinkOf c, ServerClient server) {
        c.out().println(server.get("api/operators/" + segment(c.operator) + "/state-link", "at", c.at)
                .path("explanation").asString());
        return Commands.OK;
    }

    static int history(RegistryCommand.History c, ServerClient server) {
        List<JsonNode> history = list(server.get("api/registry/history"));
        for (JsonNode v : history) {
            JsonNode effective = v.get("effective");
            c.out().printf("%5d  effective %s  recorded %s  by %-20s %s%n", v.path("sequence").asLong(),
                    effective == null || effective.isNull() ? Instant.MIN.toString() : effective.asString(),
                    // as the database keeps it, rounded to the microsecond: a server answers from memory, to the nanosecond
                    Instant.parse(v.path("recorded").asString()).plusNanos(500).truncatedTo(ChronoUnit.MICROS),
                    v.path("author").asString(),
                    RegistryCommand.History.describe(RegistryChangeJson.read(v.path("change"))));
        }
        c.out().printf("%d changes%n", history.size());
        return Commands.OK;
    }

    /** A validity as {@code Validity} prints it: {@code from..until}, either side empty when open. */
    private static String validity(JsonNode n) {
        return n.path("from").asString("") + ".." + n.path("until").asString("");
    }

    private static Comparator<JsonNode> by(String member) {
        return Comparator.comparing(n -> n.path(member).asString());
    }
}
