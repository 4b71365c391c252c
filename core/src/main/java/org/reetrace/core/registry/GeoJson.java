package org.reetrace.core.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON (RFC 7946) FeatureCollection of Polygon and MultiPolygon features: how zones (forest reserves,
 * water catchments, sensitive areas) and lease areas come into the registry. Positions are [longitude, latitude].
 * Ring orientation is not enforced (RFC 7946 recommends counter-clockwise outer rings, but much published data,
 * including the Natural Earth states in the reference folder, is clockwise). Anything else is refused whole, with
 * the feature index and the reason: a zone that silently lost a polygon would let mining through.
 */
public final class GeoJson {

    /** One feature: its properties as text (numbers and booleans as written) and its area. */
    public record Feature(int index, Map<String, String> properties, Area area) {
        public Feature {
            properties = Map.copyOf(properties);
        }

        public String property(String name) {
            return properties.get(name);
        }
    }

    private GeoJson() {
    }

    public static List<Feature> features(String json) {
        Object root = MiniJson.parse(json);
        if (!(root instanceof Map<?, ?> fc) || !"FeatureCollection".equals(fc.get("type"))) {
            throw new IllegalArgumentException("GeoJSON: expected an object with \"type\": \"FeatureCollection\"");
        }
        if (!(fc.get("features") instanceof List<?> list)) {
            throw new IllegalArgumentException("GeoJSON: a FeatureCollection needs a \"features\" array");
        }
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(feature(i, list.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GeoJSON feature " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Feature feature(int index, Object o) {
        if (!(o instanceof Map<?, ?> f) || !"Feature".equals(f.get("type"))) {
            throw new IllegalArgumentException("expected an object with \"type\": \"Feature\"");
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (f.get("properties") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> {
                if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                    props.put((String) k, v instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                            ? Long.toString(d.longValue()) : v.toString());
                }
            });
        }
        if (!(f.get("geometry") instanceof Map<?, ?> g)) {
            throw new IllegalArgumentException("has no geometry");
        }
        List<Polygon> polygons = new ArrayList<>();
        Object coords = g.get("coordinates");
        switch (String.valueOf(g.get("type"))) {
            case "Polygon" -> polygons.add(polygon(coords));
            case "MultiPolygon" -> {
                if (!(coords instanceof List<?> polys) || polys.isEmpty()) {
                    throw new IllegalArgumentException("a MultiPolygon needs a non-empty array of polygons");
                }
                for (Object poly : polys) {
                    polygons.add(polygon(poly));
                }
            }
            default -> throw new IllegalArgumentException("geometry type " + g.get("type")
                    + " is not an area; zones are Polygon or MultiPolygon");
        }
        return new Feature(index, props, Area.of(polygons));
    }

    private static Polygon polygon(Object o) {
        if (!(o instanceof List<?> rings) || rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon needs an array of linear rings, the first the outer one");
        }
        LinearRing shell = Area.ring(positions(rings.getFirst()));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = Area.ring(positions(rings.get(i)));
        }
        return Area.GEOMETRY.createPolygon(shell, holes);
    }

    private static List<GeoPoint> positions(Object o) {
        if (!(o instanceof List<?> ring)) {
            throw new IllegalArgumentException("a linear ring is an array of positions");
        }
        List<GeoPoint> pts = new ArrayList<>(ring.size());
        for (Object p : ring) {
            if (!(p instanceof List<?> xy) || xy.size() < 2 || !(xy.get(0) instanceof Double lon)
                    || !(xy.get(1) instanceof Double lat)) {
                throw new IllegalArgumentException("a position is [longitude, latitude], got " + p);
            }
            pts.add(new GeoPoint(lat, lon));
        }
        if (pts.size() < 4 || !pts.getFirst().equals(pts.getLast())) {
            throw new IllegalArgumentException("a linear ring needs at least 4 positions and must end where it starts");
        }
        return pts;
    }
}
