package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.List;

import org.reetrace.app.ledger.LedgerVerification.Finding;

/** The findings of one verification: all are counted, the first {@link #LISTED} kept to report. */
final class Findings {

    static final int LISTED = 200;

    private final List<Finding> listed = new ArrayList<>();
    private int count;

    /** A finding about a row of {@code table}; {@code row} is its key (null when about the table as a whole). */
    void add(int invariant, long sequence, String table, String row, String check, String message) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new Finding(invariant, sequence, table, row, check, message));
        }
    }

    /** A finding of a named integrity check, outside the design's six invariants. */
    void add(String table, String row, String check, String message) {
        add(0, 0, table, row, check, message);
    }

    int count() {
        return count;
    }

    List<Finding> listed() {
        return List.copyOf(listed);
    }
}
