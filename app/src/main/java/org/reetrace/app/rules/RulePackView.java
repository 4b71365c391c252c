package org.reetrace.app.rules;

import java.time.Instant;

/** A pack as listed: its header, whether it is in force, and who loaded it when. */
public record RulePackView(String name, String version, String jurisdiction, String title, String digest,
                           String source, boolean enabled, int rules, Instant loadedAt, String loadedBy) {
}
