package org.reetrace.app.chaos;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the chaos clients book: a mine of its own operator extracts small ore lots inside its lease, ships every
 * other one to the operator's separation plant, which receives it. The registry is set up through the API as a
 * regulator would (operator, mine, plant, mining lease with a quota that the run cannot exhaust), so that the rule
 * packs in force (MY-MIN-LEASE, MY-MIN-01, MY-MIN-QUOTA) pass every event. Ids carry the run's own prefix, so runs
 * on the same data folder never meet.
 */
final class Workload {

    /** An event the server answered 201 (or 200: booked before) for, with the sequence and hash it answered. */
    record Acknowledged(String eventId, long sequence, String hash) {
    }

    private final String run;
    private final String operator;
    private final String mine;
    private final String plant;

    Workload(String run) {
        this.run = run;
        this.operator = "OP-CHAOS-" + run;
        this.mine = "MY-CHAOS-MINE-" + run;
        this.plant = "MY-CHAOS-SEP-" + run;
    }

    /** Registers the operator, its mine and plant and the lease; answers a token of the operator for the clients. */
    String register(Api regulator) throws IOException, InterruptedException {
        // effective a year back, so that the events' times (now) are well inside every term
        String since = LocalDate.now(ZoneOffset.UTC).minusYears(1).toString();
        regulator.require(201, "/api/operators", """
                {"id": "%s", "name": "Chaos %s Sdn Bhd", "country": "MY", "effective": "%s"}"""
                .formatted(operator, run, since));
        regulator.require(201, "/api/facilities", """
                {"id": "%s", "operator": "%s", "name": "Chaos mine", "kind": "MINE", "country": "MY",
                 "location": {"latitude": 5.25, "longitude": 101.15}, "effective": "%s"}"""
                .formatted(mine, operator, since));
        regulator.require(201, "/api/facilities", """
                {"id": "%s", "operator": "%s", "name": "Chaos separation plant", "kind": "SEPARATION_PLANT",
                 "country": "MY", "location": {"latitude": 3.97, "longitude": 103.38}, "effective": "%s"}"""
                .formatted(plant, operator, since));
        regulator.require(201, "/api/licences", """
                {"id": "ML-CHAOS-%s", "kind": "MINING_LEASE", "holder": "%s", "facility": "%s", "issuer": "MY",
                 "from": "%s", "annualQuotaKg": 1000000000, "effective": "%s",
                 "area": {"type": "Polygon", "coordinates":
                   [[[101.1,5.2],[101.2,5.2],[101.2,5.3],[101.1,5.3],[101.1,5.2]]]}}"""
                .formatted(run, operator, mine, since, since));
        return regulator.require(201, "/api/tokens", """
                {"name": "chaos clients %s", "role": "OPERATOR", "operator": "%s"}""".formatted(run, operator))
                .json().path("token").asString();
    }

    /**
     * A client: books lots until {@code stop} is set or the server is gone (the first request that fails to get an
     * answer), adding every acknowledged event to {@code acknowledged} and every other answer to {@code refused}.
     */
    Runnable client(String name, Api api, AtomicBoolean stop, Queue<Acknowledged> acknowledged, Queue<String> refused) {
        return () -> {
            Instant[] clock = {Instant.EPOCH};
            try {
                for (int n = 0; !stop.get(); n++) {
                    String lot = run + "-" + name + "-" + n;
                    // a refusal means the workload is wrong, not the server: the client stops and the round reports it
                    if (!book(api, extract(lot, next(clock)), acknowledged, refused)) {
                        return;
                    }
                    if (n % 2 == 0 && (!book(api, ship(lot, next(clock)), acknowledged, refused)
                            || !book(api, receive(lot, next(clock)), acknowledged, refused))) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the server was killed under this client: what it acknowledged is what counts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static boolean book(Api api, String event, Queue<Acknowledged> acknowledged, Queue<String> refused)
            throws IOException, InterruptedException {
        Api.Answer answer = api.post("/api/events", event);
        if (!answer.booked()) {
            refused.add(answer.status() + " " + answer.body());
            return false;
        }
        var json = answer.json();
        acknowledged.add(new Acknowledged(json.path("eventId").asString(), json.path("sequence").asLong(),
                json.path("hash").asString()));
        return true;
    }

    /** Now, but always after the client's previous event, so that a lot's events are in order. */
    private static Instant next(Instant[] clock) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock[0] = now.isAfter(clock[0]) ? now : clock[0].plusMillis(1);
        return clock[0];
    }

    private String extract(String lot, Instant time) {
        return """
                {"id": "%1$s-x", "type": "EXTRACT", "time": "%2$s", "facility": "%3$s", "lot": "%1$s", "form": "ORE",
                 "massKg": 1.5, "compositionMg": {"La": 300000, "Ce": 450000, "Nd": 150000, "Th": 900},
                 "location": {"latitude": 5.25, "longitude": 101.15}}""".formatted(lot, time, mine);
    }

    private String ship(String lot, Instant time) {
        return """
                {"id": "%1$s-s", "type": "SHIP", "time": "%2$s", "facility": "%3$s", "lot": "%1$s",
                 "destination": "%4$s"}""".formatted(lot, time, mine, plant);
    }

    private String receive(String lot, Instant time) {
        return """
                {"id": "%1$s-r", "type": "RECEIVE", "time": "%2$s", "facility": "%3$s", "lot": "%1$s",
                 "receivedMassKg": 1.5}""".formatted(lot, time, plant);
    }
}
