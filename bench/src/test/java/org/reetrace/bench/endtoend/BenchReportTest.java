package org.reetrace.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void percentile_ofSortedSamples_isTheNearestRank() {
        double[] ms = new double[100];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = i + 1;
        }
        assertThat(BenchReport.percentile(ms, 50)).isEqualTo(50);
        assertThat(BenchReport.percentile(ms, 99)).isEqualTo(99);
        assertThat(BenchReport.percentile(new double[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void latency_missedGoal_isMarkedInEveryForm() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("postgresql", "PostgreSQL \"17\"");
        BenchReport r = new BenchReport("reetrace bench --quick", env);
        r.latency("Pedigree of a lot", "10 lots", new double[] {1, 1, 3}, "p99 < 2 ms", 2);
        r.row("Raw", "3 rows", 12_345.6, "rows/s", "-", null);

        assertThat(r.rows().getFirst().met()).isFalse();
        assertThat(r.text()).contains("MISSED");
        assertThat(r.markdown()).contains("| Pedigree of a lot | 10 lots, 3 calls | p50 1.00 / p99 3.00 | ms |")
                .contains("`reetrace bench --quick`");
        assertThat(r.json()).contains("\"met\": false").contains("\"met\": null").contains("\"figure\": \"12,346\"")
                .contains("PostgreSQL \\\"17\\\"");
    }

    @Test
    void setting_isAWordWithItsVerdict() {
        BenchReport r = new BenchReport("reetrace bench", new LinkedHashMap<>());
        r.setting("Durable commits", "wal_sync_method fdatasync", "off / off / on", "all on", false);

        assertThat(r.text()).contains("off / off / on").contains("MISSED");
        assertThat(r.markdown()).contains("| Durable commits | wal_sync_method fdatasync | off / off / on |  | all on | MISSED |");
        assertThat(r.json()).contains("\"figure\": \"off / off / on\"");
    }
}
