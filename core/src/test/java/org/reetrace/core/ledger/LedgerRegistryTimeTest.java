package org.reetrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Ship;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.VersionedRegistry;

/**
 * The ledger asks the registry for each event's own time: over a versioned registry, a facility registered from
 * July cannot act, nor be shipped to, in June, and can from July on, with nothing set beforehand.
 */
class LedgerRegistryTimeTest {

    private static final CountryCode MY = CountryCode.of("MY");
    private static final OperatorId OP = OperatorId.of("op-mine");
    private static final FacilityId MINE = FacilityId.of("mine-1");
    private static final FacilityId PORT = FacilityId.of("port-1");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

    private static VersionedRegistry registry() {
        VersionedRegistry r = new VersionedRegistry();
        r.record(new RegistryChange.PutOperator(new Operator(OP, "Mine Co", MY)), JAN, "regulator", JAN);
        r.record(new RegistryChange.PutFacility(RegisteredFacility.of(MINE, OP, "Mine", FacilityKind.MINE, MY, null,
                List.of())), JAN, "regulator", JAN);
        r.record(new RegistryChange.PutFacility(RegisteredFacility.of(PORT, OP, "Port", FacilityKind.PORT, MY, null,
                List.of())), JULY, "regulator", JAN);
        return r;
    }

    private static Extract extract(String id, String lot, Instant at, FacilityId where) {
        return new Extract(EventId.of(id), at, where, LotId.of(lot), MaterialForm.ORE, Mass.ofKilograms(10),
                Composition.of(Element.Nd, 1_000), null);
    }

    @Test
    void each_event_is_checked_against_the_registry_at_its_own_time() {
        Ledger ledger = Ledger.empty(registry(), Tolerance.DEFAULT);
        Instant june = Instant.parse("2026-06-15T00:00:00Z");
        Instant august = Instant.parse("2026-08-15T00:00:00Z");

        assertThat(ledger.apply(extract("e1", "ore-1", june, MINE))).isInstanceOf(Verdict.Accepted.class);
        Verdict earlyShip = ledger.apply(new Ship(EventId.of("e2"), june, MINE, LotId.of("ore-1"), PORT));
        Verdict earlyPort = ledger.apply(extract("e3", "ore-2", june, PORT));
        Verdict lateShip = ledger.apply(new Ship(EventId.of("e4"), august, MINE, LotId.of("ore-1"), PORT));

        assertThat(earlyShip).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.FACILITY_UNKNOWN);
            assertThat(r.field()).isEqualTo("destination");
        });
        assertThat(earlyPort).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.refusal()).isEqualTo(Refusal.FACILITY_UNKNOWN));
        assertThat(lateShip).isInstanceOf(Verdict.Accepted.class);
    }
}
