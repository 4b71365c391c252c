package org.reetrace.sim.scenario;

/** A scenario file that is refused: the line at fault (1 = first line) and why. */
public final class ScenarioException extends IllegalArgumentException {

    private final int line;

    public ScenarioException(int line, String reason) {
        super("scenario line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
