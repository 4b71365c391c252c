package org.reetrace.epcis.document;

/**
 * A document could be parsed as JSON or XML but an event in it cannot be a record: a time that is no
 * time, an unknown action, a number written as text. Carries the event's index and where in the
 * document the fault is (a JSON pointer, or "line:column" for XML) so a caller can tombstone the event.
 */
public class MalformedEventException extends IllegalArgumentException {
    private final int eventIndex;
    private final String location;

    public MalformedEventException(int eventIndex, String location, String message) {
        super("event " + eventIndex + " at " + location + ": " + message);
        this.eventIndex = eventIndex;
        this.location = location;
    }

    public int eventIndex() {
        return eventIndex;
    }

    public String location() {
        return location;
    }

    public String reason() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}
