package org.reetrace.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The packs a regulator has loaded, and which of them are in force: what ingest and the on-demand checks
 * evaluate. Packs are loaded, listed, enabled and disabled at run time; a pack is identified by name and version,
 * and a loaded version never changes (load a new version instead). At most one version of a pack is enabled:
 * enabling one disables the others. A refused load changes nothing.
 *
 * <p>Thread-safe: changes are serialised and publish a new immutable state; evaluations read whichever state was
 * current when they started, so a pack switch never splits an event's evaluation.
 */
public final class RuleBook {

    /** The packs shipped in core, as classpath resources. */
    public static final List<String> BUNDLED = List.of("/rules/my.rules", "/rules/cn.rules", "/rules/us.rules",
            "/rules/eu.rules");

    /** A loaded pack and whether it is in force. */
    public record Entry(CompiledPack pack, boolean enabled) {
        public String key() {
            return key(pack.name(), pack.version());
        }

        static String key(String name, String version) {
            return name + "@" + version;
        }
    }

    /** The loaded packs by key, and those in force in evaluation order (by key), sorted once per change. */
    private record State(Map<String, Entry> entries, List<CompiledPack> inForce) {
        static State of(Map<String, Entry> entries) {
            return new State(Map.copyOf(entries), entries.values().stream().filter(Entry::enabled)
                    .sorted(Comparator.comparing(Entry::key)).map(Entry::pack).toList());
        }
    }

    private final RuleEngine engine;
    private volatile State state = State.of(Map.of());

    public RuleBook(RuleEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** A rule book with the bundled packs loaded and enabled. */
    public static RuleBook withBundledPacks(RuleEngine engine) {
        RuleBook book = new RuleBook(engine);
        for (String r : BUNDLED) {
            book.load(r, resource(r), true);
        }
        return book;
    }

    public static String resource(String path) {
        try (InputStream in = RuleBook.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no rule pack resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses, compiles and adds a pack. Loading the same name and version again with the same text is a no-op;
     * with different text it is refused.
     *
     * @throws RulePackException for any error in the pack, with rule id, line and column
     */
    public synchronized Entry load(String source, String text, boolean enable) {
        CompiledPack compiled = engine.load(source, text);
        String key = Entry.key(compiled.name(), compiled.version());
        Map<String, Entry> entries = state.entries();
        Entry existing = entries.get(key);
        if (existing != null && !existing.pack().pack().digest().equals(compiled.pack().digest())) {
            throw new RulePackException(source, List.of(new RuleProblem("pack", 1, 0, "pack " + key
                    + " is already loaded with different content; give the new text a new version")));
        }
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        if (existing == null) {
            next.put(key, new Entry(compiled, false));
        }
        state = State.of(next);
        if (enable) {
            enable(compiled.name(), compiled.version());
        }
        return state.entries().get(key);
    }

    public List<Entry> list() {
        List<Entry> l = new ArrayList<>(state.entries().values());
        l.sort((a, b) -> a.key().compareTo(b.key()));
        return l;
    }

    /** Puts a version in force and takes the pack's other versions out. */
    public synchronized void enable(String name, String version) {
        Entry target = require(name, version);
        Map<String, Entry> next = new LinkedHashMap<>();
        state.entries().forEach((k, e) -> next.put(k, e.pack().name().equals(name) ? new Entry(e.pack(), e == target) : e));
        state = State.of(next);
    }

    public synchronized void disable(String name, String version) {
        Entry target = require(name, version);
        Map<String, Entry> next = new LinkedHashMap<>(state.entries());
        next.put(target.key(), new Entry(target.pack(), false));
        state = State.of(next);
    }

    public CompiledPack pack(String name, String version) {
        return require(name, version).pack();
    }

    private Entry require(String name, String version) {
        Map<String, Entry> entries = state.entries();
        Entry e = entries.get(Entry.key(name, version));
        if (e == null) {
            throw new IllegalArgumentException("no rule pack " + name + " version " + version + " is loaded; loaded: "
                    + entries.keySet().stream().sorted().toList());
        }
        return e;
    }

    /** Every enabled pack, for ingest: refuse on {@link Evaluation#block()}, else raise {@link Evaluation#alerts()}. */
    public Evaluation evaluate(RuleContext ctx) {
        return evaluate(ctx, state.inForce());
    }

    /** The enabled packs of some jurisdictions only: the customs pre-check for a destination's laws. */
    public Evaluation evaluate(RuleContext ctx, Set<Jurisdiction> jurisdictions) {
        return evaluate(ctx, state.inForce().stream().filter(p -> jurisdictions.contains(p.pack().jurisdiction())).toList());
    }

    /** One loaded pack, enabled or not, e.g. to assess a lot against a pack version not yet in force. */
    public Evaluation assess(String name, String version, RuleContext ctx) {
        return evaluate(ctx, List.of(pack(name, version)));
    }

    /** @param packs in evaluation order */
    private static Evaluation evaluate(RuleContext ctx, List<CompiledPack> packs) {
        List<Finding> findings = new ArrayList<>();
        for (CompiledPack p : packs) {
            findings.addAll(p.evaluate(ctx));
        }
        return new Evaluation(findings);
    }
}
