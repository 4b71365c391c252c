package org.reetrace.epcis.validation;

import java.util.Objects;

/**
 * One reason a document or one of its events is refused, as a value (a tombstone), never an exception.
 *
 * @param eventIndex zero-based index of the event in the event list, or {@link #DOCUMENT} for the header
 *                   or the document as a whole
 * @param location   a JSON pointer into the document for JSON-LD, "line:column" for XML
 * @param message    what is wrong, in the validator's words
 */
public record ValidationProblem(int eventIndex, String location, String message) {
    public static final int DOCUMENT = -1;

    public ValidationProblem {
        if (eventIndex < DOCUMENT) {
            throw new IllegalArgumentException("event index " + eventIndex);
        }
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
