package org.reetrace.app.epcis;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;

/**
 * Someone who may query events reads the queries they named, a page at a time, or one of them. A named query is
 * its maker's: another caller is refused it (403), whatever the events it would show them.
 */
@UseCase
class ReadNamedQueries {
    private final NamedQueryStore store;
    private final EpcisSettings settings;
    private final Clock clock;

    ReadNamedQueries(NamedQueryStore store, EpcisSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    Listing<NamedQueryView> list(Caller caller, Optional<String> perPage, Optional<String> nextPageToken) {
        EventQuery.visibility(caller);
        int size = perPage(perPage, settings);
        String after = nextPageToken.map(t -> ListToken.after(t, clock.instant())).orElse("");
        List<NamedQuery> found = store.queries(caller, after, size + 1);
        return listing(found.stream().map(NamedQueryView::of).toList(), size, NamedQueryView::name, settings, clock);
    }

    NamedQueryView read(Caller caller, String name) {
        return NamedQueryView.of(owned(caller, name));
    }

    /** The named query {@code name} if the caller made it: 404 if there is none, 403 if another caller's. */
    NamedQuery owned(Caller caller, String name) {
        EventQuery.visibility(caller);
        NamedQuery q = store.query(name).orElseThrow(() -> EpcisProblems.noSuchResource("no named query " + name));
        if (!q.owner().equals(caller)) {
            throw ProblemException.forbidden("the named query " + name + " is another caller's");
        }
        return q;
    }

    /** {@code perPage} as the event pages take it: 1 to the repository's maximum, 30 unless said. */
    static int perPage(Optional<String> perPage, EpcisSettings settings) {
        if (perPage.isEmpty()) {
            return settings.perPageDefault();
        }
        int n;
        try {
            n = Integer.parseInt(perPage.get());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > settings.perPageMax()) {
            throw EpcisProblems.queryParameter("perPage", "must be a whole number from 1 to " + settings.perPageMax()
                    + ", not " + perPage.get());
        }
        return n;
    }

    /** A page of {@code found} (one more than a page if another follows) with the next page's token. */
    static <T> Listing<T> listing(List<T> found, int size, java.util.function.Function<T, String> key,
                                  EpcisSettings settings, Clock clock) {
        if (found.size() <= size) {
            return new Listing<>(found, Optional.empty());
        }
        List<T> page = found.subList(0, size);
        Instant expires = clock.instant().plus(settings.nextPageTokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
        return new Listing<>(List.copyOf(page), Optional.of(new QueryEvents.NextPage(
                ListToken.of(key.apply(page.getLast()), expires), expires)));
    }
}
