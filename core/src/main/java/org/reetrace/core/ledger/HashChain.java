package org.reetrace.core.ledger;

import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.LedgerEvent;

/**
 * Links every accepted event to the one before: hash(n) = SHA-256(hash(n-1) + "\n" + canonical form of event n).
 * Changing, removing or reordering any stored event breaks every link after it.
 */
public final class HashChain {

    /** The link before the first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previous, LedgerEvent event) {
        return link(previous, CanonicalForm.of(event));
    }

    /** The link for an event whose canonical form the caller already has. */
    public static String link(String previous, String canonicalForm) {
        return CanonicalForm.sha256Hex(previous + "\n" + canonicalForm);
    }
}
