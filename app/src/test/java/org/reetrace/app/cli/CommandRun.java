package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.io.Writer;

/** Runs the {@code reetrace} command line inside the test's JVM, catching what it prints. */
public final class CommandRun {

    private CommandRun() {
    }

    /** The exit code of {@code reetrace args...}; standard output goes to {@code out}, errors to {@code err}. */
    public static int reetrace(Writer out, Writer err, String... args) {
        var commandLine = Commands.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
