package org.reetrace.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reetrace.app.ledger.EventJson;
import org.reetrace.app.registry.RegistryChangeJson;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.RegistryChange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Malaysian mine-to-magnet chain, half a year of it, read from two resources: its registry,
 * {@code demo/registry.json} (operators and their shareholders up to the Malaysian state, facilities, mining leases,
 * permits and licences, a permanent forest reserve, technology agreements; each change with the instant it takes
 * effect, as {@code reetrace registry record} reads them), and its events, {@code demo/events.json} (the native event
 * form, as {@code reetrace import} reads it). The chain: an in-situ leach mine on ion-adsorption clay in Perak, a mine
 * working monazite out of tin tailings (amang), a cracking and separation plant in Kuantan, a metal plant, a magnet
 * maker, a licensed disposal facility for the thorium-bearing residue, an import of Chinese dysprosium oxide and an
 * export of magnets. Names are invented; the chemistry is not:
 * <ul>
 * <li>Monazite uses the per-element REO distribution of Araxá monazite (reference table
 * ree_distribution_by_source.csv; no full Malaysian monazite table was found), Th and U in tin tailings as
 * measured in Perak amang (thorium_uranium_content.csv: raw amang 174-1,566 ppm Th, 83-383 ppm U).</li>
 * <li>The ion-adsorption clay pattern is synthetic: La-dominant and Ce-depleted as the Malaysian sample study
 * in the same table describes, with the Y and heavy share typical of the South China clays.</li>
 * <li>Recoveries are typical plant figures (90 % in gravity concentration, 97 % in cracking, 95-97 % in
 * separation, 98 % in metal making); thorium goes to the cracking residue.</li>
 * </ul>
 * Every output was computed from the inputs, and whatever is not recovered is a declared loss or a residue lot, so
 * the books balance to the milligram: an edit of the events must keep them balanced, or the ledger refuses it.
 */
public final class DemoChain {

    public static final FacilityId ISL_MINE = FacilityId.of("MY-PRK-ISL-01");
    public static final FacilityId SEPARATION = FacilityId.of("MY-PHG-SEP-01");

    /** The magnet lot that is exported: its pedigree shows Malaysian and Chinese dysprosium. */
    public static final LotId MAGNETS = LotId.of("MAG-2026-0001");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Dated> changes;
    private final List<LedgerEvent> events;

    private DemoChain(List<Dated> changes, List<LedgerEvent> events) {
        this.changes = List.copyOf(changes);
        this.events = List.copyOf(events);
    }

    public static DemoChain build() {
        List<Dated> changes = new ArrayList<>();
        for (JsonNode n : read("registry.json")) {
            changes.add(new Dated(RegistryChangeJson.read(n), Instant.parse(n.path("effective").asString())));
        }
        List<LedgerEvent> events = new ArrayList<>();
        // every event states its masses and compositions: none needs a lot's mass from the ledger
        for (JsonNode n : read("events.json").path("events")) {
            events.add(EventJson.read(n, lot -> Optional.empty()));
        }
        return new DemoChain(changes, events);
    }

    /** The registry changes, in the order they are recorded, each with the instant it takes effect. */
    public List<Dated> registryChanges() {
        return changes;
    }

    public List<LedgerEvent> events() {
        return events;
    }

    /** A registry change and the instant it takes effect. */
    public record Dated(RegistryChange change, Instant effective) {
    }

    private static JsonNode read(String name) {
        try (InputStream in = DemoChain.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + name + " is missing from the application");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/" + name, e);
        }
    }
}
