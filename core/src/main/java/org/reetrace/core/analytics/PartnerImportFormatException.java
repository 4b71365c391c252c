package org.reetrace.core.analytics;

/** A partner-statistics file that cannot be read, with the line at fault (1 = the first line of the file). */
public final class PartnerImportFormatException extends IllegalArgumentException {

    private final int line;

    public PartnerImportFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
