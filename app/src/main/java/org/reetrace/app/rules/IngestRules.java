package org.reetrace.app.rules;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.ledger.CommittedEntries;
import org.reetrace.app.ledger.IngestCheck;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Refusal;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.rules.Evaluation;
import org.reetrace.core.rules.Finding;
import org.reetrace.core.rules.LedgerFacts;
import org.reetrace.core.rules.RuleContext;
import org.reetrace.core.rules.RuleEngine;
import org.springframework.stereotype.Component;

/**
 * The rules at ingest, for the single ledger writer: each new event is judged by the packs in force against the
 * registry as it stood at the event's time and the books as they stand before it. Used only from the writer
 * thread, which is why the extraction tally needs no locks.
 *
 * <p>The tally is what each mine extracted per quota year (in the zone the rule engine reads quota years in),
 * read from the stored events at start and added to after each commit; extractions booked earlier in the same,
 * not yet committed batch are counted from the batch's entries ({@link ExtractionTally}).
 */
@Component
public class IngestRules implements CommittedEntries, IngestCheck {

    private final StoredRules rules;
    private final StoredRegistry registry;
    private final ZoneId quotaZone = RuleEngine.Settings.defaults().quotaZone();
    private final ExtractionTally tally;

    public IngestRules(StoredRules rules, StoredRegistry registry, ExtractionRecords extractions) {
        this.rules = rules;
        this.registry = registry;
        this.tally = new ExtractionTally(quotaZone, id -> extractions.extraction(id, quotaZone));
        extractions.eachYear(quotaZone, tally::addCommitted);
    }

    /** Refuse the event if {@link Evaluation#block()} is present; else book it and raise {@link Evaluation#alerts()}. */
    @Override
    public Evaluation evaluate(LedgerEvent event, Ledger ledger, List<Entry> uncommitted) {
        LedgerFacts facts = new LedgerFacts() {
            @Override
            public Optional<Lot> lot(LotId id) {
                return ledger.lot(id);
            }

            @Override
            public Mass extractedInYear(FacilityId mine, int year) {
                return tally.extractedInYear(mine, year, uncommitted);
            }
        };
        return rules.evaluate(RuleContext.forEvent(event, registry.asOf(event.time()), facts));
    }

    /** Counts the extractions of a committed batch, and takes back those it reverses. */
    @Override
    public void committed(List<Entry> entries) {
        tally.committed(entries);
    }

    /** The refusal of a blocked event: stable code, the rule and its citation, the numbers. */
    @Override
    public Verdict.Rejected refusal(Finding f) {
        return new Verdict.Rejected(Refusal.RULE_BLOCKED, "", f.ruleId() + " (" + f.jurisdiction() + ", "
                + f.citation() + "): " + f.message() + (f.detail().isEmpty() ? "" : " [" + f.detail() + "]"),
                Map.of("rule", f.ruleId(), "pack", f.pack(), "packVersion", f.packVersion()));
    }
}
