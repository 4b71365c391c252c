package org.reetrace.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.element.Element;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;

/**
 * Follows every radioactive residue lot from the transformation that made it to a disposal facility. Residue above
 * the activity limit (1 Bq/g, the threshold above which Malaysian practice treats residue as radioactive waste)
 * must be disposed of within the deadline; one that is not (left at the plant, lost in transit, adjusted away) is
 * an alert once the books have reached the deadline (an event at or after it has been booked). Activity is the
 * higher of the assayed one and the parents' activity from the lot's thorium and uranium: Th-232
 * 4.07 Bq per mg and U-238 12.4 Bq per mg (specific activities from their half-lives), as the demo chain computes
 * it.
 */
public final class ResidueTracker {

    static final double TH232_BQ_PER_MG = 4.07;
    static final double U238_BQ_PER_MG = 12.4;

    private final Duration deadline;
    private final double activityLimit;
    private final ZoneOffset offset;
    private final Map<LotId, Case> open = new LinkedHashMap<>();

    public ResidueTracker(Duration deadline, double activityLimitBqPerGram, ZoneOffset offset) {
        this.deadline = deadline;
        this.activityLimit = activityLimitBqPerGram;
        this.offset = offset;
    }

    private static final class Case {
        final LotId lot;
        final Instant made;
        final EventId madeBy;
        final String facility;
        double activity;
        long massMg;
        EventId last;
        String status = "ACTIVE";

        Case(LotId lot, Instant made, EventId madeBy, String facility, double activity, long massMg) {
            this.lot = lot;
            this.made = made;
            this.madeBy = madeBy;
            this.facility = facility;
            this.activity = activity;
            this.massMg = massMg;
            this.last = madeBy;
        }
    }

    void accept(Entry entry) {
        LedgerEvent event = entry.event();
        switch (event) {
            case Transform t -> {
                for (Transform.Input in : t.inputs()) {
                    open.remove(in.lot());
                }
                for (Lot lot : entry.lots()) {
                    if (lot.form() == MaterialForm.RESIDUE && !open.containsKey(lot.id()) && isOutput(t, lot.id())) {
                        double activity = activity(lot);
                        if (activity > activityLimit) {
                            open.put(lot.id(), new Case(lot.id(), t.time(), t.id(), t.facility().value(), activity,
                                    lot.mass().mg()));
                        }
                    }
                }
            }
            case Dispose d -> open.remove(d.lot());
            case Export x -> open.remove(x.lot());
            default -> {
                for (Lot lot : entry.lots()) {
                    if (lot.status() == LotStatus.VOID) {
                        // booked in error and reversed: there never was such a residue to dispose of
                        open.remove(lot.id());
                        continue;
                    }
                    Case c = open.get(lot.id());
                    if (c != null) {
                        c.last = event.id();
                        c.status = lot.status().name();
                        c.massMg = lot.mass().mg();
                        c.activity = activity(lot);
                    }
                }
            }
        }
    }

    private static boolean isOutput(Transform t, LotId id) {
        for (Transform.Output o : t.outputs()) {
            if (o.lot().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The higher of the assayed activity and the one the lot's own thorium and uranium give: a case is opened from
     * the element content whatever activity was declared.
     */
    static double activity(Lot lot) {
        double content = contentActivity(lot);
        return lot.activity() == null ? content : Math.max(lot.activity().doubleValue(), content);
    }

    /** Bq per gram from the lot's thorium and uranium, each with its decay chain's parent alone. */
    static double contentActivity(Lot lot) {
        double grams = lot.mass().mg() / 1000.0;
        return grams == 0 ? 0 : (lot.composition().get(Element.Th) * TH232_BQ_PER_MG
                + lot.composition().get(Element.U) * U238_BQ_PER_MG) / grams;
    }

    /** A radioactive residue lot not yet disposed of, with the instant it must reach a disposal facility by. */
    public record Pending(LotId lot, String facility, Instant made, Instant due, double activityBqPerGram, long massMg,
                          String status) {
    }

    /** Every radioactive residue lot not disposed of, the earliest due first (overdue or not). */
    public List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        for (Case c : open.values()) {
            out.add(new Pending(c.lot, c.facility, c.made, c.made.plus(deadline), c.activity, c.massMg, c.status));
        }
        out.sort(Comparator.comparing(Pending::due).thenComparing(p -> p.lot().value()));
        return out;
    }

    /**
     * Residue lots not disposed of whose deadline the books have reached: {@code booksTime} is the latest event time
     * booked, never the wall clock, so a disposal booked in a later batch or a replay years later changes nothing.
     */
    public List<Alert> overdue(Instant booksTime) {
        List<Alert> out = new ArrayList<>();
        for (Case c : open.values()) {
            Instant due = c.made.plus(deadline);
            if (!booksTime.isBefore(due)) {
                Map<String, String> figures = new LinkedHashMap<>();
                figures.put("activity Bq/g", MufMonitor.fmt(c.activity));
                figures.put("mass t", QuotaCheck.tonnes(c.massMg));
                figures.put("made", c.made.toString());
                figures.put("due", due.toString());
                figures.put("status", c.status);
                figures.put("made at", c.facility);
                List<EventId> events = c.last.equals(c.madeBy) ? List.of(c.madeBy) : List.of(c.madeBy, c.last);
                out.add(new Alert(AlertKind.RESIDUE_NOT_DISPOSED, c.lot.value(), YearMonth.from(due.atOffset(offset)),
                        "residue lot " + c.lot + " (" + MufMonitor.fmt(c.activity) + " Bq/g) made at " + c.facility
                                + " on " + c.made + " has not reached a disposal facility by " + due + "; it is "
                                + c.status,
                        figures, events));
            }
        }
        out.sort(Comparator.comparing(Alert::period).thenComparing(Alert::subject));
        return out;
    }
}
