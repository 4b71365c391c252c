package org.reetrace.sim.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.rules.Finding;
import org.reetrace.core.rules.Jurisdiction;
import org.reetrace.core.rules.LedgerFacts;
import org.reetrace.core.rules.Outcome;
import org.reetrace.core.rules.RuleBook;
import org.reetrace.core.rules.RuleContext;
import org.reetrace.core.rules.RuleEngine;

/**
 * Runs the shipped Malaysian rules that judge where and with what technology material is produced (MY-MIN-01, no
 * mining in a forest reserve; MY-TECH-CN, Chinese technology only at state-linked operators) on every simulated
 * extraction and transformation, as ingest does, and remembers which events failed them. Only these two rules are
 * scored: the other rules judge what the simulator's own honest chain does by design (its heavy oxide fails the
 * export moratorium's purity test, for one), which is not a fraud.
 */
final class RuleWatch implements Consumer<Entry> {

    static final Set<String> SCORED = Set.of("MY-MIN-01", "MY-TECH-CN");

    /** Compiled once: the packs are the same for every run. */
    private static final RuleBook BOOK = RuleBook.withBundledPacks(RuleEngine.standard());
    private static final Set<Jurisdiction> MY = Set.of(new Jurisdiction("MY"));

    private final RegistrySnapshot registry;
    private final LedgerFacts facts;
    private final Map<String, String> failed = new HashMap<>();

    RuleWatch(RegistrySnapshot registry, Ledger ledger) {
        this.registry = registry;
        this.facts = new LedgerFacts() {
            @Override
            public Optional<Lot> lot(LotId id) {
                return ledger.lot(id);
            }

            @Override
            public Mass extractedInYear(FacilityId mine, int year) {
                return Mass.ZERO; // quotas are scored by the analytics' quota check, not here
            }
        };
    }

    @Override
    public void accept(Entry entry) {
        LedgerEvent event = entry.event();
        if (!(event instanceof Extract) && !(event instanceof Transform)) {
            return;
        }
        for (Finding f : BOOK.evaluate(RuleContext.forEvent(event, registry, facts), MY).findings()) {
            if (f.outcome() == Outcome.FAILED && SCORED.contains(f.ruleId())) {
                failed.put(event.id().value(), f.ruleId());
            }
        }
    }

    /** The rule that failed the event, if one of the scored rules did. */
    Optional<String> failedRule(String eventId) {
        return Optional.ofNullable(failed.get(eventId));
    }

    int failures() {
        return failed.size();
    }
}
