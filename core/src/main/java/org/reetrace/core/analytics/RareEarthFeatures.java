package org.reetrace.core.analytics;

import java.util.OptionalDouble;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;

/**
 * The features a geochemist reads off a rare-earth pattern beside its shape, each telling deposits apart that the
 * overall shape may not:
 * <ul>
 * <li>the cerium anomaly {@code Ce/Ce* = Ce_N / sqrt(La_N Pr_N)}: weathered ionic clays have lost cerium as Ce(IV)
 * (well below 1), their leach residues and some laterites are enriched in it;</li>
 * <li>the europium anomaly {@code Eu/Eu* = Eu_N / sqrt(Sm_N Gd_N)}: granitic sources show plagioclase's negative
 * anomaly, carbonatites hardly any;</li>
 * <li>{@code Th/U} by mass: monazite carries thorium, xenotime and clays uranium and little of either;</li>
 * <li>light to heavy: La to Eu over Gd to Lu and Y, by mass (ionic clays are heavy-rich, monazite light).</li>
 * </ul>
 * {@code _N} is the chondrite-normalised concentration ({@link ChondriteNormalisation}). A feature whose elements the
 * assay lacks is empty. The anomalies and the light-to-heavy ratio are log-contrasts of the chondrite-normalised
 * pattern, so the signature's Mahalanobis distance (full covariance of the centred log-ratios) already weighs them;
 * they are stated because a person reads them. Th/U lies outside the rare-earth pattern: the blend test's
 * signatures add thorium and uranium to it ({@link MineSignature#of(org.reetrace.core.registry.FacilityId,
 * java.util.Collection, boolean)}).
 */
public record RareEarthFeatures(OptionalDouble ceriumAnomaly, OptionalDouble europiumAnomaly,
                                OptionalDouble thoriumToUranium, OptionalDouble lightToHeavy) {

    public static RareEarthFeatures of(Composition c) {
        return new RareEarthFeatures(anomaly(c, Element.Ce, Element.La, Element.Pr),
                anomaly(c, Element.Eu, Element.Sm, Element.Gd), ratio(c.get(Element.Th), c.get(Element.U)),
                ratio(light(c), heavy(c)));
    }

    private static OptionalDouble anomaly(Composition c, Element e, Element left, Element right) {
        double x = normalised(c, e);
        double l = normalised(c, left);
        double r = normalised(c, right);
        return x > 0 && l > 0 && r > 0 ? OptionalDouble.of(x / Math.sqrt(l * r)) : OptionalDouble.empty();
    }

    private static double normalised(Composition c, Element e) {
        return c.get(e) / ChondriteNormalisation.ppm(e);
    }

    private static OptionalDouble ratio(double a, double b) {
        return a > 0 && b > 0 ? OptionalDouble.of(a / b) : OptionalDouble.empty();
    }

    private static double light(Composition c) {
        double s = 0;
        for (Element e : new Element[] {Element.La, Element.Ce, Element.Pr, Element.Nd, Element.Pm, Element.Sm,
                Element.Eu}) {
            s += c.get(e);
        }
        return s;
    }

    private static double heavy(Composition c) {
        double s = 0;
        for (Element e : new Element[] {Element.Gd, Element.Tb, Element.Dy, Element.Ho, Element.Er, Element.Tm,
                Element.Yb, Element.Lu, Element.Y}) {
            s += c.get(e);
        }
        return s;
    }
}
