package org.reetrace.bench.endtoend;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's {@code -Xlog:gc} says about its heap: the collector, the number of pauses, and the most heap in use
 * before and after a pause. The most after a pause bounds what the application held at its peak (it still counts
 * garbage in generations the pause did not collect); the most before a pause is how full the heap got; what is left
 * after the last full collection is what the application held then, garbage and all collected.
 *
 * @param collector     "G1", "Serial", ... (from the log's "Using ..." line), empty if the log does not say
 * @param lastFullAfter bytes in use after the last full pause, 0 if there was none
 */
record GcLog(String collector, int pauses, long peakBeforeBytes, long peakAfterBytes, long heapBytes,
             long lastFullAfter) {

    // e.g. "[1.234s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->43M(256M) 5.123ms"
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) Pause (\\S+).*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern USING = Pattern.compile("\\[gc[^]]*] Using (\\S+)");

    static GcLog parse(List<String> lines) {
        String collector = "";
        int pauses = 0;
        long before = 0;
        long after = 0;
        long heap = 0;
        long lastFull = 0;
        for (String line : lines) {
            Matcher using = USING.matcher(line);
            if (using.find()) {
                collector = using.group(1);
            }
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses++;
                before = Math.max(before, bytes(m.group(2), m.group(3)));
                long left = bytes(m.group(4), m.group(5));
                after = Math.max(after, left);
                heap = Math.max(heap, bytes(m.group(6), m.group(7)));
                if (m.group(1).equals("Full")) {
                    lastFull = left;
                }
            }
        }
        return new GcLog(collector, pauses, before, after, heap, lastFull);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
