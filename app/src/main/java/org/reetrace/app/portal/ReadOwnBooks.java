package org.reetrace.app.portal;

import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.ReadRegistry;
import org.reetrace.app.registry.RegistryViews.FacilityView;
import org.reetrace.app.registry.RegistryViews.OperatorView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.Instants;

/**
 * An operator reads its own books: who it is in the registry, its facilities, and the lots it holds (or held last),
 * counted by status and listed a status and a page at a time. Only operators, each of its own.
 */
@UseCase
public class ReadOwnBooks {

    /** A lot's statuses, in the order of its life. */
    public static final List<String> STATUSES = List.of("ACTIVE", "IN_TRANSIT", "CONSUMED", "EXPORTED", "DISPOSED");

    /** Most lots on one page. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The operator and its facilities. */
    public record Desk(OperatorView operator, List<FacilityView> facilities) {
    }

    /** Page {@code page} (from 1) of {@code size} lots in {@code status}, of {@code total}; {@code counts} per status. */
    public record LotPage(String status, int page, int size, long total, Map<String, Long> counts,
                          List<OwnLotStore.Row> lots) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final ReadRegistry registry;
    private final OwnLotStore lots;

    public ReadOwnBooks(ReadRegistry registry, OwnLotStore lots) {
        this.registry = registry;
        this.lots = lots;
    }

    public Desk desk(Caller caller) {
        String operator = operator(caller);
        return new Desk(registry.operator(caller, operator), registry.facilities(caller).stream()
                .filter(f -> f.operator().equals(operator)).toList());
    }

    /** {@code status} null: the first status of a lot's life in which the operator has lots. */
    public LotPage lots(Caller caller, String status, int page, int size) {
        String operator = operator(caller);
        if (status != null && !STATUSES.contains(status)) {
            throw Instants.invalid("status", "one of " + STATUSES + ": " + status);
        }
        if (page < 1) {
            throw Instants.invalid("page", "pages count from 1: " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Instants.invalid("size", "from 1 to " + MAX_PAGE_SIZE + ": " + size);
        }
        Map<String, Long> counts = lots.counts(operator, STATUSES);
        // no status asked: the first of a lot's life in which the operator has lots (what it holds now, if any)
        String shown = status != null ? status : STATUSES.stream().filter(s -> counts.get(s) > 0).findFirst()
                .orElse(STATUSES.getFirst());
        return new LotPage(shown, page, size, counts.get(shown), counts,
                lots.page(operator, shown, Math.multiplyExact(page - 1, size), size));
    }

    private static String operator(Caller caller) {
        caller.requireRole(Role.OPERATOR);
        return caller.operatorId().orElseThrow();
    }
}
