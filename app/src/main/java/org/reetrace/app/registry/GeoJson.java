package org.reetrace.app.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.web.JsonInput;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneCode;
import org.reetrace.core.registry.ZoneKind;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON (RFC 7946) areas: the FeatureCollections of Polygon and MultiPolygon features zones (forest
 * reserves, water catchments, sensitive areas) come in as, and the geometry of a lease area. Positions are
 * [longitude, latitude]. Ring orientation is not enforced (RFC 7946 recommends counter-clockwise outer rings, but
 * much published data, Natural Earth's states among it, is clockwise). Anything else is refused whole, with the
 * feature index and the reason: a zone that silently lost a polygon would let mining through. The domain receives
 * typed {@link Area} values only.
 */
public final class GeoJson {

    /** One feature: its properties as text (numbers and booleans as written) and its area. */
    record Feature(int index, Map<String, String> properties, Area area) {
        Feature {
            properties = Map.copyOf(properties);
        }

        String property(String name) {
            return properties.get(name);
        }
    }

    private GeoJson() {
    }

    /** The features of a FeatureCollection given as text. */
    static List<Feature> features(String json) {
        JsonNode root;
        try {
            root = JsonInput.STRICT.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(null))) {
            throw new IllegalArgumentException("GeoJSON: expected an object with \"type\": \"FeatureCollection\"");
        }
        JsonNode list = root.path("features");
        if (!list.isArray()) {
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

    /**
     * Zones from a FeatureCollection. Each feature's code and name are read from the named properties; its kind from
     * a property {@code kind} (a {@link ZoneKind} name) when present, else {@code defaultKind}. Invalid geometry, a
     * missing code or an unknown kind refuses the whole collection.
     */
    public static List<Zone> zones(String json, String codeProperty, String nameProperty, ZoneKind defaultKind,
                            Validity validity) {
        List<Zone> zones = new ArrayList<>();
        for (Feature f : features(json)) {
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
                throw new IllegalArgumentException("GeoJSON feature " + f.index()
                        + " has no kind and no default was given");
            }
            zones.add(new Zone(ZoneCode.of(code), name, kind, f.area(), validity));
        }
        return zones;
    }

    /** The area of one Polygon or MultiPolygon geometry. */
    static Area area(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            throw new IllegalArgumentException("a geometry is an object with a type and coordinates");
        }
        JsonNode coords = geometry.path("coordinates");
        List<List<List<GeoPoint>>> polygons = new ArrayList<>();
        String type = geometry.path("type").asString("");
        switch (type) {
            case "Polygon" -> polygons.add(polygon(coords));
            case "MultiPolygon" -> {
                if (!coords.isArray() || coords.isEmpty()) {
                    throw new IllegalArgumentException("a MultiPolygon needs a non-empty array of polygons");
                }
                for (JsonNode poly : coords) {
                    polygons.add(polygon(poly));
                }
            }
            default -> throw new IllegalArgumentException("geometry type " + (type.isEmpty() ? "(none)" : type)
                    + " is not an area; zones are Polygon or MultiPolygon");
        }
        return Area.ofPolygons(polygons);
    }

    private static Feature feature(int index, JsonNode f) {
        if (!f.isObject() || !"Feature".equals(f.path("type").asString(null))) {
            throw new IllegalArgumentException("expected an object with \"type\": \"Feature\"");
        }
        Map<String, String> props = new LinkedHashMap<>();
        f.path("properties").properties().forEach(p -> {
            JsonNode v = p.getValue();
            if (v.isString()) {
                props.put(p.getKey(), v.asString());
            } else if (v.isNumber()) {
                double d = v.doubleValue();
                props.put(p.getKey(), d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d)
                        : Double.toString(d));
            } else if (v.isBoolean()) {
                props.put(p.getKey(), Boolean.toString(v.booleanValue()));
            }
        });
        if (!f.path("geometry").isObject()) {
            throw new IllegalArgumentException("has no geometry");
        }
        return new Feature(index, props, area(f.path("geometry")));
    }

    private static List<List<GeoPoint>> polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon needs an array of linear rings, the first the outer one");
        }
        List<List<GeoPoint>> out = new ArrayList<>(rings.size());
        for (JsonNode ring : rings) {
            out.add(positions(ring));
        }
        return out;
    }

    private static List<GeoPoint> positions(JsonNode ring) {
        if (!ring.isArray()) {
            throw new IllegalArgumentException("a linear ring is an array of positions");
        }
        List<GeoPoint> pts = new ArrayList<>(ring.size());
        for (JsonNode p : ring) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("a position is [longitude, latitude], got " + p);
            }
            pts.add(new GeoPoint(p.get(1).doubleValue(), p.get(0).doubleValue()));
        }
        if (pts.size() < 4 || !pts.getFirst().equals(pts.getLast())) {
            throw new IllegalArgumentException("a linear ring needs at least 4 positions and must end where it starts");
        }
        return pts;
    }
}
