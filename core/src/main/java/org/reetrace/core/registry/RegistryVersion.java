package org.reetrace.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded registry change: its place in the record ({@code sequence}, from 1), the instant it takes effect
 * (may be in the past, for a late registration, or in the future, for a licence that starts next month), when it
 * was recorded, and who made it. What the app stores, one row per version.
 */
public record RegistryVersion(long sequence, Instant effective, Instant recorded, String author, RegistryChange change) {

    public RegistryVersion {
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(change, "change");
        if (sequence < 1) {
            throw new IllegalArgumentException("registry versions count from 1: " + sequence);
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("every registry change records who made it");
        }
    }
}
