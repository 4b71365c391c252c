package org.reetrace.core.element;

import java.util.Optional;

/**
 * The elements the ledger books: the 17 rare earths (Sc, Y and the lanthanides) plus thorium and uranium,
 * which come with them and make residues radioactive.
 *
 * <p>Atomic weights are IUPAC standard atomic weights (Pm has no stable isotope: 145, its longest-lived
 * isotope's mass number). The oxide form is the one conventionally used for oxide-equivalent (REO, TREO)
 * reporting: CeO2, Pr6O11, Tb4O7, ThO2, U3O8 and RE2O3 otherwise. Source: reference table
 * oxide_conversion_factors.csv; {@code ElementTest} checks the factors against it.
 */
public enum Element {
    Sc(21, "Scandium", 44.9559085, 2, 3),
    Y(39, "Yttrium", 88.905842, 2, 3),
    La(57, "Lanthanum", 138.905477, 2, 3),
    Ce(58, "Cerium", 140.1161, 1, 2),
    Pr(59, "Praseodymium", 140.907662, 6, 11),
    Nd(60, "Neodymium", 144.2423, 2, 3),
    Pm(61, "Promethium", 145.0, 2, 3),
    Sm(62, "Samarium", 150.362, 2, 3),
    Eu(63, "Europium", 151.9641, 2, 3),
    Gd(64, "Gadolinium", 157.253, 2, 3),
    Tb(65, "Terbium", 158.925352, 4, 7),
    Dy(66, "Dysprosium", 162.5001, 2, 3),
    Ho(67, "Holmium", 164.930332, 2, 3),
    Er(68, "Erbium", 167.2593, 2, 3),
    Tm(69, "Thulium", 168.934222, 2, 3),
    Yb(70, "Ytterbium", 173.0451, 2, 3),
    Lu(71, "Lutetium", 174.96681, 2, 3),
    Th(90, "Thorium", 232.03774, 1, 2),
    U(92, "Uranium", 238.028913, 3, 8);

    /** Standard atomic weight of oxygen used for every oxide factor. */
    public static final double OXYGEN = 15.999;

    private static final Element[] ALL = values();

    private final int atomicNumber;
    private final String displayName;
    private final double atomicWeight;
    private final int metalAtoms;
    private final int oxygenAtoms;

    Element(int atomicNumber, String displayName, double atomicWeight, int metalAtoms, int oxygenAtoms) {
        this.atomicNumber = atomicNumber;
        this.displayName = displayName;
        this.atomicWeight = atomicWeight;
        this.metalAtoms = metalAtoms;
        this.oxygenAtoms = oxygenAtoms;
    }

    public static int count() {
        return ALL.length;
    }

    public static Element byIndex(int index) {
        return ALL[index];
    }

    /** Case-sensitive symbol look-up ("Nd", "Dy"), empty for anything else. */
    public static Optional<Element> bySymbol(String symbol) {
        for (Element e : ALL) {
            if (e.name().equals(symbol)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public String symbol() {
        return name();
    }

    public int atomicNumber() {
        return atomicNumber;
    }

    public String displayName() {
        return displayName;
    }

    public double atomicWeight() {
        return atomicWeight;
    }

    /** The reporting oxide, e.g. "Nd2O3", "Pr6O11". */
    public String oxideFormula() {
        return symbol() + (metalAtoms == 1 ? "" : metalAtoms) + "O" + (oxygenAtoms == 1 ? "" : oxygenAtoms);
    }

    /** Mass of oxide per unit mass of element (Nd: 1.1664). */
    public double oxideFactor() {
        return (metalAtoms * atomicWeight + oxygenAtoms * OXYGEN) / (metalAtoms * atomicWeight);
    }

    /** Rare earths are everything but thorium and uranium; TREO counts only these. */
    public boolean isRareEarth() {
        return this != Th && this != U;
    }

    /** Heavy rare earths in the usual industrial grouping (Eu to Lu, plus Y). */
    public boolean isHeavy() {
        return this == Y || (atomicNumber >= 63 && atomicNumber <= 71);
    }
}
