package org.reetrace.app.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.reetrace.app.analytics.CompareMirrorTrade;
import org.reetrace.app.demo.DemoYear;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

/**
 * The demo's simulated national year, booked once per test JVM beside the demo chain (as {@code reetrace demo} does),
 * with the demo's partner statistics compared against it: the regulator's pages need its alerts, balances, quotas,
 * residue and flows.
 */
final class DemoYearLoaded {

    private static boolean loaded;

    private DemoYearLoaded() {
    }

    static synchronized void ensure(DemoYear year, CompareMirrorTrade mirrorTrade) {
        if (loaded) {
            return;
        }
        year.load();
        try {
            mirrorTrade.compare(Caller.of("demo regulator", Role.REGULATOR), "2026-01", "2027-02",
                    Files.readString(Path.of("..", "docs", "examples", "partner-imports-demo.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded = true;
    }
}
