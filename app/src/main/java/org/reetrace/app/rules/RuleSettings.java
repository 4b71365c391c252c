package org.reetrace.app.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reetrace.rules.*}.
 *
 * @param bundledPacks what happens to the packs shipped with reetrace (Malaysia, China, the US, the EU) the first time
 *                     a database sees them: {@code ENABLED} loads them in force, {@code LOADED} loads them without
 *                     putting them in force (for a country that writes its own packs, or to test the ledger alone).
 *                     After that, the regulator's loads, enables and disables are what count.
 */
@ConfigurationProperties("reetrace.rules")
public record RuleSettings(@DefaultValue("ENABLED") BundledPacks bundledPacks) {

    public enum BundledPacks {
        ENABLED,
        LOADED
    }
}
