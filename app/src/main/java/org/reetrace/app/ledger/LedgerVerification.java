package org.reetrace.app.ledger;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.HashChain;
import org.reetrace.core.ledger.Invariants;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.FacilityId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Checks the stored ledger from scratch: every link of the hash chain from the first event to the last, every
 * event replayed through a fresh ledger (so each must still be accepted, which re-checks invariants 2, 3 and 4),
 * the stored lots, stocks and balance against the replay, and the state invariants 1 and 5 on what is stored.
 * Reports the first violation found and how many there are.
 *
 * <p>The replay checks the ledger's invariants only, against the registry as of each event's time as ingest did; it
 * does not run the rule packs again: a rule refusal is a policy decision of the packs in force at the time, not a
 * property of the books, and packs may have changed since.
 */
@Component
public class LedgerVerification {

    /** The outcome: clean, or the first violation with the invariant it breaks. */
    public record Report(boolean clean, long events, String head, int violations, Finding firstViolation) {
    }

    /** {@code invariant} numbers as in the design (6 = hash chain); {@code sequence} is 0 when not about one event. */
    public record Finding(int invariant, long sequence, String message) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final StoredRegistry registry;
    private final LedgerSettings settings;
    private final ObjectMapper json;

    public LedgerVerification(JdbcTemplate jdbc, LedgerStore store, StoredRegistry registry, LedgerSettings settings,
                              ObjectMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.registry = registry;
        this.settings = settings;
        this.json = json;
    }

    public Report verify() {
        registry.reload();
        StoredRegistry.EventTime atEvent = registry.atEventTime();
        Ledger replay = Ledger.empty(atEvent, settings.tolerance());
        // the replay finds the originals of reversals in its own entries, not in the stored undo data it checks
        MemoryHistory history = new MemoryHistory();
        List<Finding> findings = new ArrayList<>();
        String[] previous = {HashChain.GENESIS};
        long[] expected = {1};
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select seq, event_id, content_digest, payload::text, previous_hash, hash from ledger_event order by seq");
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            long seq = rs.getLong(1);
            if (seq != expected[0]) {
                findings.add(new Finding(6, seq, "expected event " + expected[0] + " next, found " + seq));
            }
            expected[0] = seq + 1;
            LedgerEvent event;
            try {
                event = EventJson.read(json.readTree(rs.getString(4)), id -> Optional.empty());
            } catch (RuntimeException e) {
                findings.add(new Finding(6, seq, "stored event " + rs.getString(2) + " cannot be read: " + e.getMessage()));
                return;
            }
            if (!rs.getString(5).equals(previous[0])) {
                findings.add(new Finding(6, seq, "event " + event.id() + " links to " + rs.getString(5)
                        + " but the event before it hashes to " + previous[0]));
            }
            String canonical = CanonicalForm.of(event);
            String hash = HashChain.link(rs.getString(5), canonical);
            if (!hash.equals(rs.getString(6))) {
                findings.add(new Finding(6, seq, "event " + event.id() + " hashes to " + hash + ", stored " + rs.getString(6)));
            }
            if (!CanonicalForm.sha256Hex(canonical).equals(rs.getString(3))) {
                findings.add(new Finding(6, seq, "event " + event.id() + " content does not match its stored digest"));
            }
            previous[0] = rs.getString(6);
            atEvent.at(event.time());
            switch (replay.apply(event, history)) {
                case Verdict.Rejected r -> findings.add(new Finding(invariantOf(r.code()), seq, "event " + event.id()
                        + " would be refused on replay: " + r.code() + " at " + r.field() + ": " + r.message()));
                case Verdict.Accepted a -> history.record(a.entry());
            }
        });
        compareState(replay, findings);
        Balance balance = store.storedBalance();
        List<Lot> stored = new ArrayList<>();
        store.eachLot(stored::add, (id, problem) -> findings.add(new Finding(problem.contains("pedigree") ? 5 : 1, 0,
                "stored lot " + id + " is inconsistent: " + problem)));
        Invariants.check(stored, balance).forEach(v -> findings.add(new Finding(v.invariant(), 0, v.message())));
        return new Report(findings.isEmpty(), expected[0] - 1, previous[0], findings.size(),
                findings.isEmpty() ? null : findings.getFirst());
    }

    private void compareState(Ledger replay, List<Finding> findings) {
        Map<String, Lot> replayed = new HashMap<>();
        replay.lots().forEach(l -> replayed.put(l.id().value(), l));
        store.eachLot(lot -> {
            Lot r = replayed.remove(lot.id().value());
            if (r == null) {
                findings.add(new Finding(1, 0, "stored lot " + lot.id() + " was made by no event"));
            } else if (!same(lot, r)) {
                findings.add(new Finding(1, 0, "stored lot " + lot.id() + " differs from its replay: stored " + lot
                        + ", replayed " + r));
            }
        }, (id, problem) -> replayed.remove(id));
        replayed.keySet().forEach(id -> findings.add(new Finding(1, 0, "lot " + id + " is missing from the store")));
        if (!store.storedBalance().equals(replay.balance())) {
            findings.add(new Finding(1, 0, "stored balance " + store.storedBalance() + " differs from its replay "
                    + replay.balance()));
        }
        Map<FacilityId, Composition> stocks = store.storedStocks();
        registry.facilities().forEach(f -> {
            Composition s = stocks.getOrDefault(f.id(), Composition.ZERO);
            if (!s.equals(replay.stock(f.id()))) {
                findings.add(new Finding(1, 0, "stored stock of " + f.id() + " " + s + " differs from its replay "
                        + replay.stock(f.id())));
            }
        });
    }

    /** Lots compare exactly, activities by value (1.50 and 1.5 Bq/g are the same measurement). */
    private static boolean same(Lot a, Lot b) {
        boolean activity = a.activity() == null ? b.activity() == null
                : b.activity() != null && a.activity().compareTo(b.activity()) == 0;
        return activity && a.id().equals(b.id()) && a.form() == b.form() && a.mass().equals(b.mass())
                && a.composition().equals(b.composition()) && a.facility().equals(b.facility())
                && a.holder().equals(b.holder()) && a.status() == b.status() && a.pedigree().equals(b.pedigree())
                && Objects.equals(a.destination(), b.destination());
    }

    /** Which invariant a replay refusal shows broken. */
    private static int invariantOf(String code) {
        return switch (code) {
            case "lot.not-held", "lot.not-addressed" -> 3;
            case "transform.creates-element", "mass.gain-beyond-tolerance" -> 4;
            default -> 2;
        };
    }
}
