package org.reetrace.app.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.rules.CompiledPack;
import org.reetrace.core.rules.Evaluation;
import org.reetrace.core.rules.Finding;
import org.reetrace.core.rules.Jurisdiction;
import org.reetrace.core.rules.LedgerFacts;
import org.reetrace.core.rules.RuleBook;
import org.reetrace.core.rules.RuleContext;
import org.reetrace.core.rules.Verdict;
import org.springframework.stereotype.Component;

/**
 * The on-demand checks of stored lots, for the API and the command line alike: the customs pre-check of an
 * export (which rules of which jurisdictions pass or fail, and why) and the assessment of lots against one pack
 * at any instant, e.g. the US rule as it will stand on 2027-01-01.
 */
@Component
public class LotChecks {

    /**
     * One jurisdiction's verdict: FAIL if any of its rules failed, else CONFIRM if the law of any of them could not
     * be established at the instant, else PASS; it passes only on PASS.
     */
    public record JurisdictionVerdict(String jurisdiction, Verdict verdict, List<Finding> findings) {
        public boolean passes() {
            return verdict.passes();
        }
    }

    /** @param verdict the worst of the jurisdictions' verdicts */
    public record Precheck(String lot, String holder, Instant at, Verdict verdict, List<JurisdictionVerdict> jurisdictions) {
        public boolean passes() {
            return verdict.passes();
        }
    }

    public record Assessment(List<String> lots, String pack, String version, Instant at, Verdict verdict,
                             List<Finding> findings) {
        public boolean passes() {
            return verdict.passes();
        }
    }

    private final StoredRules rules;
    private final StoredRegistry registry;
    private final LotQueries lots;

    public LotChecks(StoredRules rules, StoredRegistry registry, LotQueries lots) {
        this.rules = rules;
        this.registry = registry;
        this.lots = lots;
    }

    public Optional<Lot> lot(String id) {
        return lots.lot(id).map(LotQueries.StoredLot::lot);
    }

    /**
     * Would exporting the lot under the declaration at {@code at} pass the packs in force of the given jurisdictions
     * (all jurisdictions in force when empty)?
     *
     * @throws IllegalArgumentException naming an unknown lot or a jurisdiction no pack in force states
     */
    public Precheck precheck(String lotId, CustomsDeclaration declaration, Instant at, Set<Jurisdiction> asked) {
        Lot lot = lot(lotId).orElseThrow(() -> new IllegalArgumentException("no lot " + lotId + " in the ledger"));
        Set<Jurisdiction> inForce = rules.jurisdictionsInForce();
        Set<Jurisdiction> jurisdictions = asked.isEmpty() ? inForce : asked;
        for (Jurisdiction j : jurisdictions) {
            if (!inForce.contains(j)) {
                throw new IllegalArgumentException("no pack in force states the law of jurisdiction " + j
                        + "; in force: " + new TreeSet<>(inForce));
            }
        }
        LedgerFacts facts = LedgerFacts.of(id -> lot(id.value()), Map.of());
        Evaluation evaluation = rules.evaluate(RuleContext.forExport(lot, declaration, at, registry.asOf(at), facts),
                jurisdictions);
        Map<String, List<Finding>> by = new TreeMap<>();
        new TreeSet<>(jurisdictions).forEach(j -> by.put(j.code(), new ArrayList<>()));
        evaluation.findings().forEach(f -> by.get(f.jurisdiction().code()).add(f));
        List<JurisdictionVerdict> verdicts = new ArrayList<>();
        by.forEach((j, findings) -> verdicts.add(new JurisdictionVerdict(j, Verdict.of(findings), findings)));
        return new Precheck(lotId, lot.holder().value(), at, evaluation.verdict(), verdicts);
    }

    /**
     * Assesses lots (one: the lot; several: their pooled supply) against a loaded pack, in force or not, at
     * {@code at}. {@code version} null takes the version in force, else the latest loaded.
     *
     * @throws IllegalArgumentException naming an unknown lot or pack
     */
    public Assessment assess(List<String> lotIds, String pack, String version, Instant at) {
        if (lotIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one lot to assess");
        }
        List<Lot> assessed = new ArrayList<>();
        for (String id : lotIds) {
            assessed.add(lot(id).orElseThrow(() -> new IllegalArgumentException("no lot " + id + " in the ledger")));
        }
        CompiledPack chosen = choose(pack, version);
        RuleContext ctx = assessed.size() == 1 ? RuleContext.forLot(assessed.getFirst(), at, registry.asOf(at))
                : RuleContext.forSupply(assessed, at, registry.asOf(at));
        Evaluation evaluation = rules.book().assess(chosen.name(), chosen.version(), ctx);
        return new Assessment(lotIds, chosen.name(), chosen.version(), at, evaluation.verdict(), evaluation.findings());
    }

    /**
     * The instant a date means for a pack: its midnight in the pack's own zone, since laws take effect at local
     * midnight (the US rule of 2027 at midnight in Washington, not in Kuala Lumpur). An instant stays as written.
     */
    public Instant instantFor(String pack, String version, String dateOrInstant, Instant otherwise) {
        if (dateOrInstant != null && dateOrInstant.length() == 10) {
            try {
                return java.time.LocalDate.parse(dateOrInstant).atStartOfDay(choose(pack, version).pack().zone())
                        .toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw org.reetrace.app.web.Instants.invalid("at", "'" + dateOrInstant + "' is not a date such as 2027-01-01");
            }
        }
        return org.reetrace.app.web.Instants.parse(dateOrInstant, "at", otherwise);
    }

    private CompiledPack choose(String pack, String version) {
        List<RuleBook.Entry> entries = rules.book().list().stream().filter(e -> e.pack().name().equals(pack)).toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no rule pack " + pack + " is loaded; loaded: "
                    + rules.book().list().stream().map(RuleBook.Entry::key).toList());
        }
        if (version != null) {
            return rules.book().pack(pack, version);
        }
        return entries.stream().filter(RuleBook.Entry::enabled).findFirst().orElse(entries.getLast()).pack();
    }
}
