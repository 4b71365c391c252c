package org.reetrace.app.transparency;

import java.time.Duration;

import org.reetrace.verifier.tlog.SignedNote;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reetrace.transparency.*}: the public log of the ledger's events.
 *
 * @param origin             the log's name, the first line of its checkpoints and its key name: the scheme-less URL of
 *                           its {@code /log} prefix, such as {@code regulator.example/reetrace/log}
 * @param checkpointInterval how often a checkpoint is signed when the log grew
 * @param enabled            whether events are logged as they are booked; off only to measure what the log costs (the
 *                           events are logged at the next start with it on)
 */
@ConfigurationProperties("reetrace.transparency")
public record TransparencySettings(
        @DefaultValue("localhost/reetrace/log") String origin,
        @DefaultValue("10s") Duration checkpointInterval,
        @DefaultValue("true") boolean enabled) {

    public TransparencySettings {
        if (!SignedNote.validName(origin)) {
            throw new IllegalArgumentException("reetrace.transparency.origin must be non-empty, without spaces or '+': "
                    + origin);
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("reetrace.transparency.checkpoint-interval must be positive");
        }
    }
}
