package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reetrace.core.ledger.HashChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Checks the rows that are records in their own right, sealed as they were inserted (migration V14): each row must
 * hash, with the link before it, to its own link; the links must run from the first row to the head kept in
 * {@code ledger_seal} without a fork or a gap, through every row of the table, as many as the seal counts.
 */
@Repository
class SealedChains {

    /** A sealed table, the key that names its rows in findings, and the columns its seal leaves out (as its trigger). */
    record Chain(String table, String key, List<String> leftOut) {
    }

    static final List<Chain> CHAINS = List.of(
            new Chain("registry_version", "seq::text", List.of()),
            new Chain("alert", "id::text", List.of("status", "updated_at")),
            new Chain("alert_audit", "id::text", List.of()),
            new Chain("rule_pack", "name || ' ' || version", List.of("enabled")),
            new Chain("rule_pack_audit", "id::text", List.of()),
            new Chain("round_trip", "imported_lot", List.of()));

    private static final String CHECK = "sealed-chain";

    private record Row(String key, String previous, String hash, String expected) {
    }

    private record Seal(long rows, String head) {
    }

    private final JdbcTemplate jdbc;

    SealedChains(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void check(Findings findings) {
        Map<String, Seal> seals = new HashMap<>();
        jdbc.query("select chain, rows, head from ledger_seal", rs -> {
            seals.put(rs.getString(1), new Seal(rs.getLong(2), rs.getString(3)));
        });
        for (Chain chain : CHAINS) {
            Seal seal = seals.remove(chain.table());
            if (seal == null) {
                findings.add("ledger_seal", chain.table(), CHECK, "the seal of " + chain.table() + " is missing");
            }
            check(chain, seal, findings);
        }
        seals.keySet().forEach(chain -> findings.add("ledger_seal", chain, CHECK,
                "a seal for " + chain + ", which is no sealed table"));
    }

    private void check(Chain chain, Seal seal, Findings findings) {
        List<Row> rows = jdbc.query("select " + chain.key() + ", previous_hash, hash, seal_of(previous_hash, t, ?::text[]) "
                        + "from " + chain.table() + " t",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                "{" + String.join(",", chain.leftOut()) + "}");
        Map<String, List<Row>> byPrevious = new HashMap<>();
        for (Row r : rows) {
            if (r.hash() == null || !r.hash().equals(r.expected())) {
                findings.add(chain.table(), r.key(), CHECK, chain.table() + " " + r.key()
                        + " does not hash to its seal: its content or its links were changed");
            }
            byPrevious.computeIfAbsent(Objects.requireNonNullElse(r.previous(), "none"), k -> new ArrayList<>()).add(r);
        }
        // follow the links from the first row
        Map<String, Row> reached = new LinkedHashMap<>();
        String link = HashChain.GENESIS;
        while (byPrevious.containsKey(link)) {
            List<Row> next = byPrevious.remove(link);
            if (next.size() > 1) {
                findings.add(chain.table(), next.get(1).key(), CHECK, chain.table() + " " + next.get(0).key() + " and "
                        + next.get(1).key() + " both follow the same row: one was inserted around the seal");
            }
            Row r = next.getFirst();
            reached.put(r.key(), r);
            if (r.hash() == null || reached.size() > rows.size()) {
                break;
            }
            link = r.hash();
        }
        for (Row r : rows) {
            if (!reached.containsKey(r.key())) {
                findings.add(chain.table(), r.key(), CHECK, chain.table() + " " + r.key() + " is not on the chain from"
                        + " the first row: a row before it was removed or changed, or it was inserted around the seal");
            }
        }
        if (seal != null) {
            if (seal.rows() != rows.size() || seal.rows() != reached.size()) {
                // either the table lost or gained a row, or its seal was changed: both are named
                String message = "the seal of " + chain.table() + " counts " + seal.rows() + " rows, the table has "
                        + rows.size() + " of which " + reached.size() + " are on the chain";
                findings.add(chain.table(), null, CHECK, message);
                findings.add("ledger_seal", chain.table(), CHECK, message);
            }
            String head = reached.isEmpty() ? HashChain.GENESIS : link;
            if (!seal.head().equals(head)) {
                findings.add("ledger_seal", chain.table(), CHECK, "the seal of " + chain.table() + " ends at "
                        + seal.head() + ", its chain at " + head);
            }
        }
    }
}
