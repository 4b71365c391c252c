package org.reetrace.core.provenance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.registry.CountryCode;

/**
 * The value share of each origin country in a lot: element masses by origin, each weighed by its element's price.
 * China's Announcement 61 of 2025 (CN-EXP-61) reaches foreign-made items whose China-origin rare-earth content is
 * worth 0.1 % or more of the item's value; this measures the rare-earth content's share of the rare-earth value,
 * which is an upper bound of its share in a finished item's value (the rest of the item only dilutes it). So a
 * lot under the threshold here is under it for certain; over it, the rule applies unless the declared item value
 * says otherwise.
 */
public final class ValueShare {

    private ValueShare() {
    }

    public static Map<CountryCode, Double> byOrigin(Pedigree p, PriceTable prices) {
        Map<CountryCode, Double> value = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<PedigreeKey, Composition> e : p.parts().entrySet()) {
            double v = value(e.getValue(), prices);
            total += v;
            value.merge(e.getKey().origin().country(), v, Double::sum);
        }
        double t = total;
        value.replaceAll((k, v) -> t == 0 ? 0 : v / t);
        return value;
    }

    /** Share (0..1) of the lot's rare-earth value that comes from material mined in {@code country}. */
    public static double ofOrigin(Pedigree p, PriceTable prices, CountryCode country) {
        return byOrigin(p, prices).getOrDefault(country, 0.0);
    }

    static double value(Composition c, PriceTable prices) {
        double v = 0;
        for (Element e : Element.values()) {
            long mg = c.get(e);
            if (mg != 0) {
                v += mg * prices.valuePerMg(e);
            }
        }
        return v;
    }
}
