package org.reetrace.sim.fraud;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;

import org.reetrace.sim.scenario.FraudType;

/**
 * One injected fraud instance, written beside the events: what happened, where ({@code subject}: a facility, a
 * lot or a partner country), in which month, the event that carries it (if any), and how much material it
 * concerns in kg (rare-earth elements diverted, lot mass laundered, tonnage not declared...).
 */
public record GroundTruth(FraudType type, String subject, YearMonth month, String event, double quantityKg,
                          String note) {

    public GroundTruth {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(month, "month");
        note = note == null ? "" : note;
    }

    /** One JSON object on one line. */
    public String jsonLine() {
        return "{\"type\":\"" + type.label() + "\",\"subject\":" + quote(subject) + ",\"month\":\"" + month
                + "\",\"event\":" + (event == null ? "null" : quote(event)) + ",\"quantityKg\":"
                + String.format(Locale.ROOT, "%.3f", quantityKg) + ",\"note\":" + quote(note) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
