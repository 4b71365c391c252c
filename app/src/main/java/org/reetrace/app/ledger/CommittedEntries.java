package org.reetrace.app.ledger;

import java.util.List;

import org.reetrace.core.ledger.Entry;

/**
 * Told, in order and on the writer's thread, of every batch of entries after its transaction committed: for
 * what follows the books in memory (facts the rules ask for, the enforcement analytics). Keep it quick; a
 * listener that fails is logged and does not undo the batch.
 */
public interface CommittedEntries {

    void committed(List<Entry> entries);
}
