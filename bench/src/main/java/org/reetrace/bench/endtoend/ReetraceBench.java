package org.reetrace.bench.endtoend;

import org.reetrace.app.cli.Commands;

import picocli.CommandLine;

/**
 * The bench module's executable jar: {@code reetrace} with one command more, {@code bench}, so that the benchmark
 * ships apart from the application yet runs the same code, and a server it forks ({@code serve}) runs from this
 * jar too.
 */
public final class ReetraceBench {

    private ReetraceBench() {
    }

    /** The {@code reetrace} command line with {@code bench} among its commands. */
    public static CommandLine commandLine() {
        return Commands.commandLine().addSubcommand(new BenchCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
