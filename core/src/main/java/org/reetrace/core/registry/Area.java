package org.reetrace.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A (multi)polygon on the WGS 84 lon/lat plane: a lease area or a zone. Point-in-area treats the boundary as
 * inside (a point on a lease boundary is in the lease, and also in a forest reserve sharing that boundary, so a
 * prohibited zone wins). Planar tests on lon/lat are exact enough at the scale of leases and reserves (kilometres,
 * far from the poles and the antimeridian). Immutable: the geometry never leaves this class.
 */
public final class Area {

    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Geometry geometry;
    private final PreparedGeometry prepared;

    Area(Geometry geometry) {
        Objects.requireNonNull(geometry, "geometry");
        if (geometry.isEmpty()) {
            throw new IllegalArgumentException("an area needs at least one polygon with an outer ring");
        }
        this.geometry = repairedOrRefused(geometry);
        this.prepared = PreparedGeometryFactory.prepare(geometry);
    }

    /**
     * Published boundaries rounded to a few decimals often touch or cross themselves by a few metres (the Natural
     * Earth Perak outline does, at 4 decimals). Such artefacts are repaired when the repair moves the area by less
     * than 0.1 %; anything worse (a bow-tie, a hole outside its shell) is a different shape than its author meant,
     * and is refused: a zone that silently changed would let mining through or block it wrongly.
     */
    private static Geometry repairedOrRefused(Geometry g) {
        if (g.isValid()) {
            return g;
        }
        String why = String.valueOf(new org.locationtech.jts.operation.valid.IsValidOp(g).getValidationError());
        Geometry fixed = org.locationtech.jts.geom.util.GeometryFixer.fix(g);
        double before = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            before += Math.abs(org.locationtech.jts.algorithm.Area.ofRingSigned(p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                before -= Math.abs(org.locationtech.jts.algorithm.Area.ofRingSigned(p.getInteriorRingN(h).getCoordinates()));
            }
        }
        boolean areal = fixed instanceof Polygon || fixed instanceof org.locationtech.jts.geom.MultiPolygon;
        if (!areal || fixed.isEmpty() || before <= 0 || Math.abs(fixed.getArea() - before) / before > 0.001) {
            throw new IllegalArgumentException("area is not a valid polygon (self-intersecting ring, or holes outside "
                    + "their shell): " + why);
        }
        return fixed;
    }

    /** A simple polygon from its outer ring; the ring is closed for you if its last point differs from its first. */
    public static Area polygon(List<GeoPoint> ring) {
        return new Area(GEOMETRY.createPolygon(ring(ring)));
    }

    static LinearRing ring(List<GeoPoint> points) {
        if (points.size() < 3) {
            throw new IllegalArgumentException("a polygon ring needs at least 3 distinct points, got " + points.size());
        }
        boolean closed = points.getFirst().equals(points.getLast());
        Coordinate[] c = new Coordinate[points.size() + (closed ? 0 : 1)];
        for (int i = 0; i < points.size(); i++) {
            c[i] = new Coordinate(points.get(i).longitude(), points.get(i).latitude());
        }
        if (!closed) {
            c[c.length - 1] = c[0];
        }
        if (c.length < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 3 distinct points");
        }
        return GEOMETRY.createLinearRing(c);
    }

    /**
     * An area of one or more polygons, each given as its rings of points, the outer ring first and any holes
     * after it; one polygon is a polygon, more a multipolygon.
     */
    public static Area ofPolygons(List<List<List<GeoPoint>>> polygons) {
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("an area needs at least one polygon");
        }
        List<Polygon> built = new ArrayList<>(polygons.size());
        for (List<List<GeoPoint>> rings : polygons) {
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("a polygon needs its outer ring");
            }
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++) {
                holes[i - 1] = ring(rings.get(i));
            }
            built.add(GEOMETRY.createPolygon(ring(rings.getFirst()), holes));
        }
        Geometry g = built.size() == 1 ? built.getFirst()
                : GEOMETRY.createMultiPolygon(built.toArray(Polygon[]::new));
        return new Area(g);
    }

    /** The polygons, each its outer ring then its holes, as points: for drawing the area on a map. */
    public List<List<List<GeoPoint>>> polygons() {
        List<List<List<GeoPoint>>> out = new ArrayList<>(geometry.getNumGeometries());
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon p = (Polygon) geometry.getGeometryN(i);
            List<List<GeoPoint>> rings = new ArrayList<>(1 + p.getNumInteriorRing());
            rings.add(points(p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(points(p.getInteriorRingN(h).getCoordinates()));
            }
            out.add(List.copyOf(rings));
        }
        return List.copyOf(out);
    }

    private static List<GeoPoint> points(Coordinate[] coordinates) {
        List<GeoPoint> out = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            out.add(new GeoPoint(c.y, c.x));
        }
        return List.copyOf(out);
    }

    public boolean contains(GeoPoint p) {
        return prepared.covers(GEOMETRY.createPoint(new Coordinate(p.longitude(), p.latitude())));
    }

    /** Area in square degrees: only for comparisons and sanity checks, not for hectares. */
    public double squareDegrees() {
        return geometry.getArea();
    }

    public int polygonCount() {
        return geometry.getNumGeometries();
    }

    /** Well-known text, for storage and display. */
    public String wkt() {
        return geometry.toText();
    }

    /** The inverse of {@link #wkt()}: how the app restores a stored area. */
    public static Area fromWkt(String wkt) {
        try {
            Geometry g = new org.locationtech.jts.io.WKTReader(GEOMETRY).read(wkt);
            if (!(g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon)) {
                throw new IllegalArgumentException("an area is a POLYGON or MULTIPOLYGON, not " + g.getGeometryType());
            }
            return new Area(g);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException("invalid WKT area: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Area a && geometry.equalsExact(a.geometry);
    }

    @Override
    public int hashCode() {
        return geometry.getEnvelopeInternal().hashCode();
    }

    @Override
    public String toString() {
        return geometry.getGeometryType() + " of " + geometry.getNumPoints() + " points, envelope "
                + geometry.getEnvelopeInternal();
    }
}
