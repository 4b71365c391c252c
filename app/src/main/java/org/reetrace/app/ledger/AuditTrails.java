package org.reetrace.app.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.rules.RuleEngine;
import org.reetrace.core.rules.RulePack;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Checks what the sealed records leave out because it changes: an alert's status and last change are those its
 * audit trail ends with, a rule pack is in force exactly when its trail says so; and what a pack's header says is
 * what its text says.
 */
@Repository
class AuditTrails {

    private static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "CLOSED");

    private final JdbcTemplate jdbc;

    AuditTrails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void check(Findings findings) {
        alerts(findings);
        rulePacks(findings);
    }

    private record Step(long id, String status, Instant at) {
    }

    private void alerts(Findings findings) {
        Map<Long, List<Step>> trails = new HashMap<>();
        jdbc.query("select alert_id, id, status, at from alert_audit order by alert_id, id", rs -> {
            trails.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Step(rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
        });
        jdbc.query("select id, status, raised_at, updated_at from alert order by id", rs -> {
            long id = rs.getLong(1);
            List<Step> trail = trails.getOrDefault(id, List.of());
            trails.remove(id);
            String row = String.valueOf(id);
            String status = "OPEN";
            Instant at = rs.getTimestamp(3).toInstant();
            for (Step s : trail) {
                if (STATUSES.indexOf(s.status()) <= STATUSES.indexOf(status)) {
                    findings.add("alert_audit", String.valueOf(s.id()), "alert-status", "alert " + id + " moved from "
                            + status + " to " + s.status() + ", which is no step forward");
                }
                status = s.status();
                at = s.at();
            }
            if (!status.equals(rs.getString(2))) {
                findings.add("alert", row, "alert-status", "alert " + id + " is " + rs.getString(2)
                        + " but its audit trail leaves it " + status);
            }
            if (!at.equals(rs.getTimestamp(4).toInstant())) {
                findings.add("alert", row, "alert-status", "alert " + id + " last changed at " + rs.getTimestamp(4)
                        + " but its audit trail says " + Timestamp.from(at));
            }
        });
        trails.forEach((alert, steps) -> steps.forEach(s -> findings.add("alert_audit", String.valueOf(s.id()),
                "alert-status", "audit entry " + s.id() + " is about alert " + alert + ", which is not stored")));
    }

    private record Action(long id, String name, String version, String action) {
    }

    private void rulePacks(Findings findings) {
        List<Action> trail = jdbc.query("select id, name, version, action from rule_pack_audit order by id",
                (rs, n) -> new Action(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Map<String, String> inForce = new HashMap<>();
        Map<String, Long> loaded = new HashMap<>();
        for (Action a : trail) {
            switch (a.action()) {
                case "LOADED" -> loaded.putIfAbsent(a.name() + " " + a.version(), a.id());
                case "ENABLED" -> inForce.put(a.name(), a.version());
                case "DISABLED" -> inForce.remove(a.name(), a.version());
                default -> findings.add("rule_pack_audit", String.valueOf(a.id()), "rule-pack-in-force",
                        "unknown action " + a.action());
            }
        }
        RuleEngine engine = RuleEngine.standard();
        jdbc.query("select name, version, jurisdiction, title, digest, source, text, enabled from rule_pack", rs -> {
            String name = rs.getString(1);
            String version = rs.getString(2);
            String row = name + " " + version;
            boolean enabled = version.equals(inForce.get(name));
            if (enabled != rs.getBoolean(8)) {
                findings.add("rule_pack", row, "rule-pack-in-force", "rule pack " + row + " is "
                        + (rs.getBoolean(8) ? "" : "not ") + "in force, its audit trail says the opposite");
            }
            if (loaded.remove(row) == null) {
                findings.add("rule_pack", row, "rule-pack-in-force", "rule pack " + row + " has no LOADED entry in"
                        + " its audit trail");
            }
            try {
                RulePack pack = engine.load(rs.getString(6), rs.getString(7)).pack();
                if (!pack.name().equals(name) || !pack.version().equals(version)
                        || !pack.jurisdiction().code().equals(rs.getString(3)) || !pack.title().equals(rs.getString(4))
                        || !pack.digest().equals(rs.getString(5))) {
                    findings.add("rule_pack", row, "rule-pack-text", "rule pack " + row + ": its header (name, version,"
                            + " jurisdiction, title, digest) is not its text's");
                }
            } catch (RuntimeException e) {
                findings.add("rule_pack", row, "rule-pack-text", "rule pack " + row + " no longer compiles: "
                        + e.getMessage());
            }
        });
        loaded.forEach((pack, id) -> findings.add("rule_pack_audit", String.valueOf(id), "rule-pack-in-force",
                "audit entry " + id + " loaded rule pack " + pack + ", which is not stored"));
    }
}
