package org.reetrace.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A gazetted area with a kind, in force over a period (a forest reserve can be degazetted, a catchment added). */
public record Zone(ZoneCode code, String name, ZoneKind kind, Area area, Validity validity) {

    public Zone {
        Objects.requireNonNull(code, "zone code");
        Objects.requireNonNull(kind, "zone kind");
        Objects.requireNonNull(area, "zone area");
        Objects.requireNonNull(validity, "zone validity");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("zone " + code + " needs a name");
        }
    }

    public boolean covers(GeoPoint p, Instant at) {
        return validity.contains(at) && area.contains(p);
    }

    /**
     * Zones from a GeoJSON FeatureCollection. Each feature's code and name are read from the named properties;
     * its kind from a property {@code kind} (a {@link ZoneKind} name) when present, else {@code defaultKind}.
     * Invalid geometry, a missing code or an unknown kind refuses the whole collection.
     */
    public static List<Zone> fromGeoJson(String geoJson, String codeProperty, String nameProperty,
                                         ZoneKind defaultKind, Validity validity) {
        List<Zone> zones = new ArrayList<>();
        for (GeoJson.Feature f : GeoJson.features(geoJson)) {
            String code = f.property(codeProperty);
            if (code == null) {
                throw new IllegalArgumentException("GeoJSON feature " + f.index() + " has no property " + codeProperty
                        + " for the zone code");
            }
            String name = f.property(nameProperty) == null ? code : f.property(nameProperty);
            ZoneKind kind = defaultKind;
            String k = f.property("kind");
            if (k != null) {
                try {
                    kind = ZoneKind.valueOf(k);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("GeoJSON feature " + f.index() + ": unknown zone kind " + k
                            + "; known: " + List.of(ZoneKind.values()));
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("GeoJSON feature " + f.index() + " has no kind and no default was given");
            }
            zones.add(new Zone(ZoneCode.of(code), name, kind, f.area(), validity));
        }
        return zones;
    }
}
