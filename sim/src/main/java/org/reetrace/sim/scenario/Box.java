package org.reetrace.sim.scenario;

import org.reetrace.core.registry.GeoPoint;

/** A latitude-longitude rectangle: a lease or a zone in a scenario (real ones are polygons in the registry). */
public record Box(double south, double west, double north, double east) {

    public boolean contains(GeoPoint p) {
        return p.latitude() >= south && p.latitude() <= north && p.longitude() >= west && p.longitude() <= east;
    }

    /** A point at relative position (u, v) in [0, 1] x [0, 1] of the box. */
    public GeoPoint at(double u, double v) {
        return new GeoPoint(south + u * (north - south), west + v * (east - west));
    }
}
