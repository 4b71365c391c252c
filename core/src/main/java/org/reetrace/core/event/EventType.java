package org.reetrace.core.event;

public enum EventType {
    EXTRACT, ASSAY, SHIP, RECEIVE, TRANSFORM, EXPORT, IMPORT, DISPOSE, ADJUST, REVERSE;

    static EventType of(LedgerEvent e) {
        return switch (e) {
            case Extract x -> EXTRACT;
            case Assay x -> ASSAY;
            case Ship x -> SHIP;
            case Receive x -> RECEIVE;
            case Transform x -> TRANSFORM;
            case Export x -> EXPORT;
            case Import x -> IMPORT;
            case Dispose x -> DISPOSE;
            case Adjust x -> ADJUST;
            case Reverse x -> REVERSE;
        };
    }
}
