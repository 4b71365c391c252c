package org.reetrace.app.analytics;

import java.time.Instant;
import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

/**
 * Reading the radioactive residue lots that have not reached a disposal facility yet, the earliest due first, with
 * whether the books (the latest event booked, not the wall clock) have passed their deadline: for the regulator,
 * customs and auditors.
 */
@UseCase
public class ReadPendingResidues {

    public record PendingResidue(String lot, String facility, Instant made, Instant due, boolean overdue,
                                 double activityBqPerGram, double massTonnes, String status) {
    }

    public record PendingResidues(Instant booksTime, List<PendingResidue> lots) {
    }

    private final AnalyticsFeed feed;

    public ReadPendingResidues(AnalyticsFeed feed) {
        this.feed = feed;
    }

    public PendingResidues read(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS);
        return feed.read(analytics -> {
            Instant books = analytics.booksTime().orElse(null);
            return new PendingResidues(books, analytics.residuesPending().stream()
                    .map(p -> new PendingResidue(p.lot().value(), p.facility(), p.made(), p.due(),
                            books != null && !books.isBefore(p.due()), Math.round(p.activityBqPerGram() * 100) / 100.0,
                            Math.round(p.massMg() / 1e6) / 1e3, p.status()))
                    .toList());
        });
    }
}
