package org.reetrace.app.epcis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When a scheduled subscription runs, as the binding's QueryScheduleSubscription says it (EPCIS 1.2's
 * QuerySchedule): each field a list of values ({@code 1,5}), ranges ({@code [1-5]} or {@code 1-5}) and steps
 * ({@code 0/30}: 0, 30, ...), or {@code *}, in UTC. A field left out is any value if a larger unit is left out too,
 * and its first value otherwise: {@code {"hour": "1", "minute": "5"}} runs at 01:05:00 every day, not sixty times.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Schedule(String second, String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {

    private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}};
    private static final List<String> NAMES = List.of("second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek");

    /** Checks every field; a schedule that names no field, or that never comes (31 February), is refused. */
    Schedule {
        // the fields are not yet assigned here: the parameters are what is checked
        List<String> given = java.util.Arrays.asList(second, minute, hour, dayOfMonth, month, dayOfWeek);
        if (given.stream().allMatch(f -> f == null)) {
            throw problem("schedule", "names none of " + NAMES);
        }
        matchers(given);
    }

    private List<String> fields() {
        return java.util.Arrays.asList(second, minute, hour, dayOfMonth, month, dayOfWeek);
    }

    /** The first instant after {@code after}, to the second, that the schedule names. */
    Instant next(Instant after) {
        BitSet[] m = matchers(fields());
        ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        // a year of days, hours, minutes and seconds at most: each step skips the rest of a unit that cannot match
        for (int step = 0; step < 1_000_000; step++) {
            if (!m[4].get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!m[3].get(t.getDayOfMonth()) || !m[5].get(t.getDayOfWeek().getValue())) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!m[2].get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!m[1].get(t.getMinute())) {
                t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!m[0].get(t.getSecond())) {
                t = t.plusSeconds(1);
            } else {
                return t.toInstant();
            }
        }
        throw problem("schedule", "names no time within the next years");
    }

    /** The values each field lets through, seconds first; an omitted field as the class comment says. */
    private static BitSet[] matchers(List<String> fields) {
        BitSet[] m = new BitSet[fields.size()];
        // the largest unit given (dayOfWeek ranks with dayOfMonth): smaller units left out take their first value
        int largest = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) != null) {
                largest = Math.max(largest, i == 5 ? 3 : i);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            int min = RANGES[i][0];
            int max = RANGES[i][1];
            String f = fields.get(i);
            if (f == null) {
                f = i < largest && i < 3 ? String.valueOf(min) : "*";
            }
            m[i] = parse(NAMES.get(i), f, min, max);
        }
        return m;
    }

    private static BitSet parse(String name, String field, int min, int max) {
        BitSet set = new BitSet(max + 1);
        for (String element : field.strip().split(",", -1)) {
            String e = element.strip();
            try {
                if (e.equals("*")) {
                    set.set(min, max + 1);
                } else if (e.contains("/")) {
                    String[] p = e.split("/", -1);
                    int from = p[0].equals("*") ? min : number(p[0], min, max);
                    int by = Integer.parseInt(p[1]);
                    if (by < 1) {
                        throw new IllegalArgumentException();
                    }
                    for (int v = from; v <= max; v += by) {
                        set.set(v);
                    }
                } else if (e.contains("-")) {
                    String range = e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e;
                    String[] p = range.split("-", -1);
                    int from = number(p[0], min, max);
                    int to = number(p[1], min, max);
                    if (p.length != 2 || from > to) {
                        throw new IllegalArgumentException();
                    }
                    set.set(from, to + 1);
                } else {
                    set.set(number(e, min, max));
                }
            } catch (RuntimeException x) {
                throw problem(name, "must be values from " + min + " to " + max + ", ranges such as [1-5] or steps "
                        + "such as 0/30, separated by ',', not " + field);
            }
        }
        return set;
    }

    private static int number(String s, int min, int max) {
        int v = Integer.parseInt(s.strip());
        if (v < min || v > max) {
            throw new IllegalArgumentException(s);
        }
        return v;
    }

    private static org.reetrace.app.web.ProblemException problem(String field, String why) {
        return EpcisProblems.subscriptionControls(field + ": " + why);
    }
}
