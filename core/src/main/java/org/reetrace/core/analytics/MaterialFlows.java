package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;

/**
 * The material that moved between facilities, and out of the country, month by month: every shipment from its
 * facility to its destination and every export to its country, summed per element as booked. It is what a national
 * flow diagram is drawn from: mines to plants to ports to partner countries.
 */
public final class MaterialFlows {

    /** Where material went: a facility, or a country it was exported to. */
    public sealed interface Place {
    }

    public record AtFacility(FacilityId facility) implements Place {
    }

    public record Abroad(CountryCode country) implements Place {
    }

    /** What moved from one place to another in a month: the booked element masses and how many lots carried them. */
    public record Flow(YearMonth month, FacilityId from, Place to, Composition composition, int lots) {
    }

    /** The group of elements a flow is measured in, as oxide equivalent. */
    public enum Group {
        /** Neodymium and praseodymium, the light magnet elements. */
        NDPR(Element.Nd, Element.Pr),
        /** Dysprosium and terbium, the heavy ones that keep magnets working hot. */
        DYTB(Element.Dy, Element.Tb),
        /** Every rare-earth element. */
        REO();

        private final List<Element> elements;

        Group(Element... elements) {
            this.elements = List.of(elements);
        }

        /** The group's oxide equivalent in mg; every rare-earth element for {@link #REO}. */
        public long oxideMg(Composition c) {
            if (elements.isEmpty()) {
                return c.treoMg();
            }
            double sum = 0;
            for (Element e : elements) {
                sum += c.get(e) * e.oxideFactor();
            }
            return Math.round(sum);
        }
    }

    private record Key(FacilityId from, Place to) {
    }

    private static final class Moved {
        Composition composition = Composition.ZERO;
        int lots;
    }

    private final Map<YearMonth, Map<Key, Moved>> months = new TreeMap<>();

    void shipped(YearMonth month, FacilityId from, FacilityId to, Composition c) {
        add(month, new Key(from, new AtFacility(to)), c);
    }

    void exported(YearMonth month, FacilityId from, CountryCode to, Composition c) {
        add(month, new Key(from, new Abroad(to)), c);
    }

    private void add(YearMonth month, Key key, Composition c) {
        Moved m = months.computeIfAbsent(month, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Moved());
        m.composition = m.composition.plus(c);
        m.lots++;
    }

    /** The months with any flow, oldest first. */
    public List<YearMonth> months() {
        return List.copyOf(months.keySet());
    }

    /** The flows of {@code month}, the largest by mass of rare-earth oxide first. */
    public List<Flow> of(YearMonth month) {
        List<Flow> out = new ArrayList<>();
        months.getOrDefault(month, Map.of()).forEach((k, m) -> out.add(new Flow(month, k.from(), k.to(), m.composition,
                m.lots)));
        out.sort(Comparator.comparingLong((Flow f) -> -f.composition().treoMg())
                .thenComparing(f -> f.from().value()).thenComparing(f -> f.to().toString()));
        return out;
    }
}
