package org.reetrace.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;

/**
 * Watches material between facilities, where it is in neither's balance. A lot shipped and not received within
 * its route's transit time is an alert once the books reach that time; each route's time is learned from its
 * completed shipments (twice the longest of the last twenty, at least a day) once it has five, and is the
 * registered default until then. Every receipt's shipper/receiver difference (the receiver's weighing against
 * the shipper's) is tested as safeguards do: one receipt beyond four of its standard deviations (two independent
 * weighings), or a route whose summed differences drift beyond four standard deviations of the sum (random and
 * systematic errors: a short-weighing receiver, or a skim in transit), is an alert; a route's sum starts again
 * after it alerted.
 */
public final class TransitMonitor {

    /** Standard deviations beyond which a difference alerts: about 6 false alarms in 100,000 tests. */
    static final double LIMIT = 4.0;
    private static final int LEARNED_FROM = 5;
    private static final int REMEMBERED = 20;
    private static final Duration SHORTEST = Duration.ofDays(1);

    private record Route(FacilityId from, FacilityId to) {
        @Override
        public String toString() {
            return from + " to " + to;
        }
    }

    private record Shipment(LotId lot, EventId shipped, Route route, Instant at, Lot asShipped) {
    }

    /** A route's summed shipper/receiver differences since it last alerted. */
    private static final class Tally {
        double differenceMg;
        double randomVariance;
        double shippedMg;
        int receipts;
        final List<EventId> events = new ArrayList<>();
    }

    private final Duration registered;
    private final MeasurementModel measurement;
    private final ZoneOffset offset;
    private final Map<LotId, Shipment> inTransit = new LinkedHashMap<>();
    private final Map<Route, Deque<Duration>> transitTimes = new HashMap<>();
    private final Map<Route, Tally> tallies = new HashMap<>();
    private final List<Alert> differences = new ArrayList<>();

    public TransitMonitor(Duration registered, MeasurementModel measurement, ZoneOffset offset) {
        this.registered = registered;
        this.measurement = measurement;
        this.offset = offset;
    }

    void accept(Entry entry) {
        switch (entry.event()) {
            case Ship ship -> {
                Lot lot = entry.lots().getFirst();
                inTransit.put(lot.id(), new Shipment(lot.id(), ship.id(), new Route(ship.facility(), ship.destination()),
                        ship.time(), lot));
            }
            case Receive receive -> {
                Shipment s = inTransit.remove(receive.lot());
                if (s != null) {
                    Deque<Duration> times = transitTimes.computeIfAbsent(s.route(), r -> new ArrayDeque<>());
                    times.addLast(Duration.between(s.at(), receive.time()));
                    if (times.size() > REMEMBERED) {
                        times.removeFirst();
                    }
                    compare(s, receive);
                }
            }
            default -> {
                // a reversal or anything else that takes a lot out of transit ends its watch
                for (Lot lot : entry.lots()) {
                    if (lot.status() != LotStatus.IN_TRANSIT) {
                        inTransit.remove(lot.id());
                    }
                }
            }
        }
    }

    /** The time a shipment on this route may take: learned from its history, or the registered default. */
    Duration transitTime(FacilityId from, FacilityId to) {
        Deque<Duration> times = transitTimes.get(new Route(from, to));
        if (times == null || times.size() < LEARNED_FROM) {
            return registered;
        }
        Duration longest = times.stream().max(Comparator.naturalOrder()).orElseThrow();
        Duration learned = longest.multipliedBy(2);
        return learned.compareTo(SHORTEST) < 0 ? SHORTEST : learned;
    }

    private void compare(Shipment s, Receive receive) {
        double shipped = s.asShipped().mass().mg();
        double received = receive.receivedMass().mg();
        Uncertainty u = measurement.of(s.asShipped().form());
        double variance = 2 * Math.pow(u.weighingRsd() * shipped, 2);
        double sigma = Math.max(Math.sqrt(variance), measurement.floor().of((long) shipped));
        double d = received - shipped;
        YearMonth month = YearMonth.from(receive.time().atOffset(offset));
        if (Math.abs(d) > LIMIT * sigma) {
            differences.add(alert(s.lot().value(), month, "lot " + s.lot() + " shipped " + s.route() + " weighed "
                    + QuotaCheck.tonnes((long) received) + " at receipt against " + QuotaCheck.tonnes((long) shipped)
                    + " at dispatch: " + MufMonitor.fmt(d / sigma) + " standard deviations of two weighings",
                    d, sigma, 1, List.of(s.shipped(), receive.id())));
        }
        Tally t = tallies.computeIfAbsent(s.route(), r -> new Tally());
        t.differenceMg += d;
        t.randomVariance += variance;
        t.shippedMg += shipped;
        t.receipts++;
        t.events.add(receive.id());
        // the scales' calibration errs alike on every receipt of a route: it does not shrink with their number
        double routeSigma = Math.sqrt(t.randomVariance + 2 * Math.pow(u.systematicRsd() * t.shippedMg, 2));
        if (t.receipts >= 2 && Math.abs(t.differenceMg) > LIMIT * Math.max(routeSigma, sigma)) {
            differences.add(alert(s.route().toString(), month, "shipments " + s.route() + " arrived "
                    + QuotaCheck.tonnes((long) Math.abs(t.differenceMg)) + (t.differenceMg < 0 ? " lighter" : " heavier")
                    + " than dispatched over " + t.receipts + " receipts: " + MufMonitor.fmt(t.differenceMg / routeSigma)
                    + " standard deviations of their sum", t.differenceMg, routeSigma, t.receipts, t.events));
            tallies.remove(s.route());
        }
    }

    private static Alert alert(String subject, YearMonth month, String message, double differenceMg, double sigmaMg,
                               int receipts, List<EventId> events) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("difference t", MufMonitor.fmt(differenceMg / 1e9));
        figures.put("sigma t", MufMonitor.fmt(sigmaMg / 1e9));
        figures.put("receipts", Integer.toString(receipts));
        return new Alert(AlertKind.SHIPPER_RECEIVER_DIFFERENCE, subject, month, message, figures,
                events.size() > 20 ? events.subList(events.size() - 20, events.size()) : events);
    }

    /** Lots still in transit past their route's time at {@code booksTime}, and every shipper/receiver alert so far. */
    List<Alert> alerts(Instant booksTime) {
        List<Alert> out = new ArrayList<>(differences);
        for (Shipment s : inTransit.values()) {
            Duration allowed = transitTime(s.route().from(), s.route().to());
            Instant due = s.at().plus(allowed);
            if (booksTime.isAfter(due)) {
                Map<String, String> figures = new LinkedHashMap<>();
                figures.put("shipped", s.at().toString());
                figures.put("due", due.toString());
                figures.put("transit time days", MufMonitor.fmt(allowed.toHours() / 24.0));
                figures.put("from", s.route().from().value());
                figures.put("to", s.route().to().value());
                figures.put("mass t", QuotaCheck.tonnes(s.asShipped().mass().mg()));
                out.add(new Alert(AlertKind.SHIPMENT_OVERDUE, s.lot().value(), YearMonth.from(due.atOffset(offset)),
                        "lot " + s.lot() + " shipped " + s.route() + " on " + s.at() + " has not been received by "
                                + due + " (the route's transit time is " + MufMonitor.fmt(allowed.toHours() / 24.0)
                                + " days)", figures, List.of(s.shipped())));
            }
        }
        return out;
    }
}
