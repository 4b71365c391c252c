package org.reetrace.app.lot;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.pedigree.Origin;

/**
 * Reading a lot's pedigree: every path from its origins with its element masses and shares, and totals by origin
 * and by stage country. Who may read it is who may read the lot; an operator sees a mine named only if it is its own,
 * a supplier abroad never (the import may be another operator's record).
 */
@UseCase
public class ReadPedigree {

    private final LotQueries queries;
    private final StoredRegistry registry;

    public ReadPedigree(LotQueries queries, StoredRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    public LotViews.PedigreeView read(Caller caller, String id) {
        Disclosure disclosure = new Disclosure(caller, registry);
        return LotViews.pedigree(ReadLot.readable(queries, caller, id).lot(), origin -> disclosure.all()
                || origin.kind() == Origin.Kind.MINE && disclosure.facility(origin.source()));
    }
}
