package org.reetrace.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.testing.EventStreams;

class CanonicalFormTest {

    @Provide
    Arbitrary<LedgerEvent> events() {
        return EventStreams.events(12).filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1));
    }

    @Property(tries = 300)
    void theCanonicalFormOfAnEventIsTheSameEveryTimeAndForAnEqualCopy(@ForAll("events") LedgerEvent event) throws Exception {
        LedgerEvent copy = rebuild(event, -1);
        assertThat(copy).isEqualTo(event).isNotSameAs(event);
        assertThat(CanonicalForm.of(event)).isEqualTo(CanonicalForm.of(event)).isEqualTo(CanonicalForm.of(copy));
        assertThat(CanonicalForm.digest(event)).isEqualTo(CanonicalForm.digest(copy)).hasSize(64);
    }

    @Property(tries = 300)
    void changingAnyOneFieldOfAnEventChangesItsCanonicalForm(@ForAll("events") LedgerEvent event) throws Exception {
        String original = CanonicalForm.of(event);
        RecordComponent[] components = event.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            LedgerEvent changed = rebuild(event, i);
            assertThat(changed).as("changed %s", components[i].getName()).isNotEqualTo(event);
            assertThat(CanonicalForm.of(changed)).as("canonical form with %s changed", components[i].getName())
                    .isNotEqualTo(original);
        }
    }

    /** A copy of the record with component {@code change} altered (none if -1). */
    private static LedgerEvent rebuild(LedgerEvent event, int change) throws Exception {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object v = components[i].getAccessor().invoke(event);
            values[i] = i == change ? altered(components[i].getName(), v) : v;
        }
        Constructor<?> c = event.getClass().getDeclaredConstructor(types);
        return (LedgerEvent) c.newInstance(values);
    }

    private static Object altered(String name, Object v) {
        return switch (v) {
            case null -> name.equals("location") ? new GeoPoint(1.5, 101.25) : BigDecimal.ONE;
            case EventId id -> EventId.of(id.value() + "x");
            case Instant t -> t.plusMillis(1);
            case FacilityId f -> FacilityId.of(f.value() + "x");
            case LotId l -> LotId.of(l.value() + "x");
            case MaterialForm m -> MaterialForm.values()[(m.ordinal() + 1) % MaterialForm.values().length];
            case ProcessKind p -> ProcessKind.values()[(p.ordinal() + 1) % ProcessKind.values().length];
            case Mass m -> Mass.ofMilligrams(m.mg() + 1);
            case Composition c -> c.with(Element.Lu, c.get(Element.Lu) + 1);
            case GeoPoint g -> new GeoPoint(g.latitude(), g.longitude() + 0.001);
            case BigDecimal b -> b.add(BigDecimal.ONE);
            case CountryCode cc -> CountryCode.of(cc.alpha2().equals("JP") ? "KR" : "JP");
            case CustomsDeclaration d -> new CustomsDeclaration(d.number() + "x", d.hsCode(), d.permit(), d.counterparty(),
                    d.country());
            case String s -> s + "x";
            case List<?> list when name.equals("upstreamStages") -> {
                List<Object> l = new ArrayList<>(list);
                l.add(new Stage(StageKind.METAL_MAKING, CountryCode.of("JP"), CountryCode.of("JP")));
                yield l;
            }
            case List<?> list when name.equals("inputs") -> {
                List<Object> l = new ArrayList<>(list);
                l.add(new Transform.Input(LotId.of("lot-extra"), Mass.ofMilligrams(1)));
                yield l;
            }
            case List<?> list when name.equals("outputs") -> {
                List<Object> l = new ArrayList<>(list);
                l.add(new Transform.Output(LotId.of("lot-extra"), MaterialForm.RESIDUE, Mass.ofMilligrams(1),
                        Composition.ZERO));
                yield l;
            }
            default -> throw new AssertionError("no way to change " + name + " of type " + v.getClass());
        };
    }

    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");
    private static final CustomsDeclaration DECLARATION = new CustomsDeclaration("K2-001", "2846.90", "EP-7",
            "Tokyo Magnet Trading", CountryCode.of("JP"));

    private static Export export(CustomsDeclaration d) {
        return new Export(EventId.of("ev-1"), T, FacilityId.of("fac-port"), LotId.of("lot-1"), d);
    }

    @Test
    void everyFieldOfTheCustomsDeclarationIsSigned() {
        String base = CanonicalForm.of(export(DECLARATION));
        List<CustomsDeclaration> variants = List.of(
                new CustomsDeclaration("K2-002", "2846.90", "EP-7", "Tokyo Magnet Trading", CountryCode.of("JP")),
                new CustomsDeclaration("K2-001", "2846.10", "EP-7", "Tokyo Magnet Trading", CountryCode.of("JP")),
                new CustomsDeclaration("K2-001", "2846.90", null, "Tokyo Magnet Trading", CountryCode.of("JP")),
                new CustomsDeclaration("K2-001", "2846.90", "EP-7", "Osaka Magnet Trading", CountryCode.of("JP")),
                new CustomsDeclaration("K2-001", "2846.90", "EP-7", "Tokyo Magnet Trading", CountryCode.of("KR")));
        for (CustomsDeclaration d : variants) {
            assertThat(CanonicalForm.of(export(d))).as("%s", d).isNotEqualTo(base);
        }
    }

    @Test
    void theCanonicalFormIsVersionedOneNameValueLinePerFieldWithMassesInMilligrams() {
        Receive r = new Receive(EventId.of("ev-9"), T, FacilityId.of("fac-sep"), LotId.of("lot-3"), Mass.ofKilograms(2));
        assertThat(CanonicalForm.of(r)).isEqualTo("""
                reetrace-event/1
                type=RECEIVE
                id=ev-9
                time=2025-03-01T08:00:00Z
                facility=fac-sep
                lot=lot-3
                receivedMass=2000000
                """);
    }

    @Test
    void aNewLineInAFreeTextValueCannotForgeALineOfItsOwn() {
        Adjust forged = new Adjust(EventId.of("ev-1"), T, FacilityId.of("f"), LotId.of("l"), Mass.ofMilligrams(1),
                Composition.ZERO, "count\nmass=999");
        Adjust honest = new Adjust(EventId.of("ev-1"), T, FacilityId.of("f"), LotId.of("l"), Mass.ofMilligrams(1),
                Composition.ZERO, "count\\nmass=999");
        assertThat(CanonicalForm.of(forged)).contains("reason=count\\nmass=999\n").doesNotContain("\nmass=999\n");
        assertThat(CanonicalForm.of(forged)).isNotEqualTo(CanonicalForm.of(honest));
    }

    @Test
    void activitiesThatAreEqualNumbersSignTheSame() {
        Assay a = new Assay(EventId.of("ev-1"), T, FacilityId.of("f"), LotId.of("l"), Composition.ZERO, new BigDecimal("1.50"));
        Assay b = new Assay(EventId.of("ev-1"), T, FacilityId.of("f"), LotId.of("l"), Composition.ZERO, new BigDecimal("1.5"));
        assertThat(CanonicalForm.of(a)).isEqualTo(CanonicalForm.of(b)).contains("activity=1.5\n");
    }
}
