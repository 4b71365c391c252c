package org.reetrace.app.registry;

import java.time.Instant;

import org.reetrace.core.registry.RegistryChange;

/**
 * A change the registry refused because it would leave some state of the registry invalid; nothing of its batch
 * was recorded. The message is the core's reason, which names the version, its author and effective instant.
 *
 * @param index the change's place in its batch; null when it was recorded alone
 */
public final class RegistryChangeRefused extends RuntimeException {

    private final transient RegistryChange change;
    private final Instant effective;
    private final Integer index;

    RegistryChangeRefused(RegistryChange change, Instant effective, Integer index, IllegalArgumentException reason) {
        super(reason.getMessage(), reason);
        this.change = change;
        this.effective = effective;
        this.index = index;
    }

    public RegistryChange change() {
        return change;
    }

    /** {@link Instant#MIN}: from the start of the records. */
    public Instant effective() {
        return effective;
    }

    public Integer index() {
        return index;
    }
}
