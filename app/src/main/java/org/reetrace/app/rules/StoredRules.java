package org.reetrace.app.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reetrace.core.rules.Evaluation;
import org.reetrace.core.rules.Jurisdiction;
import org.reetrace.core.rules.RuleBook;
import org.reetrace.core.rules.RuleContext;
import org.reetrace.core.rules.RuleEngine;
import org.reetrace.core.rules.RulePack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule book in force, kept in {@code rule_pack} so that it is rebuilt as it was after a restart: every loaded
 * pack's text and whether it is in force, and in {@code rule_pack_audit} who loaded, enabled or disabled what.
 * Packs are compiled once, at load (bench's RuleEvaluationBenchmark times an event's evaluation after that).
 *
 * <p>A change is made to the stored rows and to the in-memory book together; the book refuses a bad pack before
 * anything is stored, and a failed store rebuilds the book from the rows, so the two never disagree.
 */
@Repository
public class StoredRules {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RuleEngine engine = RuleEngine.standard();
    private volatile RuleBook book;

    public StoredRules(JdbcClient jdbc, TransactionTemplate tx, Clock clock, RuleSettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        storeBundledPacks(settings.bundledPacks() == RuleSettings.BundledPacks.ENABLED);
        this.book = rebuild();
    }

    /**
     * Stores a shipped pack the first time this database sees its name and version; it goes in force only if no
     * version of that pack is stored yet, so a regulator's choice is never overridden by an upgrade.
     */
    private void storeBundledPacks(boolean enable) {
        for (String resource : RuleBook.BUNDLED) {
            String text = RuleBook.resource(resource);
            RulePack pack = engine.load(resource, text).pack();
            boolean known = jdbc.sql("select count(*) from rule_pack where name = ?").param(pack.name())
                    .query(Long.class).single() > 0;
            boolean stored = jdbc.sql("select count(*) from rule_pack where name = ? and version = ?")
                    .params(pack.name(), pack.version()).query(Long.class).single() > 0;
            if (!stored) {
                tx.executeWithoutResult(s -> {
                    insert(pack, "bundled:" + resource, text, enable && !known, "reetrace");
                    if (enable && !known) {
                        audit(pack.name(), pack.version(), "ENABLED", "reetrace");
                    }
                });
            }
        }
    }

    private RuleBook rebuild() {
        RuleBook b = new RuleBook(engine);
        record Stored(String source, String text, boolean enabled) {
        }
        List<Stored> rows = jdbc.sql("select source, text, enabled from rule_pack order by loaded_at, name, version")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
        for (Stored s : rows) {
            b.load(s.source(), s.text(), s.enabled());
        }
        return b;
    }

    public RuleBook book() {
        return book;
    }

    public Evaluation evaluate(RuleContext ctx) {
        return book.evaluate(ctx);
    }

    public Evaluation evaluate(RuleContext ctx, Set<Jurisdiction> jurisdictions) {
        return book.evaluate(ctx, jurisdictions);
    }

    public Set<Jurisdiction> jurisdictionsInForce() {
        Set<Jurisdiction> s = new HashSet<>();
        book.list().stream().filter(RuleBook.Entry::enabled).forEach(e -> s.add(e.pack().pack().jurisdiction()));
        return s;
    }

    public List<RulePackView> list() {
        List<RulePackView> rows = new ArrayList<>();
        for (RuleBook.Entry e : book.list()) {
            RulePack p = e.pack().pack();
            var meta = jdbc.sql("select loaded_at, loaded_by from rule_pack where name = ? and version = ?")
                    .params(p.name(), p.version())
                    .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2)}).optional();
            rows.add(new RulePackView(p.name(), p.version(), p.jurisdiction().code(), p.title(), p.digest(), p.source(),
                    e.enabled(), p.rules().size(), meta.map(m -> (java.time.Instant) m[0]).orElse(null),
                    meta.map(m -> (String) m[1]).orElse(null)));
        }
        return rows;
    }

    /**
     * Compiles and stores a pack; loading the same name, version and text again changes nothing.
     *
     * @throws org.reetrace.core.rules.RulePackException with rule id, line and column; nothing changed
     */
    public synchronized RulePackView load(String source, String text, boolean enable, String author) {
        RulePack pack = engine.load(source, text).pack();
        boolean stored = jdbc.sql("select count(*) from rule_pack where name = ? and version = ?")
                .params(pack.name(), pack.version()).query(Long.class).single() > 0;
        book.load(source, text, false); // refuses a different text under a loaded name and version
        try {
            tx.executeWithoutResult(s -> {
                if (!stored) {
                    insert(pack, source, text, false, author);
                }
                if (enable) {
                    setEnabled(pack.name(), pack.version(), true, author);
                }
            });
        } catch (RuntimeException e) {
            book = rebuild();
            throw e;
        }
        book = rebuild();
        return find(pack.name(), pack.version());
    }

    /** Puts a version in force and takes the pack's other versions out. */
    public synchronized RulePackView enable(String name, String version, String author) {
        book.pack(name, version); // IllegalArgumentException naming what is loaded
        tx.executeWithoutResult(s -> setEnabled(name, version, true, author));
        book = rebuild();
        return find(name, version);
    }

    public synchronized RulePackView disable(String name, String version, String author) {
        book.pack(name, version);
        tx.executeWithoutResult(s -> setEnabled(name, version, false, author));
        book = rebuild();
        return find(name, version);
    }

    private RulePackView find(String name, String version) {
        return list().stream().filter(r -> r.name().equals(name) && r.version().equals(version)).findFirst()
                .orElseThrow();
    }

    private void setEnabled(String name, String version, boolean enabled, String author) {
        if (enabled) {
            jdbc.sql("update rule_pack set enabled = false where name = ? and version <> ? and enabled")
                    .params(name, version).update();
        }
        jdbc.sql("update rule_pack set enabled = ? where name = ? and version = ?").params(enabled, name, version).update();
        audit(name, version, enabled ? "ENABLED" : "DISABLED", author);
    }

    private void insert(RulePack pack, String source, String text, boolean enabled, String author) {
        jdbc.sql("""
                insert into rule_pack (name, version, jurisdiction, title, digest, source, text, enabled, loaded_at, loaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(pack.name(), pack.version(), pack.jurisdiction().code(), pack.title(), pack.digest(), source,
                        text, enabled, Timestamp.from(clock.instant()), author)
                .update();
        audit(pack.name(), pack.version(), "LOADED", author);
    }

    private void audit(String name, String version, String action, String author) {
        jdbc.sql("insert into rule_pack_audit (name, version, action, author, at) values (?, ?, ?, ?, ?)")
                .params(name, version, action, author, Timestamp.from(clock.instant())).update();
    }
}
