package org.reetrace.core.rules;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reetrace.core.registry.Identifier;

/**
 * A versioned file of rules of one jurisdiction, as parsed. {@code params} are named CEL constant expressions
 * (thresholds, country lists) that rules read as {@code params.NAME}: a regulator changes a number without touching
 * the conditions. {@code zone} is the time zone in which the pack's dates are read (laws take effect at local
 * midnight). {@code digest} is the SHA-256 of the file's text, stored with every finding's pack and version.
 */
public record RulePack(String name, String version, Jurisdiction jurisdiction, String title, ZoneId zone,
                       Map<String, Param> params, List<Rule> rules, String source, String digest) {

    /** @param text the CEL constant expression as written; @param line where it is */
    public record Param(String name, String text, int line, int column) {
    }

    public RulePack {
        Identifier.check("pack name", name);
        Identifier.check("pack version", version);
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(zone, "zone");
        params = Map.copyOf(params);
        rules = List.copyOf(rules);
        title = title == null ? name : title;
    }
}
