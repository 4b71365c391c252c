package org.reetrace.app.lot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;

/** The JSON answers about lots. Element maps are keyed by symbol, in element order; masses in mg are exact. */
public final class LotViews {

    private LotViews() {
    }

    public record LotView(String id, String form, String status, BigDecimal massKg, String facility, String holder,
                          String destination, BigDecimal activityBqPerG, Map<String, Long> compositionMg,
                          Map<String, BigDecimal> oxidePercent, BigDecimal treoPercent, long createdSequence,
                          long updatedSequence) {
    }

    public record PathView(Map<String, Object> origin, List<Map<String, String>> stages, Map<String, Long> compositionMg,
                           Map<String, BigDecimal> sharePercent) {
    }

    public record CountryShare(Map<String, Long> compositionMg, Map<String, BigDecimal> sharePercent) {
    }

    /**
     * A lot's pedigree; {@code roundTripOf} names the exported lot whose pedigree it took when the regulator confirmed
     * that this import is that export coming back (absent otherwise).
     */
    public record PedigreeView(String lot, Map<String, Long> compositionMg, List<PathView> paths,
                               Map<String, CountryShare> byOriginCountry,
                               Map<String, Map<String, CountryShare>> byStageCountry,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                               String roundTripOf) {
    }

    public static LotView lot(LotQueries.StoredLot stored) {
        Lot l = stored.lot();
        BigDecimal treo = l.mass().isZero() ? BigDecimal.ZERO : BigDecimal.valueOf(l.composition().treoMg())
                .movePointRight(2).divide(BigDecimal.valueOf(l.mass().mg()), 4, RoundingMode.HALF_EVEN);
        return new LotView(l.id().value(), l.form().name(), l.status().name(), l.mass().kilograms(),
                l.facility().value(), l.holder().value(), l.headingTo().map(Object::toString).orElse(null),
                l.activity(), mg(l.composition()), bySymbol(l.composition().toOxidePercent(l.mass())), treo,
                stored.createdSeq(), stored.updatedSeq());
    }

    /** The pedigree with every origin named. */
    public static PedigreeView pedigree(Lot lot) {
        return pedigree(lot, origin -> true);
    }

    /** The pedigree; an origin's source (mine or supplier) is named only if {@code named} says so. */
    public static PedigreeView pedigree(Lot lot, Predicate<Origin> named) {
        return pedigree(lot, lot.pedigree(), null, named);
    }

    /** The pedigree {@code p} of the lot, taken from exported lot {@code roundTripOf} when not null. */
    public static PedigreeView pedigree(Lot lot, Pedigree p, String roundTripOf, Predicate<Origin> named) {
        Composition total = lot.composition();
        List<PathView> paths = new ArrayList<>();
        p.parts().forEach((key, c) -> {
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("kind", key.origin().kind().name());
            if (named.test(key.origin())) {
                origin.put("source", key.origin().source());
            } else {
                origin.put("withheld", true);
            }
            origin.put("country", key.origin().country().alpha2());
            List<Map<String, String>> stages = key.stages().stream().map(s -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("kind", s.kind().name());
                m.put("country", s.country().alpha2());
                m.put("technologyCountry", s.technologyCountry().alpha2());
                return m;
            }).toList();
            paths.add(new PathView(origin, stages, mg(c), share(c, total)));
        });
        Map<String, CountryShare> byOrigin = byCountry(p.byOriginCountry(), total);
        Map<String, Map<String, CountryShare>> byStage = new LinkedHashMap<>();
        for (StageKind kind : StageKind.values()) {
            Map<CountryCode, Composition> m = p.byStageCountry(kind);
            if (!m.isEmpty()) {
                byStage.put(kind.name(), byCountry(m, total));
            }
        }
        return new PedigreeView(lot.id().value(), mg(total), paths, byOrigin, byStage, roundTripOf);
    }

    private static Map<String, CountryShare> byCountry(Map<CountryCode, Composition> m, Composition total) {
        Map<String, CountryShare> r = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> r.put(e.getKey().alpha2(), new CountryShare(mg(e.getValue()), share(e.getValue(), total))));
        return r;
    }

    /** Each element's share of the lot's mass of that element, in percent to four decimals. */
    private static Map<String, BigDecimal> share(Composition part, Composition whole) {
        Map<Element, BigDecimal> m = new EnumMap<>(Element.class);
        for (Element e : Element.values()) {
            long w = whole.get(e);
            if (w > 0 && part.get(e) > 0) {
                m.put(e, BigDecimal.valueOf(part.get(e)).movePointRight(2).divide(BigDecimal.valueOf(w), 4,
                        RoundingMode.HALF_EVEN));
            }
        }
        return bySymbol(m);
    }

    public static Map<String, Long> mg(Composition c) {
        Map<String, Long> m = new LinkedHashMap<>();
        c.toMap().forEach((e, v) -> m.put(e.symbol(), v));
        return m;
    }

    private static Map<String, BigDecimal> bySymbol(Map<Element, BigDecimal> values) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (Element e : Element.values()) {
            if (values.containsKey(e)) {
                m.put(e.symbol(), values.get(e));
            }
        }
        return m;
    }
}
