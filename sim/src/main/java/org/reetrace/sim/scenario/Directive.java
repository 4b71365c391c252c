package org.reetrace.sim.scenario;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.GeoPoint;

/**
 * One line of a scenario file: a keyword and {@code key=value} pairs, values in double quotes when they hold
 * spaces. Typed getters refuse a missing or malformed value with the line; {@link #done} refuses keys nobody read,
 * so a misspelt key is an error, not a silently ignored default.
 */
final class Directive {

    final int line;
    final String keyword;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    private Directive(int line, String keyword, Map<String, String> values) {
        this.line = line;
        this.keyword = keyword;
        this.values = values;
    }

    static Directive parse(int line, String text) {
        List<String> tokens = tokens(line, text);
        Map<String, String> values = new LinkedHashMap<>();
        for (String t : tokens.subList(1, tokens.size())) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(line, "expected key=value, found '" + t + "'");
            }
            String key = t.substring(0, eq);
            if (values.put(key, unquote(t.substring(eq + 1))) != null) {
                throw new ScenarioException(line, "key '" + key + "' given twice");
            }
        }
        return new Directive(line, tokens.getFirst(), Collections.unmodifiableMap(values));
    }

    private static List<String> tokens(int line, String text) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new ScenarioException(line, "a quoted value is not closed");
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Set<String> keys() {
        return values.keySet();
    }

    String text(String key) {
        read.add(key);
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new ScenarioException(line, keyword + " needs " + key + "=...");
        }
        return v;
    }

    String text(String key, String otherwise) {
        return has(key) ? text(key) : otherwise;
    }

    double number(String key, double min, double max) {
        String v = text(key);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ScenarioException(line, key + " '" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new ScenarioException(line, key + " " + v + " is out of range [" + min + ", " + max + "]");
        }
        return d;
    }

    double number(String key, double min, double max, double otherwise) {
        return has(key) ? number(key, min, max) : otherwise;
    }

    int whole(String key, int min, int max) {
        String v = text(key);
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ScenarioException(line, key + " '" + v + "' is not a whole number");
        }
        if (i < min || i > max) {
            throw new ScenarioException(line, key + " " + i + " is out of range [" + min + ", " + max + "]");
        }
        return i;
    }

    int whole(String key, int min, int max, int otherwise) {
        return has(key) ? whole(key, min, max) : otherwise;
    }

    boolean yesNo(String key, boolean otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        String v = text(key);
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new ScenarioException(line, key + " must be yes or no, not '" + v + "'");
        };
    }

    YearMonth month(String key) {
        String v = text(key);
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw new ScenarioException(line, key + " '" + v + "' is not a month like 2027-01");
        }
    }

    CountryCode country(String key) {
        String v = text(key);
        try {
            return CountryCode.of(v);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(line, key + " '" + v + "' is not an ISO 3166 alpha-2 country code");
        }
    }

    GeoPoint point(String latKey, String lonKey) {
        double lat = number(latKey, -90, 90);
        double lon = number(lonKey, -180, 180);
        return new GeoPoint(lat, lon);
    }

    /** A box "south,west,north,east" in decimal degrees. */
    Box box(String key) {
        String[] p = text(key).split(",");
        if (p.length != 4) {
            throw new ScenarioException(line, key + " must be south,west,north,east");
        }
        try {
            Box b = new Box(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Double.parseDouble(p[3]));
            if (!(b.south() < b.north() && b.west() < b.east())) {
                throw new ScenarioException(line, key + " must have south < north and west < east");
            }
            return b;
        } catch (NumberFormatException e) {
            throw new ScenarioException(line, key + " '" + text(key) + "' must be four numbers");
        }
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        String v = text(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.replace('-', '_'))) {
                return e;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
        throw new ScenarioException(line, key + " '" + v + "' is not one of " + names);
    }

    /** Refuses keys that no getter asked for, except those in {@code free} (e.g. element symbols). */
    void done(Set<String> free) {
        for (String k : values.keySet()) {
            if (!read.contains(k) && !free.contains(k)) {
                throw new ScenarioException(line, keyword + " has no key '" + k + "'");
            }
        }
    }

    void done() {
        done(Set.of());
    }
}
