package org.reetrace.bench.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table {@code reetrace bench} prints and writes: one row a measure (what, on which workload, the figure, its
 * unit, the goal and whether it was met), the machine, JDK and PostgreSQL it ran on, and notes on how each figure was
 * taken. Rendered as plain text, markdown and JSON.
 */
public final class BenchReport {

    /** A measured figure; {@code met} is null where there is no goal. */
    public record Row(String measure, String workload, String figure, String unit, String goal, Boolean met) {
    }

    private final String command;
    private final Map<String, String> environment;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchReport(String command, Map<String, String> environment) {
        this.command = command;
        this.environment = environment;
    }

    void row(String measure, String workload, double value, String unit, String goal, Boolean met) {
        rows.add(new Row(measure, workload, format(value), unit, goal, met));
    }

    /** A figure that is a word, not a number (a setting the run ran under). */
    void setting(String measure, String workload, String figure, String goal, Boolean met) {
        rows.add(new Row(measure, workload, figure, "", goal, met));
    }

    /** p50 and p99 of sorted milliseconds, against a p99 limit in ms ({@code limit < 0}: no goal). */
    void latency(String measure, String workload, double[] sortedMs, String goal, double limit) {
        double p50 = percentile(sortedMs, 50);
        double p99 = percentile(sortedMs, 99);
        rows.add(new Row(measure, workload + ", " + sortedMs.length + " calls",
                String.format(Locale.ROOT, "p50 %.2f / p99 %.2f", p50, p99), "ms", goal, limit < 0 ? null : p99 < limit));
    }

    void note(String note) {
        notes.add(note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String verdict(Boolean met) {
        return met == null ? "" : met ? "met" : "MISSED";
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-58s %22s %-9s %-32s %s%n", "measure", "figure", "unit", "goal", ""));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-58s %22s %-9s %-32s %s%n", r.measure(), r.figure(), r.unit(),
                    r.goal(), verdict(r.met())));
        }
        return b.toString();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# reetrace bench\n\n");
        b.append("| measure | workload | figure | unit | goal | |\n|---|---|---:|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.measure()).append(" | ").append(r.workload()).append(" | ").append(r.figure())
                    .append(" | ").append(r.unit()).append(" | ").append(r.goal()).append(" | ")
                    .append(verdict(r.met())).append(" |\n");
        }
        b.append("\nCommand: `").append(command).append("`\n\n| machine | |\n|---|---|\n");
        environment.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append('\n');
        notes.forEach(n -> b.append("- ").append(n).append('\n'));
        return b.toString();
    }

    public String json() {
        StringBuilder b = new StringBuilder("{\n  \"command\": ").append(quote(command)).append(",\n  \"environment\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : environment.entrySet()) {
            b.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",\n";
        }
        b.append("\n  },\n  \"rows\": [");
        sep = "\n";
        for (Row r : rows) {
            b.append(sep).append("    {\"measure\": ").append(quote(r.measure())).append(", \"workload\": ")
                    .append(quote(r.workload())).append(", \"figure\": ").append(quote(r.figure()))
                    .append(", \"unit\": ").append(quote(r.unit())).append(", \"goal\": ").append(quote(r.goal()))
                    .append(", \"met\": ").append(r.met()).append('}');
            sep = ",\n";
        }
        b.append("\n  ],\n  \"notes\": [");
        sep = "\n";
        for (String n : notes) {
            b.append(sep).append("    ").append(quote(n));
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
