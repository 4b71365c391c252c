package org.reetrace.app;

import org.reetrace.app.cli.Commands;

/**
 * {@code reetrace ...}: the one entry point. Picocli parses the command line first; each command then
 * starts the Spring application in the form it needs (a web server for {@code serve}, no web server for
 * offline commands).
 */
public final class Reetrace {

    private Reetrace() {
    }

    public static void main(String[] args) {
        // For serve this returns only once the context is closed, usually from the JVM's shutdown hook;
        // exit() then waits for the hooks to finish, which is what should happen anyway.
        System.exit(Commands.commandLine(args).execute(args));
    }
}
