package org.reetrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AreaPolygonsTest {

    @Test
    void an_area_gives_back_its_polygons_with_their_holes_for_a_map() {
        Area area = Area.fromWkt("MULTIPOLYGON (((101 5, 101.2 5, 101.2 5.2, 101 5.2, 101 5),"
                + " (101.05 5.05, 101.1 5.05, 101.1 5.1, 101.05 5.05)), ((102 4, 102.1 4, 102.1 4.1, 102 4)))");

        List<List<List<GeoPoint>>> polygons = area.polygons();

        assertThat(polygons).hasSize(2);
        assertThat(polygons.getFirst()).hasSize(2);
        assertThat(polygons.getFirst().getFirst()).first().isEqualTo(new GeoPoint(5, 101));
        assertThat(polygons.get(1).getFirst()).hasSize(4).contains(new GeoPoint(4.1, 102.1));
        assertThat(Area.ofPolygons(polygons)).isEqualTo(area);
    }
}
