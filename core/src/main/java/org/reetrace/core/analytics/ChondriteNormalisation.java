package org.reetrace.core.analytics;

import java.util.EnumMap;
import java.util.Map;

import org.reetrace.core.element.Element;

/**
 * CI chondrite concentrations for the rare-earth pattern: McDonough W.F. & Sun S.-s. (1995), The composition of
 * the Earth, Chemical Geology 120, 223-253 (reference table chondrite_normalisation.csv, column
 * CI_McDonoughSun1995_ppm). Dividing each element by its chondrite value gives the familiar smooth pattern in
 * which an ore type shows its shape (La-rich, Ce-depleted, Y-heavy...).
 */
public final class ChondriteNormalisation {

    private static final Map<Element, Double> PPM = new EnumMap<>(Element.class);

    static {
        PPM.put(Element.La, 0.237);
        PPM.put(Element.Ce, 0.613);
        PPM.put(Element.Pr, 0.0928);
        PPM.put(Element.Nd, 0.457);
        PPM.put(Element.Sm, 0.148);
        PPM.put(Element.Eu, 0.0563);
        PPM.put(Element.Gd, 0.199);
        PPM.put(Element.Tb, 0.0361);
        PPM.put(Element.Dy, 0.246);
        PPM.put(Element.Ho, 0.0546);
        PPM.put(Element.Er, 0.16);
        PPM.put(Element.Tm, 0.0247);
        PPM.put(Element.Yb, 0.161);
        PPM.put(Element.Lu, 0.0246);
        PPM.put(Element.Y, 1.57);
        PPM.put(Element.Sc, 5.92);
        PPM.put(Element.Th, 0.029);
        PPM.put(Element.U, 0.0074);
    }

    private ChondriteNormalisation() {
    }

    /** CI chondrite concentration in ppm; Pm has none (no stable isotope) and is never normalised. */
    public static double ppm(Element e) {
        Double v = PPM.get(e);
        if (v == null) {
            throw new IllegalArgumentException(e + " has no chondrite value");
        }
        return v;
    }

    public static boolean has(Element e) {
        return PPM.containsKey(e);
    }
}
