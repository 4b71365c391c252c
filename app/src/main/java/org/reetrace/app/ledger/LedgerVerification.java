package org.reetrace.app.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.HashChain;
import org.reetrace.core.ledger.Invariants;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.VersionedRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.ObjectMapper;

/**
 * Checks everything stored from scratch, so that any row changed, removed or added outside the application is found
 * and named. Every column of the ledger's tables is either under a hash chain or worked out again here from what is:
 *
 * <ul>
 * <li>{@code ledger_event}: every link of the hash chain over the payloads from the first event to the last
 *     (invariant 6); the other columns (id, type, facility, time, digest, lots) are the payload's and the replay's;
 *     the instant each batch was recorded is under the chain of batch receipts ({@link BatchReceipt}).</li>
 * <li>every event replayed through a fresh ledger against the registry as of its time, so each must still be
 *     accepted (invariants 2, 3 and 4); the stored lots (with the events that created and last changed them),
 *     stocks, balance (with its head), undo data and lineage must be what the replay produced (invariant 1 and the
 *     named checks), and the state invariants 1 and 5 must hold on what is stored.</li>
 * <li>the registry: its versions and the records that change (alerts and their audit trail, rule packs and theirs)
 *     are sealed chains ({@link SealedChains}); the projection tables are restored from the versions
 *     ({@link RegistryCheck}); an alert's status and a pack's being in force follow from their trails
 *     ({@link AuditTrails}).</li>
 * </ul>
 *
 * Verification only reads: it restores the registry from its stored versions rather than the running application's.
 *
 * <p>The replay checks the ledger's invariants only, as ingest did; it does not run the rule packs again: a rule
 * refusal is a policy decision of the packs in force at the time, not a property of the books, and packs may have
 * changed since.
 */
@Repository
public class LedgerVerification {

    /** The outcome: clean, or every violation counted, the first and up to 200 of them listed. */
    @Schema(name = "VerificationReport")
    public record Report(boolean clean, long events, String head, int violations, Finding firstViolation,
                         List<Finding> findings) {
    }

    /**
     * One violation: the {@code table} and the {@code row} (its key; null when about the table as a whole) where it
     * was found, the {@code invariant} it breaks (numbered as in the design, 6 = hash chain; 0 for a named
     * integrity check only) and the {@code check} that found it; {@code sequence} is the event concerned, 0 if none.
     */
    @Schema(name = "VerificationFinding")
    public record Finding(int invariant, long sequence, String table, String row, String check, String message) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final LedgerSettings settings;
    private final ObjectMapper json;
    private final RegistryCheck registry;
    private final SealedChains sealedChains;
    private final AuditTrails auditTrails;

    /** Verifies the database that {@code jdbc} reaches (a copy, a transaction of a test). */
    @Autowired
    public LedgerVerification(JdbcTemplate jdbc, LedgerSettings settings, ObjectMapper json) {
        this.jdbc = jdbc;
        this.store = new LedgerStore(jdbc, null, json);
        this.settings = settings;
        this.json = json;
        this.registry = new RegistryCheck(jdbc);
        this.sealedChains = new SealedChains(jdbc);
        this.auditTrails = new AuditTrails(jdbc);
    }

    public Report verify() {
        Findings findings = new Findings();
        RegistryCheck.Restored restored = registry.restore(findings);
        registry.checkProjection(restored, findings);
        Replay replay = new Replay(restored.registry(), findings);
        replay.run();
        replay.checkLots();
        replay.checkTraceRows();
        replay.checkStocks();
        replay.checkBalance();
        replay.checkOrphans();
        sealedChains.check(findings);
        auditTrails.check(findings);
        List<Finding> listed = findings.listed();
        return new Report(findings.count() == 0, replay.last, replay.head, findings.count(),
                listed.isEmpty() ? null : listed.getFirst(), listed);
    }

    /** The books replayed event by event, and what they stored compared with what the replay produces. */
    private final class Replay {

        private final Findings findings;
        private final Ledger ledger;
        // the replay finds the originals of reversals in its own entries, not in the stored undo data it checks
        private final MemoryHistory history = new MemoryHistory();
        /** Per transformation: the rows a summarised trace reads of it, as the replay makes them. */
        private final Map<Long, List<TraceRows.Group>> traceGroups = new HashMap<>();
        /** Per lot: the events that created it and last changed it. */
        private final Map<String, long[]> lotEvents = new HashMap<>();
        /** Per facility: the last event of the last batch that changed its stock. */
        private final Map<FacilityId, Long> stockEvents = new HashMap<>();
        /** The facilities changed, and the instants recorded (each with its first event), since the last receipt. */
        private final Set<FacilityId> batchFacilities = new HashSet<>();
        private final Map<Long, Long> batchRecorded = new LinkedHashMap<>();
        private String receipt = BatchReceipt.GENESIS;
        private long last;
        private String head = HashChain.GENESIS;

        Replay(VersionedRegistry versions, Findings findings) {
            this.findings = findings;
            this.ledger = Ledger.empty(versions, settings.tolerance());
        }

        void run() {
            eventRows(this::event);
            if (!batchRecorded.isEmpty()) {
                findings.add(6, last, "ledger_event", String.valueOf(last), "batch-receipts", "the events from "
                        + batchRecorded.values().iterator().next() + " to " + last + " carry no receipt");
                batchFacilities.forEach(f -> stockEvents.put(f, last));
            }
        }

        private void event(EventRow stored) {
            long seq = stored.seq();
            String row = String.valueOf(seq);
            if (seq != last + 1) {
                findings.add(6, seq, "ledger_event", row, "hash-chain", "expected event " + (last + 1)
                        + " next, found " + seq);
            }
            last = seq;
            String previousHead = head;
            head = stored.hash();
            LedgerEvent event;
            try {
                event = EventJson.read(json.readTree(stored.payload()), id -> Optional.empty());
            } catch (RuntimeException e) {
                findings.add(6, seq, "ledger_event", row, "hash-chain", "stored event " + stored.eventId()
                        + " cannot be read: " + e.getMessage());
                return;
            }
            if (!stored.previous().equals(previousHead)) {
                findings.add(6, seq, "ledger_event", row, "hash-chain", "event " + event.id() + " links to "
                        + stored.previous() + " but the event before it hashes to " + previousHead);
            }
            String canonical = CanonicalForm.of(event);
            String hash = HashChain.link(stored.previous(), canonical);
            if (!hash.equals(stored.hash())) {
                findings.add(6, seq, "ledger_event", row, "hash-chain", "event " + event.id() + " hashes to " + hash
                        + ", stored " + stored.hash());
            }
            if (!CanonicalForm.sha256Hex(canonical).equals(stored.digest())) {
                findings.add(6, seq, "ledger_event", row, "event-columns", "event " + event.id()
                        + " content does not match its stored digest");
            }
            if (!event.id().value().equals(stored.eventId()) || !event.type().name().equals(stored.type())
                    || !event.facility().value().equals(stored.facility())
                    || BatchReceipt.micros(event.time()) != stored.eventMicros()) {
                findings.add(6, seq, "ledger_event", row, "event-columns", "event " + event.id() + ": its id, type,"
                        + " facility or time column is not its payload's");
            }
            receipt(seq, stored.recordedMicros(), stored.hash(), stored.receipt());
            switch (ledger.apply(event, history)) {
                case Verdict.Rejected r -> findings.add(r.refusal().invariant(), seq, "ledger_event", row, "replay",
                        "event " + event.id() + " would be refused on replay: " + r.code() + " at " + r.field() + ": "
                                + r.message());
                case Verdict.Accepted a -> {
                    history.record(a.entry());
                    compare(a.entry(), stored);
                }
            }
        }

        /** The receipt chain: each event was recorded at the instant of the receipt that ends its batch. */
        private void receipt(long seq, long recorded, String hash, String stored) {
            batchRecorded.putIfAbsent(recorded, seq);
            if (stored == null) {
                return;
            }
            receipt = BatchReceipt.of(receipt, seq, hash, recorded);
            if (!receipt.equals(stored)) {
                findings.add(6, seq, "ledger_event", String.valueOf(seq), "batch-receipts", "the receipt of the"
                        + " batch ending at event " + seq + " is not the chain's: its recorded_at, its place or the"
                        + " receipt itself was changed");
                receipt = stored;
            }
            batchRecorded.forEach((micros, first) -> {
                if (micros != recorded) {
                    findings.add(6, first, "ledger_event", String.valueOf(first), "batch-receipts", "event " + first
                            + " was recorded at another instant than its batch, whose receipt is at event " + seq);
                }
            });
            batchRecorded.clear();
            batchFacilities.forEach(f -> stockEvents.put(f, seq));
            batchFacilities.clear();
        }

        /** What the store wrote with an event against what the replay made of it. */
        private void compare(Entry entry, EventRow stored) {
            long seq = entry.sequence();
            String row = String.valueOf(seq);
            List<String> lots = entry.lots().stream().map(l -> l.id().value()).toList();
            if (!lots.equals(stored.lots())) {
                findings.add(6, seq, "ledger_event", row, "event-columns", "event " + seq + " names lots "
                        + stored.lots() + ", its replay " + lots);
            }
            for (Lot lot : entry.lots()) {
                long[] events = lotEvents.computeIfAbsent(lot.id().value(), k -> new long[] {seq, seq});
                events[1] = seq;
            }
            if (!batchRecorded.isEmpty()) {
                batchFacilities.addAll(entry.facilities());
            } else {
                // the event ended its batch: its receipt has been read already
                entry.facilities().forEach(f -> stockEvents.put(f, seq));
            }
            if (!stored.undoStored()) {
                findings.add(0, seq, "ledger_undo", row, "undo-data", "the undo data of event " + seq + " is missing");
            } else {
                try {
                    LotCodec.UndoData undo = LotCodec.undo(stored.undo());
                    if (!same(undo.before(), entry.before()) || !same(undo.after(), entry.lots())
                            || !undo.delta().equals(entry.delta())) {
                        findings.add(0, seq, "ledger_undo", row, "undo-data", "the undo data of event " + seq
                                + " is not what the event did");
                    }
                } catch (RuntimeException e) {
                    findings.add(0, seq, "ledger_undo", row, "undo-data", "the undo data of event " + seq
                            + " cannot be read: " + e.getMessage());
                }
            }
            List<TraceRows.Group> groups = TraceRows.of(entry);
            if (!groups.isEmpty()) {
                traceGroups.put(seq, groups);
            }
            List<String> inputs = new ArrayList<>(new TreeSet<>(entry.lineage().inputs().stream().map(LotId::value).toList()));
            List<String> outputs = new ArrayList<>(new TreeSet<>(entry.lineage().outputs().stream().map(LotId::value).toList()));
            if (!inputs.equals(stored.inputs()) || !outputs.equals(stored.outputs())) {
                findings.add(0, seq, "lineage", row, "lineage", "the lineage of event " + seq + " is "
                        + stored.inputs() + " into " + stored.outputs() + ", its replay " + inputs
                        + " into " + outputs);
            }
        }

        void checkLots() {
            Map<String, Lot> replayed = new HashMap<>();
            ledger.lots().forEach(l -> replayed.put(l.id().value(), l));
            List<Lot> stored = new ArrayList<>();
            lotRows(row -> {
                String id = row.id();
                Lot r = replayed.remove(id);
                if (row.lot() == null) {
                    findings.add(row.unreadable().contains("pedigree") ? 5 : 1, 0, "lot", id, "replayed-state",
                            "stored lot " + id + " is inconsistent: " + row.unreadable());
                    return;
                }
                Lot lot = row.lot();
                stored.add(lot);
                if (r == null) {
                    findings.add(1, 0, "lot", id, "replayed-state", "stored lot " + id + " was made by no event");
                    return;
                }
                if (!same(lot, r)) {
                    findings.add(1, 0, "lot", id, "replayed-state", "stored lot " + id + " differs from its replay: "
                            + "stored " + lot + ", replayed " + r);
                }
                long[] events = lotEvents.get(id);
                if (events == null || events[0] != row.createdSeq() || events[1] != row.updatedSeq()) {
                    findings.add(0, 0, "lot", id, "lot-events", "stored lot " + id + " was created and last changed"
                            + " by events " + row.createdSeq() + " and " + row.updatedSeq()
                            + ", its replay says " + (events == null ? "none" : events[0] + " and " + events[1]));
                }
            });
            replayed.keySet().forEach(id -> findings.add(1, 0, "lot", id, "replayed-state",
                    "lot " + id + " is missing from the store"));
            Optional<Balance> balance = storedBalance();
            balance.ifPresent(b -> Invariants.check(stored, b).forEach(v -> findings.add(v.invariant(), 0, "lot",
                    null, "state-invariants", v.message())));
        }

        /**
         * The rows a summarised trace reads: each transformation's groups as its replay makes them, and the links
         * between transformations as the (checked) lineage gives them.
         */
        void checkTraceRows() {
            Map<Long, List<TraceRows.Group>> stored = storedTraceGroups();
            Set<Long> seqs = new TreeSet<>(stored.keySet());
            seqs.addAll(traceGroups.keySet());
            for (long seq : seqs) {
                List<TraceRows.Group> want = traceGroups.getOrDefault(seq, List.of());
                List<TraceRows.Group> have = stored.getOrDefault(seq, List.of());
                if (!new HashSet<>(want).equals(new HashSet<>(have)) || want.size() != have.size()) {
                    findings.add(0, seq, "trace_group", String.valueOf(seq), "trace-rows", "the trace rows of event "
                            + seq + " are " + have + ", its replay " + want);
                }
            }
            edgesNotInLineage((seq, parent) -> findings.add(0, seq, "trace_edge", String.valueOf(seq), "trace-rows",
                    "event " + seq + " is linked to event " + parent + ", which made none of its inputs"));
            lineageNotInEdges((seq, parent) -> findings.add(0, seq, "trace_edge", String.valueOf(seq), "trace-rows",
                    "event " + seq + " is not linked to event " + parent + ", which made one of its inputs"));
        }

        void checkStocks() {
            Map<FacilityId, Long> expected = new HashMap<>(stockEvents);
            for (StockRow row : stockRows()) {
                FacilityId f = row.facility();
                Composition stock = row.stock();
                Long event = expected.remove(f);
                if (event == null) {
                    findings.add(1, 0, "facility_stock", f.value(), "replayed-state", "stored stock of " + f
                            + ", which no event changed");
                } else if (!stock.equals(ledger.stock(f))) {
                    findings.add(1, 0, "facility_stock", f.value(), "replayed-state", "stored stock of " + f + " "
                            + stock + " differs from its replay " + ledger.stock(f));
                } else if (event != row.updatedSeq()) {
                    findings.add(0, 0, "facility_stock", f.value(), "stock-events", "stored stock of " + f
                            + " was last changed by the batch ending at event " + row.updatedSeq() + ", its replay says "
                            + event);
                }
            }
            expected.keySet().forEach(f -> findings.add(1, 0, "facility_stock", f.value(), "replayed-state",
                    "the stock of " + f + " is missing from the store"));
        }

        void checkBalance() {
            List<BalanceHead> rows = balanceHeads();
            if (rows.size() != 1) {
                findings.add(1, 0, "ledger_balance", null, "replayed-state", "the national balance is "
                        + rows.size() + " rows, not one");
                return;
            }
            Balance stored = storedBalance().orElseThrow();
            if (!stored.equals(ledger.balance())) {
                findings.add(1, 0, "ledger_balance", "true", "replayed-state", "stored balance " + stored
                        + " differs from its replay " + ledger.balance());
            }
            BalanceHead at = rows.getFirst();
            if (at.seq() != last || !head.equals(at.head())) {
                findings.add(6, last, "ledger_balance", "true", "balance-head", "the balance is at event "
                        + at.seq() + ", head " + at.head() + "; the chain ends at event " + last
                        + ", head " + head);
            }
        }

        /** Undo data and lineage of no event (the event stream sees only what belongs to an event). */
        void checkOrphans() {
            for (long seq : orphanUndo()) {
                findings.add(0, seq, "ledger_undo", String.valueOf(seq), "undo-data",
                        "undo data of event " + seq + ", which is not stored");
            }
            for (OrphanLineage l : orphanLineage()) {
                findings.add(0, l.seq(), "lineage", String.valueOf(l.seq()), "lineage",
                        "lineage of lot " + l.lot() + " in event " + l.seq() + ", which is not stored");
            }
        }
    }

    /** A stored event with its undo data, if stored, and its lineage, lots in order of id. */
    private record EventRow(long seq, String eventId, String type, String facility, long eventMicros,
                            long recordedMicros, String digest, String payload, List<String> lots, String previous,
                            String hash, String receipt, boolean undoStored, byte[] undo, List<String> inputs,
                            List<String> outputs) {
    }

    /** A stored lot, or why it cannot be read ({@code lot} null), with the events that created and last changed it. */
    private record LotRow(String id, Lot lot, String unreadable, long createdSeq, long updatedSeq) {
    }

    private record StockRow(FacilityId facility, Composition stock, long updatedSeq) {
    }

    private record BalanceHead(long seq, String head) {
    }

    private record OrphanLineage(long seq, String lot) {
    }

    private void eventRows(Consumer<EventRow> rows) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select e.seq, e.event_id, e.type, e.facility_id,
                        (extract(epoch from e.event_time) * 1000000)::bigint,
                        (extract(epoch from e.recorded_at) * 1000000)::bigint, e.content_digest, e.payload::text,
                        e.lots, e.previous_hash, e.hash, e.receipt, u.seq, u.undo, l.inputs, l.outputs
                    from ledger_event e left join ledger_undo u on u.seq = e.seq
                    left join (select seq, array_agg(lot_id order by lot_id) filter (where not output) inputs,
                                   array_agg(lot_id order by lot_id) filter (where output) outputs
                               from lineage group by seq) l on l.seq = e.seq
                    order by e.seq""");
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            rows.accept(new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    rs.getLong(6), rs.getString(7), rs.getString(8), strings(rs.getArray(9)), rs.getString(10),
                    rs.getString(11), rs.getString(12), rs.getObject(13) != null, rs.getBytes(14),
                    strings(rs.getArray(15)), strings(rs.getArray(16))));
        });
    }

    /** The stored trace rows of each transformation. */
    private Map<Long, List<TraceRows.Group>> storedTraceGroups() {
        Map<Long, List<TraceRows.Group>> stored = new HashMap<>();
        jdbc.query("select seq, output, form, facility_id, holder_id, origin, lots, masses from trace_group", rs -> {
            stored.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TraceRows.Group(rs.getLong(1),
                    rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getInt(7), LedgerStore.longs(rs.getArray(8))));
        });
        return stored;
    }

    /** The links between transformations that lineage gives. */
    private static final String LINEAGE_EDGES = """
            select distinct i.seq, o.seq parent from lineage i
            join lineage o on o.lot_id = i.lot_id and o.output where not i.output""";

    private void edgesNotInLineage(BiConsumer<Long, Long> each) {
        jdbc.query("select seq, parent from trace_edge except " + LINEAGE_EDGES,
                (RowCallbackHandler) rs -> each.accept(rs.getLong(1), rs.getLong(2)));
    }

    private void lineageNotInEdges(BiConsumer<Long, Long> each) {
        jdbc.query(LINEAGE_EDGES + " except select seq, parent from trace_edge",
                (RowCallbackHandler) rs -> each.accept(rs.getLong(1), rs.getLong(2)));
    }

    private void lotRows(Consumer<LotRow> rows) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select id, form, mass_mg, composition, facility_id, holder_id, status, destination_id,
                        activity_bq_g, pedigree, created_seq, updated_seq from lot order by id""");
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            Lot lot = null;
            String unreadable = null;
            try {
                lot = store.lot(rs);
            } catch (IllegalArgumentException e) {
                unreadable = String.valueOf(e.getMessage());
            }
            rows.accept(new LotRow(rs.getString("id"), lot, unreadable, rs.getLong("created_seq"),
                    rs.getLong("updated_seq")));
        });
    }

    private List<StockRow> stockRows() {
        return jdbc.query("select facility_id, composition, updated_seq from facility_stock",
                (rs, n) -> new StockRow(FacilityId.of(rs.getString(1)),
                        Composition.ofArray(LedgerStore.longs(rs.getArray(2))), rs.getLong(3)));
    }

    private List<BalanceHead> balanceHeads() {
        return jdbc.query("select singleton, seq, head from ledger_balance",
                (rs, n) -> new BalanceHead(rs.getLong(2), rs.getString(3)));
    }

    private Optional<Balance> storedBalance() {
        List<Balance> rows = jdbc.query("select extracted, imported, lost, unexplained, adjusted from ledger_balance",
                (rs, n) -> Balance.of(LedgerStore.longs(rs.getArray(1)), LedgerStore.longs(rs.getArray(2)),
                        LedgerStore.longs(rs.getArray(3)), LedgerStore.longs(rs.getArray(4)),
                        LedgerStore.longs(rs.getArray(5))));
        return rows.size() == 1 ? Optional.of(rows.getFirst()) : Optional.empty();
    }

    private List<Long> orphanUndo() {
        return jdbc.query("select u.seq from ledger_undo u where not exists (select 1 from ledger_event e where e.seq = u.seq)",
                (rs, n) -> rs.getLong(1));
    }

    private List<OrphanLineage> orphanLineage() {
        return jdbc.query("select l.seq, l.lot_id, l.output from lineage l "
                + "where not exists (select 1 from ledger_event e where e.seq = l.seq)",
                (rs, n) -> new OrphanLineage(rs.getLong(1), rs.getString(2)));
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static boolean same(List<Lot> a, List<Lot> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lots compare exactly, activities by value (1.50 and 1.5 Bq/g are the same measurement). */
    private static boolean same(Lot a, Lot b) {
        BigDecimal x = a.activity();
        BigDecimal y = b.activity();
        boolean activity = x == null ? y == null : y != null && x.compareTo(y) == 0;
        return activity && a.id().equals(b.id()) && a.form() == b.form() && a.mass().equals(b.mass())
                && a.composition().equals(b.composition()) && a.facility().equals(b.facility())
                && a.holder().equals(b.holder()) && a.status() == b.status() && a.pedigree().equals(b.pedigree())
                && Objects.equals(a.destination(), b.destination());
    }
}
