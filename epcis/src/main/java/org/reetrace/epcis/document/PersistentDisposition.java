package org.reetrace.epcis.document;

import java.util.List;

/** Dispositions that persist after the event: those it sets and those it unsets (CBV Web URIs). */
public record PersistentDisposition(List<String> set, List<String> unset) {
    public PersistentDisposition {
        set = List.copyOf(set);
        unset = List.copyOf(unset);
    }
}
