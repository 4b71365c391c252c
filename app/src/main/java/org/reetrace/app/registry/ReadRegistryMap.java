package org.reetrace.app.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistrySnapshot;

/**
 * The registry drawn on a map: mining leases and protected zones as polygons, facilities as points, as they stand
 * now. For those who read all of the registry (not the public: lease areas and zones may not be open to it).
 */
@UseCase
public class ReadRegistryMap {

    /**
     * A polygon area: its code, name, kind (a zone kind, or {@code MINING_LEASE}), who holds it (a lease's operator
     * and mine), and its polygons as GeoJSON coordinates ([longitude, latitude] positions).
     */
    public record MapArea(String code, String name, String kind, String holder, String facility,
                          List<List<List<double[]>>> coordinates) {
    }

    public record MapSite(String id, String name, String kind, String operator, double latitude, double longitude) {
    }

    public record RegistryMap(List<MapArea> leases, List<MapArea> zones, List<MapSite> facilities) {
    }

    private final StoredRegistry registry;

    public ReadRegistryMap(StoredRegistry registry) {
        this.registry = registry;
    }

    public RegistryMap read(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        RegistrySnapshot r = registry.latest();
        // a lease renewed has several terms: its latest is drawn
        Map<String, Licence> latestTerms = new TreeMap<>();
        r.licences().stream().filter(l -> l.kind() == LicenceKind.MINING_LEASE && l.leaseArea().isPresent())
                .sorted(Comparator.comparing((Licence l) -> l.validity().from()))
                .forEach(l -> latestTerms.put(l.id().value(), l));
        List<MapArea> leases = latestTerms.values().stream()
                .map(l -> new MapArea(l.id().value(), l.id().value(), l.kind().name(), l.holder().value(),
                        l.site().map(f -> f.value()).orElse(null), coordinates(l.leaseArea().get())))
                .toList();
        List<MapArea> zones = r.zones().stream().sorted(Comparator.comparing(z -> z.code().value()))
                .map(z -> new MapArea(z.code().value(), z.name(), z.kind().name(), null, null, coordinates(z.area())))
                .toList();
        List<MapSite> sites = r.facilities().stream().map(RegisteredFacility::facility)
                .filter(f -> f.position().isPresent())
                .sorted(Comparator.comparing(f -> f.id().value()))
                .map(f -> new MapSite(f.id().value(), f.name(), f.kind().name(), f.operator().value(),
                        f.position().get().latitude(), f.position().get().longitude()))
                .toList();
        return new RegistryMap(leases, zones, sites);
    }

    private static List<List<List<double[]>>> coordinates(Area area) {
        return area.polygons().stream().map(rings -> rings.stream()
                .map(ring -> ring.stream().map(p -> new double[] {p.longitude(), p.latitude()}).toList())
                .toList()).toList();
    }
}
