package org.reetrace.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void the_peaks_before_and_after_a_pause_are_read_from_a_g1_log() {
        GcLog log = GcLog.parse(List.of(
                "[0.003s][info][gc] Using G1",
                "[0.714s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 15M->4M(256M) 13.237ms",
                "[1.101s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 102M->75M(256M) 46.000ms",
                "[1.200s][info][gc] GC(2) Concurrent Mark Cycle 12.000ms",
                "[1.300s][info][gc] GC(2) Pause Remark 120M->118M(256M) 2.000ms",
                "[1.500s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 250M->96M(256M) 300.100ms"));

        assertThat(log.collector()).isEqualTo("G1");
        assertThat(log.pauses()).isEqualTo(4);
        assertThat(log.peakBeforeBytes()).isEqualTo(250L << 20);
        assertThat(log.peakAfterBytes()).isEqualTo(118L << 20);
        assertThat(log.heapBytes()).isEqualTo(256L << 20);
        assertThat(log.lastFullAfter()).isEqualTo(96L << 20);
    }

    @Test
    void a_serial_log_in_kilobytes_reads_alike_and_an_empty_log_says_nothing() {
        GcLog serial = GcLog.parse(List.of("[0.003s][info][gc] Using Serial",
                "[1.195s][info][gc] GC(0) Pause Young (Allocation Failure) 70656K->43008K(252928K) 44.877ms"));
        assertThat(serial.collector()).isEqualTo("Serial");
        assertThat(serial.peakAfterBytes()).isEqualTo(43008L << 10);
        assertThat(serial.lastFullAfter()).as("no full pause").isZero();

        assertThat(GcLog.parse(List.of())).isEqualTo(new GcLog("", 0, 0, 0, 0, 0));
    }
}
