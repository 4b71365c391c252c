package org.reetrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reetrace.app.TestDataDirs;
import org.reetrace.core.analytics.PartnerImportCsv;

/** {@code reetrace simulate --into-ledger} then {@code reetrace reconcile} on the same database, at tiny scale. */
class ReconcileCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int reetrace(String... args) {
        return CommandRun.reetrace(out, err, args);
    }

    @Test
    void a_simulated_quarter_booked_into_the_ledger_reconciles_against_its_partner_statistics() throws Exception {
        String data = TestDataDirs.fresh("reconcile").toString();

        int simulated = reetrace("simulate", "--seed", "2", "--months", "3", "--into-ledger", "--out", dir.toString(),
                "--data-dir", data);

        assertThat(simulated).as(err.toString() + out).isZero();
        assertThat(out.toString()).contains("0 refused");
        assertThat(dir.resolve("partner-imports.csv")).exists();

        out.getBuffer().setLength(0);
        int reconciled = reetrace("reconcile", "--partner", dir.resolve("partner-imports.csv").toString(),
                "--from", "2026-01", "--to", "2026-03", "--data-dir", data);

        assertThat(reconciled).as(err.toString() + out).isZero();
        assertThat(out.toString()).contains("Mirror trade 2026-01 to 2026-03", "total", "Material balances 2026-01 to 2026-03",
                "MY-PRK-SEP-01");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, PartnerImportCsv.HEADER + "\nJP,MY,280530,2026-02,ten,100\n");
        out.getBuffer().setLength(0);
        int refused = reetrace("reconcile", "--partner", bad.toString(), "--from", "2026-01", "--to", "2026-03",
                "--data-dir", data);

        assertThat(refused).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("reetrace: ").contains("line 2");
    }
}
