package org.reetrace.app.cli;

/** Options that do not go together or a value no command could take: one line, exit code 2. */
class UsageError extends CommandFailure {

    UsageError(String message) {
        super(message);
    }
}
