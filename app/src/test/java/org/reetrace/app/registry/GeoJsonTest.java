package org.reetrace.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneKind;

class GeoJsonTest {

    /** Malaysia's states, from the reference data (docs/reference/geo). */
    private static String states() throws IOException {
        return Files.readString(Path.of("..", "docs", "reference", "geo", "malaysia-states.geojson"));
    }

    @Test
    void the_malaysian_states_import_as_sixteen_zones_and_points_fall_in_the_right_state() throws IOException {
        List<Zone> zones = GeoJson.zones(states(), "iso_3166_2", "name", ZoneKind.ADMINISTRATIVE, Validity.ALWAYS);
        assertThat(zones).hasSize(16);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        RegistrySnapshot r = RegistrySnapshot.EMPTY;
        for (Zone z : zones) {
            r = r.with(new RegistryChange.PutZone(z));
        }
        GeoPoint ipoh = new GeoPoint(4.5975, 101.0901);
        GeoPoint kuantan = new GeoPoint(3.8077, 103.3260);
        GeoPoint kuching = new GeoPoint(1.5535, 110.3593);
        assertThat(r.zonesCovering(ipoh, now)).extracting(Zone::name).containsExactly("Perak");
        assertThat(r.zonesCovering(kuantan, now)).extracting(Zone::name).containsExactly("Pahang");
        assertThat(r.zonesCovering(kuching, now)).extracting(z -> z.code().value()).containsExactly("MY-13");
        assertThat(r.zonesCovering(new GeoPoint(1.3521, 103.8198), now)).as("Singapore").isEmpty();
    }

    @Test
    void a_polygon_with_a_hole_excludes_the_hole() {
        String json = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"FR-1","kind":"PERMANENT_FOREST_RESERVE"},
                 "geometry":{"type":"Polygon","coordinates":[[[101,5],[102,5],[102,6],[101,6],[101,5]],
                                                             [[101.4,5.4],[101.6,5.4],[101.6,5.6],[101.4,5.6],[101.4,5.4]]]}}]}
                """;
        Zone z = GeoJson.zones(json, "code", "code", null, Validity.ALWAYS).getFirst();
        assertThat(z.kind()).isEqualTo(ZoneKind.PERMANENT_FOREST_RESERVE);
        assertThat(z.area().contains(new GeoPoint(5.2, 101.2))).isTrue();
        assertThat(z.area().contains(new GeoPoint(5.5, 101.5))).isFalse();
        assertThat(z.area().contains(new GeoPoint(5.0, 101.5))).as("on the boundary").isTrue();
    }

    @Test
    void invalid_geojson_is_refused_with_a_clear_reason() {
        assertThatThrownBy(() -> GeoJson.features("{\"type\":\"FeatureCollection\",\"features\":[}"))
                .hasMessageContaining("invalid JSON at line 1, column");
        assertThatThrownBy(() -> GeoJson.features("{\"type\":\"Feature\"}"))
                .hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() -> GeoJson.features("""
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"LineString","coordinates":[[101,5],[102,5]]}}]}"""))
                .hasMessageContaining("feature 0").hasMessageContaining("LineString is not an area");
        assertThatThrownBy(() -> GeoJson.features("""
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"Polygon","coordinates":[[[101,5],[102,6],[102,5],[101,6],[101,5]]]}}]}"""))
                .hasMessageContaining("not a valid polygon");
        assertThatThrownBy(() -> GeoJson.features("""
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"Polygon","coordinates":[[[101,5],[102,5],[102,6]]]}}]}"""))
                .hasMessageContaining("end where it starts");
    }

    @Test
    void an_unknown_zone_kind_refuses_the_whole_collection() {
        String json = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z","kind":"PARK"},
                 "geometry":{"type":"Polygon","coordinates":[[[101,5],[102,5],[102,6],[101,5]]]}}]}""";
        assertThatThrownBy(() -> GeoJson.zones(json, "code", "code", ZoneKind.ADMINISTRATIVE, Validity.ALWAYS))
                .hasMessageContaining("unknown zone kind PARK");
    }

    @Test
    void an_area_survives_a_round_trip_through_wkt() {
        Area a = Area.polygon(List.of(new GeoPoint(5, 101), new GeoPoint(5, 102), new GeoPoint(6, 102)));
        assertThat(Area.fromWkt(a.wkt())).isEqualTo(a);
    }
}
