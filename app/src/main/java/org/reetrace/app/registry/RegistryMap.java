package org.reetrace.app.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.reetrace.app.registry.RegistryViews.FacilityView;
import org.reetrace.app.registry.RegistryViews.LicenceView;
import org.reetrace.app.registry.RegistryViews.ZoneView;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's places as one GeoJSON FeatureCollection for the pages' maps: Malaysia's states as the ground (there
 * is no tile server), then zones, lease areas and facilities, each with the {@code kind}, {@code label}, {@code href}
 * and {@code note} that reetrace.js draws and links.
 */
@Component
class RegistryMap {

    /** The states of Malaysia, from docs/reference/geo (Natural Earth), put on the class path by the build. */
    private static final String STATES = "/geo/malaysia-states.geojson";

    /** A state's outline and the box around it, to leave out states far from everything on a map. */
    private record State(Map<String, Object> feature, double[] box) {
    }

    /** How far (degrees) around the registry's places a state may be and still be drawn. */
    private static final double MARGIN = 1.0;

    private final List<State> states;

    RegistryMap(JsonMapper json) {
        try (InputStream in = RegistryMap.class.getResourceAsStream(STATES)) {
            if (in == null) {
                throw new IllegalStateException(STATES + " is missing from the application");
            }
            List<State> features = new ArrayList<>();
            for (JsonNode f : json.readTree(in).path("features")) {
                Map<String, Object> geometry = rounded(json.convertValue(f.path("geometry"), Map.class));
                features.add(new State(feature("state", f.path("properties").path("name").asString(), null, null,
                        geometry), box(geometry.get("coordinates"), empty())));
            }
            this.states = List.copyOf(features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The given zones, leases (licences with an area) and facilities (those with a location) over the states around
     * them: a map of the peninsula's places is not stretched to Borneo.
     */
    Map<String, Object> of(List<ZoneView> zones, List<LicenceView> licences, List<FacilityView> facilities) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (ZoneView z : zones) {
            features.add(feature("zone", z.code() + " · " + z.name(), "/registry/zones#zone-" + z.code(),
                    z.kind(), geometry(z.areaWkt())));
        }
        for (LicenceView l : licences) {
            if (l.areaWkt() != null) {
                features.add(feature("lease", l.id(), "/registry/licences#licence-" + l.id(), l.holder(),
                        geometry(l.areaWkt())));
            }
        }
        for (FacilityView f : facilities) {
            if (f.location() != null) {
                features.add(feature("facility", f.name(), "/facilities/" + f.id(), f.id() + " · " + f.operator(),
                        Map.of("type", "Point", "coordinates",
                                List.of(f.location().get("longitude"), f.location().get("latitude")))));
            }
        }
        double[] around = empty();
        for (Map<String, Object> f : features) {
            box(((Map<?, ?>) f.get("geometry")).get("coordinates"), around);
        }
        List<Map<String, Object>> ground = states.stream()
                .filter(st -> features.isEmpty() || overlaps(st.box(), around)).map(State::feature).toList();
        List<Map<String, Object>> all = new ArrayList<>(ground);
        all.addAll(features);
        return Map.of("type", "FeatureCollection", "features", all);
    }

    /** {west, south, east, north} of nothing yet. */
    private static double[] empty() {
        return new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    }

    /** Widens {@code box} to every position in GeoJSON coordinates (nested lists ending in [longitude, latitude]). */
    private static double[] box(Object coordinates, double[] box) {
        if (coordinates instanceof List<?> list && !list.isEmpty()) {
            if (list.getFirst() instanceof Number) {
                double x = ((Number) list.get(0)).doubleValue();
                double y = ((Number) list.get(1)).doubleValue();
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            } else {
                list.forEach(c -> box(c, box));
            }
        }
        return box;
    }

    private static boolean overlaps(double[] state, double[] around) {
        return state[0] <= around[2] + MARGIN && state[2] >= around[0] - MARGIN
                && state[1] <= around[3] + MARGIN && state[3] >= around[1] - MARGIN;
    }

    private static Map<String, Object> feature(String kind, String label, String href, String note,
                                               Map<String, Object> geometry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", kind);
        properties.put("label", label);
        if (href != null) {
            properties.put("href", href);
        }
        if (note != null) {
            properties.put("note", note);
        }
        return Map.of("type", "Feature", "properties", properties, "geometry", geometry);
    }

    /** A stored area (WKT, longitude first as GeoJSON) as a GeoJSON geometry. */
    static Map<String, Object> geometry(String wkt) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored area is not WKT: " + e.getMessage(), e);
        }
        if (g instanceof Polygon p) {
            return Map.of("type", "Polygon", "coordinates", rings(p));
        }
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            polygons.add(rings((Polygon) g.getGeometryN(i)));
        }
        return Map.of("type", "MultiPolygon", "coordinates", polygons);
    }

    private static List<Object> rings(Polygon p) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(p.getExteriorRing().getCoordinates()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            rings.add(positions(p.getInteriorRingN(h).getCoordinates()));
        }
        return rings;
    }

    private static List<Object> positions(Coordinate[] coordinates) {
        List<Object> out = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            out.add(List.of(c.x, c.y));
        }
        return out;
    }

    /** The states' outlines to three decimals (about 100 m): enough for the ground of a national map, half the size. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rounded(Map<String, Object> geometry) {
        return Map.of("type", geometry.get("type"), "coordinates", round(geometry.get("coordinates")));
    }

    private static Object round(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(RegistryMap::round).toList();
        }
        if (node instanceof Number n) {
            return BigDecimal.valueOf(n.doubleValue()).setScale(3, RoundingMode.HALF_EVEN);
        }
        return node;
    }
}
