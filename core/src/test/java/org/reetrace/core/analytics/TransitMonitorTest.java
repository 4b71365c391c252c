package org.reetrace.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.analytics.Books.KG;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;

class TransitMonitorTest {

    private static Composition concentrate() {
        return Composition.of(Map.of(Element.La, 230 * KG, Element.Ce, 490 * KG, Element.Nd, 160 * KG));
    }

    private static Books books() {
        return new Books(Settings.of(Settings.exact(), Map.of(AMANG_MINE, Mass.ofTonnes(5_000))));
    }

    private static List<Alert> of(Books b, AlertKind kind) {
        return b.analytics.alerts().stream().filter(a -> a.kind() == kind).toList();
    }

    private static void ship(Books b, String lot, String time) {
        b.apply(new Ship(b.id(), Books.at(time), AMANG_MINE, LotId.of(lot), SEPARATION_PLANT));
    }

    private static void receive(Books b, String lot, long grams, String time) {
        b.apply(new Receive(b.id(), Books.at(time), SEPARATION_PLANT, LotId.of(lot), new Mass(grams * 1_000L)));
    }

    @Test
    void a_lot_never_received_is_overdue_once_the_books_pass_its_routes_registered_time() {
        Books b = books();
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 1_000, concentrate(), "2026-03-02T08:00:00Z");
        ship(b, "CON-1", "2026-03-03T08:00:00Z");

        b.later("2026-03-17T07:00:00Z");
        assertThat(of(b, AlertKind.SHIPMENT_OVERDUE)).isEmpty();
        b.later("2026-03-17T09:00:00Z");

        assertThat(of(b, AlertKind.SHIPMENT_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("CON-1");
            assertThat(a.period()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(a.figures()).containsEntry("due", "2026-03-17T08:00:00Z")
                    .containsEntry("from", AMANG_MINE.value()).containsEntry("to", SEPARATION_PLANT.value());
        });
    }

    @Test
    void receiving_or_reversing_the_shipment_ends_the_watch() {
        Books b = books();
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 1_000, concentrate(), "2026-03-02T08:00:00Z");
        b.extract(AMANG_MINE, "CON-2", MaterialForm.CONCENTRATE, 1_000, concentrate(), "2026-03-02T08:00:00Z");
        ship(b, "CON-1", "2026-03-03T08:00:00Z");
        receive(b, "CON-1", 1_000_000, "2026-03-04T08:00:00Z");
        var shipped = b.apply(new Ship(b.id(), Books.at("2026-03-03T08:00:00Z"), AMANG_MINE, LotId.of("CON-2"),
                SEPARATION_PLANT)).event().id();
        b.apply(new Reverse(b.id(), Books.at("2026-03-05T08:00:00Z"), AMANG_MINE, shipped, "wrong lot"));

        b.later("2026-06-01T00:00:00Z");

        assertThat(b.analytics.alerts()).isEmpty();
    }

    @Test
    void a_route_learns_its_transit_time_from_the_shipments_it_completed() {
        Books b = books();
        for (int i = 1; i <= 5; i++) {
            String lot = "CON-" + i;
            b.extract(AMANG_MINE, lot, MaterialForm.CONCENTRATE, 1_000, concentrate(), "2026-03-0" + i + "T08:00:00Z");
            ship(b, lot, "2026-03-0" + i + "T09:00:00Z");
            receive(b, lot, 1_000_000, "2026-03-0" + i + "T21:00:00Z");
        }
        b.extract(AMANG_MINE, "CON-6", MaterialForm.CONCENTRATE, 1_000, concentrate(), "2026-03-10T08:00:00Z");
        ship(b, "CON-6", "2026-03-10T09:00:00Z");

        // five runs of 12 hours: the route allows twice the longest, but never less than a day
        b.later("2026-03-11T08:00:00Z");
        assertThat(of(b, AlertKind.SHIPMENT_OVERDUE)).isEmpty();
        b.later("2026-03-11T10:00:00Z");
        assertThat(of(b, AlertKind.SHIPMENT_OVERDUE)).singleElement()
                .satisfies(a -> assertThat(a.figures()).containsEntry("transit time days", "1.000"));
    }

    @Test
    void a_receipt_far_lighter_than_its_dispatch_is_a_shipper_receiver_difference() {
        Books b = books();
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 1_000, concentrate(), "2026-03-02T08:00:00Z");
        ship(b, "CON-1", "2026-03-03T08:00:00Z");
        receive(b, "CON-1", 900_000, "2026-03-04T08:00:00Z");

        assertThat(of(b, AlertKind.SHIPPER_RECEIVER_DIFFERENCE)).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("CON-1");
            assertThat(a.figures()).containsEntry("difference t", "-0.100").containsEntry("receipts", "1");
        });
    }

    @Test
    void small_shortfalls_within_each_weighing_but_steady_on_a_route_add_up_to_an_alert() {
        Books b = books();
        int receipts = 0;
        for (int i = 1; i <= 60 && of(b, AlertKind.SHIPPER_RECEIVER_DIFFERENCE).isEmpty(); i++) {
            String lot = "CON-" + i;
            String day = String.format("2026-%02d-%02dT", 3 + (i - 1) / 25, 1 + (i - 1) % 25);
            b.extract(AMANG_MINE, lot, MaterialForm.CONCENTRATE, 1_000, concentrate(), day + "08:00:00Z");
            ship(b, lot, day + "09:00:00Z");
            // 0.25 % short each time: within one receipt's four sigma, a skim of a quarter percent
            receive(b, lot, 997_500, day + "20:00:00Z");
            receipts = i;
        }

        assertThat(of(b, AlertKind.SHIPPER_RECEIVER_DIFFERENCE)).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo(AMANG_MINE.value() + " to " + SEPARATION_PLANT.value());
            assertThat(Integer.parseInt(a.figures().get("receipts"))).isGreaterThan(1);
        });
        assertThat(receipts).isLessThan(60);
    }
}
