package org.reetrace.app.cli;

/** A command that cannot do what was asked, for a reason the user can act on; printed as one line. */
public class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }
}
