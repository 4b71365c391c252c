package org.reetrace.core.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.registry.Validity;

/**
 * Reads the pack format (see {@code rules/README.md}): {@code key: value} lines, a header first, then one block per
 * rule opened by {@code rule: ID}. A line that starts with a space or tab continues the value above it on a new
 * line (so CEL error lines map back to the file). Lines whose first visible character is {@code #} are comments.
 * The JDK reads it with no YAML or JSON library, and a regulator can read it without knowing either.
 *
 * <p>Everything wrong is collected and reported at once, each with its line; nothing is half-loaded.
 */
public final class RulePackParser {

    private static final Set<String> HEADER_KEYS = Set.of("pack", "version", "jurisdiction", "title", "zone");
    private static final Set<String> RULE_KEYS = Set.of("citation", "effective", "suspended", "unknown", "confirm",
            "applies-to", "severity", "when", "require", "explain", "message");

    private final Set<Jurisdiction> known;

    public RulePackParser(Set<Jurisdiction> known) {
        this.known = Set.copyOf(known);
    }

    /** One key's value and where it is. */
    private record Value(String key, String text, int line, int column) {
    }

    /** @throws RulePackException with every problem found */
    public RulePack parse(String source, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Value> header = new LinkedHashMap<>();
        Map<String, RulePack.Param> params = new LinkedHashMap<>();
        List<List<Value>> blocks = new ArrayList<>();
        List<Value> current = null;
        Value last = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int n = i + 1;
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                if (last == null) {
                    problems.add(new RuleProblem("pack", n, 1, "continuation line with no key above it"));
                    continue;
                }
                Value grown = new Value(last.key, last.text + "\n" + raw, last.line, last.column);
                replaceLast(header, params, current, last, grown);
                last = grown;
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon < 0) {
                problems.add(new RuleProblem("pack", n, 1, "expected 'key: value', got: " + stripped));
                last = null;
                continue;
            }
            String key = raw.substring(0, colon).strip();
            int valueStart = colon + 1;
            while (valueStart < raw.length() && raw.charAt(valueStart) == ' ') {
                valueStart++;
            }
            Value v = new Value(key, raw.substring(valueStart).stripTrailing(), n, valueStart + 1);
            if (key.equals("rule")) {
                current = new ArrayList<>();
                current.add(v);
                blocks.add(current);
            } else if (key.startsWith("param ")) {
                String name = key.substring(6).strip();
                if (current != null) {
                    problems.add(new RuleProblem("pack", n, 1, "params go in the header, before the first rule"));
                } else if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    problems.add(new RuleProblem("pack", n, 1, "param name must be an identifier: " + name));
                } else if (params.containsKey(name)) {
                    problems.add(new RuleProblem("pack", n, 1, "param " + name + " given twice"));
                } else {
                    params.put(name, new RulePack.Param(name, v.text, n, v.column));
                }
            } else if (current == null) {
                if (!HEADER_KEYS.contains(key)) {
                    problems.add(new RuleProblem("pack", n, 1, "unknown header key '" + key + "'; known: "
                            + HEADER_KEYS.stream().sorted().toList() + ", param NAME, rule"));
                } else if (header.put(key, v) != null) {
                    problems.add(new RuleProblem("pack", n, 1, key + " given twice"));
                }
            } else {
                current.add(v);
            }
            last = v;
        }

        String name = required(header, "pack", problems);
        String version = required(header, "version", problems);
        String jurisdictionText = required(header, "jurisdiction", problems);
        Jurisdiction jurisdiction = jurisdiction("pack", header.get("jurisdiction"), jurisdictionText, problems);
        ZoneId zone = ZoneId.of("UTC");
        if (header.containsKey("zone")) {
            try {
                zone = ZoneId.of(header.get("zone").text.strip());
            } catch (DateTimeException e) {
                problems.add(new RuleProblem("pack", header.get("zone").line, header.get("zone").column,
                        "unknown time zone " + header.get("zone").text));
            }
        }
        if (blocks.isEmpty()) {
            problems.add(new RuleProblem("pack", lines.length, 0, "a pack needs at least one rule"));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (List<Value> block : blocks) {
            Rule r = rule(block, jurisdiction, zone, ids, problems);
            if (r != null) {
                rules.add(r);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(source, problems);
        }
        Value title = header.get("title");
        try {
            return new RulePack(name, version, jurisdiction, title == null ? null : title.text, zone, params, rules,
                    source, CanonicalForm.sha256Hex(text));
        } catch (IllegalArgumentException e) {
            throw new RulePackException(source, List.of(new RuleProblem("pack", 1, 0, e.getMessage())));
        }
    }

    private Rule rule(List<Value> block, Jurisdiction jurisdiction, ZoneId zone, Set<String> ids,
                      List<RuleProblem> problems) {
        Value head = block.getFirst();
        String id = head.text.strip();
        int before = problems.size();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add(new RuleProblem(id.isEmpty() ? "?" : id, head.line, head.column,
                    "rule id must be letters, digits, '.', '_' or '-': " + id));
        } else if (!ids.add(id)) {
            problems.add(new RuleProblem(id, head.line, head.column, "rule id " + id + " appears twice in the pack"));
        }
        Map<String, Value> kv = new LinkedHashMap<>();
        List<Validity> suspended = new ArrayList<>();
        List<Validity> unknown = new ArrayList<>();
        for (Value v : block.subList(1, block.size())) {
            if (!RULE_KEYS.contains(v.key)) {
                problems.add(new RuleProblem(id, v.line, 1, "unknown rule key '" + v.key + "'; known: "
                        + RULE_KEYS.stream().sorted().toList()));
            } else if (v.key.equals("suspended") || v.key.equals("unknown")) {
                Validity s = period(id, v, zone, problems);
                if (s != null) {
                    (v.key.equals("suspended") ? suspended : unknown).add(s);
                }
            } else if (kv.put(v.key, v) != null) {
                problems.add(new RuleProblem(id, v.line, 1, v.key + " given twice in rule " + id));
            }
        }
        for (String k : List.of("citation", "effective", "applies-to", "severity", "require", "message")) {
            if (!kv.containsKey(k)) {
                problems.add(new RuleProblem(id, head.line, 0, "rule " + id + " has no " + k));
            }
        }
        Validity effective = kv.containsKey("effective") ? period(id, kv.get("effective"), zone, problems) : null;
        Set<Subject> subjects = EnumSet.noneOf(Subject.class);
        if (kv.containsKey("applies-to")) {
            Value v = kv.get("applies-to");
            for (String s : v.text.split("[,\\s]+")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    subjects.add(Subject.valueOf(s));
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(id, v.line, v.column, "unknown subject " + s + "; known: "
                            + List.of(Subject.values())));
                }
            }
        }
        Severity severity = null;
        if (kv.containsKey("severity")) {
            Value v = kv.get("severity");
            try {
                severity = Severity.valueOf(v.text.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(id, v.line, v.column, "severity must be BLOCK or FLAG, not " + v.text.strip()));
            }
        }
        if (problems.size() > before || jurisdiction == null) {
            return null; // a header without a known jurisdiction is already reported
        }
        try {
            return new Rule(id, jurisdiction, text(kv.get("citation")), effective, suspended, unknown,
                    text(kv.get("confirm")), subjects, severity,
                    expr(kv.get("when")), expr(kv.get("require")), expr(kv.get("explain")),
                    text(kv.get("message")), head.line);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(id, head.line, 0, e.getMessage()));
            return null;
        }
    }

    private Jurisdiction jurisdiction(String where, Value v, String text, List<RuleProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            Jurisdiction j = Jurisdiction.of(text.strip());
            if (!known.contains(j)) {
                problems.add(new RuleProblem(where, v.line, v.column, "unknown jurisdiction " + j + "; known: "
                        + known.stream().sorted().toList()));
                return null;
            }
            return j;
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(where, v.line, v.column, e.getMessage()));
            return null;
        }
    }

    /** {@code FROM..UNTIL} in calendar dates, either side may be empty; UNTIL is the first day no longer covered. */
    private static Validity period(String id, Value v, ZoneId zone, List<RuleProblem> problems) {
        String t = v.text.strip();
        int dots = t.indexOf("..");
        if (dots < 0) {
            problems.add(new RuleProblem(id, v.line, v.column, "a period is written FROM..UNTIL (dates, either may be empty): " + t));
            return null;
        }
        try {
            String from = t.substring(0, dots).strip();
            String until = t.substring(dots + 2).strip();
            return Validity.ofDates(from.isEmpty() ? null : LocalDate.parse(from),
                    until.isEmpty() ? null : LocalDate.parse(until), zone);
        } catch (DateTimeException | IllegalArgumentException e) {
            problems.add(new RuleProblem(id, v.line, v.column, "bad period " + t + ": " + e.getMessage()));
            return null;
        }
    }

    private static String required(Map<String, Value> header, String key, List<RuleProblem> problems) {
        Value v = header.get(key);
        if (v == null || v.text.isBlank()) {
            problems.add(new RuleProblem("pack", 1, 0, "the pack header needs '" + key + ":'"));
            return null;
        }
        return v.text.strip();
    }

    private static String text(Value v) {
        return v == null ? null : v.text.lines().map(String::strip).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static Rule.Expression expr(Value v) {
        return v == null ? null : new Rule.Expression(v.text, v.line, v.column);
    }

    private static void replaceLast(Map<String, Value> header, Map<String, RulePack.Param> params, List<Value> current,
                                    Value last, Value grown) {
        if (last.key.startsWith("param ")) {
            String name = last.key.substring(6).strip();
            RulePack.Param p = params.get(name);
            if (p != null) {
                params.put(name, new RulePack.Param(name, grown.text, p.line(), p.column()));
            }
        } else if (current != null && !current.isEmpty() && current.getLast() == last) {
            current.set(current.size() - 1, grown);
        } else if (header.get(last.key) == last) {
            header.put(last.key, grown);
        }
    }
}
