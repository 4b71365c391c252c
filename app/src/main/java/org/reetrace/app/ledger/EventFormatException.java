package org.reetrace.app.ledger;

/** An event document that does not say what an event needs; {@code field} is a path such as {@code inputs[0].massKg}. */
public final class EventFormatException extends IllegalArgumentException {

    private final String field;

    public EventFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same problem, one level deeper: {@code events[3]} + {@code lot} = {@code events[3].lot}. */
    public EventFormatException under(String prefix) {
        return new EventFormatException(field.isEmpty() ? prefix : prefix + "." + field, getMessage());
    }
}
