package org.reetrace.app.certificate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.registry.CountryCode;

/**
 * What a certificate says of a lot's material: per element, its shares by origin country and by country and
 * technology country of each stage, from the lot's pedigree. Countries only: the mines, suppliers and plants
 * behind them are other holders' records.
 */
final class Provenance {

    private static final BigDecimal MG_PER_KG = BigDecimal.valueOf(1_000_000);

    private Provenance() {
    }

    /** UNTP materials: one per element and origin country, with its mass and its fraction of the lot's mass. */
    static List<Passport.Material> materials(Lot lot) {
        List<Passport.Material> materials = new ArrayList<>();
        long lotMg = lot.mass().mg();
        for (Element e : Element.values()) {
            for (Map.Entry<CountryCode, Composition> o : lot.pedigree().byOriginCountry().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                long mg = o.getValue().get(e);
                if (mg > 0) {
                    materials.add(new Passport.Material(List.of("Material"), e.displayName(), e.symbol(),
                            o.getKey().alpha2(), lotMg == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(mg)
                                    .divide(BigDecimal.valueOf(lotMg), 8, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                            Passport.Measure.kg(kg(mg))));
                }
            }
        }
        return materials;
    }

    /** Per element present: origin countries and each stage's country and technology country, in percent. */
    static List<Passport.ElementProvenance> elements(Lot lot) {
        Composition total = lot.composition();
        List<Passport.ElementProvenance> elements = new ArrayList<>();
        for (Element e : Element.values()) {
            long whole = total.get(e);
            if (whole <= 0) {
                continue;
            }
            Map<String, Long> origins = new TreeMap<>();
            Map<List<String>, Long> stages = new TreeMap<>(Provenance::compareStageKeys);
            for (Map.Entry<PedigreeKey, Composition> part : lot.pedigree().parts().entrySet()) {
                long mg = part.getValue().get(e);
                if (mg <= 0) {
                    continue;
                }
                origins.merge(part.getKey().origin().country().alpha2(), mg, Long::sum);
                for (Stage s : part.getKey().stages()) {
                    stages.merge(List.of(String.format("%02d", s.kind().ordinal()), s.kind().name(),
                            s.country().alpha2(), s.technologyCountry().alpha2()), mg, Long::sum);
                }
            }
            List<Passport.CountryShare> o = origins.entrySet().stream()
                    .map(x -> new Passport.CountryShare(x.getKey(), percent(x.getValue(), whole))).toList();
            List<Passport.StageShare> s = stages.entrySet().stream()
                    .map(x -> new Passport.StageShare(x.getKey().get(1), x.getKey().get(2), x.getKey().get(3),
                            percent(x.getValue(), whole))).toList();
            elements.add(new Passport.ElementProvenance(e.symbol(), e.displayName(), kg(whole), o, s));
        }
        return elements;
    }

    private static int compareStageKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static BigDecimal kg(long mg) {
        return BigDecimal.valueOf(mg).divide(MG_PER_KG).stripTrailingZeros();
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
