package org.reetrace.core.provenance;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.StageKind;

/**
 * When a lot counts as processed for Malaysia's export moratorium on unprocessed rare earths (MY-EXP-01, Cabinet
 * decision, in force 2024-01-01). The instrument's product definition and HS lines were not found (reference
 * hs_codes_rare_earths.csv: "gap"), so reetrace derives the status from what the ledger knows rather than from the
 * declared HS code or form:
 * <ol>
 *   <li>Form: ore, concentrate, mixed compounds (carbonate, hydroxide, chloride), residue and scrap are never
 *       processed. Separated compounds, metals, magnets and products may be.</li>
 *   <li>Lineage: all of the lot's rare-earth mass must have passed one of the {@code processingStages}
 *       (by default SEPARATION, METAL_MAKING, MAGNET_MAKING). Stages enter the pedigree only through
 *       transformations at facilities licensed for the process, or as declared upstream stages of an import;
 *       a declaration on the export changes nothing.</li>
 *   <li>Composition, for separated compounds: the {@code mainElements} largest rare earths must make up at least
 *       {@code minPurity} of the rare-earth mass. Two, because group products such as NdPr oxide (75:25) are sold as
 *       separated products; 90 %, because a mixed carbonate is far from it (bastnaesite: Ce ~50 %, La ~33 %; monazite:
 *       Ce ~45 %, La ~22 %; ion-adsorption clay: Y ~25-65 %). Metals and alloys, magnets and products are exempt from
 *       the purity test: they mix elements by design (NdFeB with Dy or Tb).</li>
 * </ol>
 * A mixed carbonate declared as an oxide therefore fails twice: no separation stage in its pedigree, and no two
 * elements making 90 %.
 */
public record ProcessedCriteria(double minPurity, int mainElements, Set<StageKind> processingStages) {

    public static final ProcessedCriteria DEFAULT = new ProcessedCriteria(0.90, 2,
            EnumSet.of(StageKind.SEPARATION, StageKind.METAL_MAKING, StageKind.MAGNET_MAKING));

    /** The outcome and the reason, with the numbers. */
    public record Assessment(boolean processed, String reason) {
    }

    public ProcessedCriteria {
        if (!(minPurity > 0 && minPurity <= 1)) {
            throw new IllegalArgumentException("minimum purity is a fraction in (0, 1]: " + minPurity);
        }
        if (mainElements < 1) {
            throw new IllegalArgumentException("main elements must be at least 1: " + mainElements);
        }
        Objects.requireNonNull(processingStages, "processing stages");
        processingStages = Set.copyOf(processingStages);
    }

    public Assessment assess(Lot lot) {
        switch (lot.form()) {
            case ORE, CONCENTRATE, MIXED_RE_COMPOUND, RESIDUE, SCRAP -> {
                return new Assessment(false, "lot " + lot.id() + " is " + lot.form() + ", an unprocessed form");
            }
            default -> {
            }
        }
        long ree = PedigreeShares.rareEarthMg(lot.composition());
        if (ree == 0) {
            return new Assessment(false, "lot " + lot.id() + " has no rare-earth mass booked");
        }
        double passed = PedigreeShares.passedShare(lot.pedigree(), processingStages);
        if (passed < 1.0) {
            return new Assessment(false, String.format(java.util.Locale.ROOT,
                    "only %.2f %% of lot %s's rare earths passed %s at a licensed facility", passed * 100, lot.id(),
                    processingStages.stream().sorted().toList()));
        }
        if (lot.form() == org.reetrace.core.lot.MaterialForm.SEPARATED_COMPOUND) {
            long[] m = new long[Element.count()];
            for (Element e : Element.values()) {
                m[e.ordinal()] = e.isRareEarth() ? lot.composition().get(e) : 0;
            }
            Arrays.sort(m);
            long main = 0;
            for (int i = 0; i < mainElements; i++) {
                main += m[m.length - 1 - i];
            }
            double purity = (double) main / ree;
            if (purity < minPurity) {
                return new Assessment(false, String.format(java.util.Locale.ROOT,
                        "lot %s is declared SEPARATED_COMPOUND but its %d main rare earths are %.2f %% of its rare-earth "
                                + "mass, below %.2f %%: a mixed compound", lot.id(), mainElements, purity * 100, minPurity * 100));
            }
        }
        return new Assessment(true, "lot " + lot.id() + " (" + lot.form() + ") passed "
                + processingStages.stream().sorted().toList() + " at licensed facilities");
    }
}
