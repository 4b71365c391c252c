package org.reetrace.app.ledger;

import java.util.List;

import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.rules.Evaluation;
import org.reetrace.core.rules.Finding;

/**
 * What the writer asks of the rule packs in force before the ledger sees an event; the rules implement it, so the
 * writer needs nothing of theirs but this. Called on the writer's thread only.
 */
public interface IngestCheck {

    /**
     * The rules' judgement of {@code event} against the books as they stand before it ({@code uncommitted}: the
     * entries applied and not yet committed, in order): refuse it if {@link Evaluation#block()} is present, else
     * book it and raise {@link Evaluation#alerts()}.
     */
    Evaluation evaluate(LedgerEvent event, Ledger ledger, List<Entry> uncommitted);

    /** The refusal of an event a BLOCK rule stopped, as the ledger reports it. */
    Verdict.Rejected refusal(Finding blocking);
}
