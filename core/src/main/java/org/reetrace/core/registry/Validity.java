package org.reetrace.core.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open period {@code [from, until)}: a licence, zone, agreement or rule is in force from its first instant up
 * to, but not including, its end. {@code until} null means open-ended. Half-open periods make a renewal that starts
 * the day the old term ends neither overlap nor leave a gap.
 */
public record Validity(Instant from, Instant until) {

    public static final Validity ALWAYS = new Validity(Instant.MIN, null);

    public Validity {
        Objects.requireNonNull(from, "validity start");
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("validity must end after it starts: " + from + " .. " + until);
        }
    }

    public static Validity from(Instant from) {
        return new Validity(from, null);
    }

    /** Calendar dates as they are written in law and licences, read in the zone of the authority. */
    public static Validity ofDates(LocalDate from, LocalDate until, ZoneId zone) {
        return new Validity(from == null ? Instant.MIN : from.atStartOfDay(zone).toInstant(),
                until == null ? null : until.atStartOfDay(zone).toInstant());
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && (until == null || t.isBefore(until));
    }

    public boolean overlaps(Validity other) {
        boolean thisEndsBefore = until != null && !until.isAfter(other.from);
        boolean otherEndsBefore = other.until != null && !other.until.isAfter(from);
        return !thisEndsBefore && !otherEndsBefore;
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(until);
    }

    @Override
    public String toString() {
        return (from.equals(Instant.MIN) ? "" : from.toString()) + ".." + (until == null ? "" : until.toString());
    }
}
