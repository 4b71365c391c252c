package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.core.element.Element;
import org.reetrace.core.event.Export;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.MaterialForm;

import static org.reetrace.core.element.Element.*;

/**
 * An export of a lot booked as a separated compound or metal must be one: its rare earths concentrated in one
 * commercial product group (La-Ce, Pr-Nd, Sm-Eu-Gd, Tb-Dy, the heavy group with Y, or one element) at no less than
 * the purity threshold (0.90 of the rare earths, the minimum purity the provenance criteria also use). A mixed
 * carbonate relabelled as oxide keeps its ore's full distribution and fails. Malaysia has banned the export of
 * unprocessed rare earths since 1 January 2024, which is what makes the relabelling pay.
 */
public final class ExportClaimCheck {

    static final List<Set<Element>> GROUPS = List.of(EnumSet.of(La, Ce), EnumSet.of(Pr, Nd), EnumSet.of(Sm, Eu, Gd),
            EnumSet.of(Tb, Dy), EnumSet.of(Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu, Y));

    private final double minPurity;
    private final List<Alert> alerts = new ArrayList<>();

    public ExportClaimCheck(double minPurity) {
        if (!(minPurity > 0 && minPurity <= 1)) {
            throw new IllegalArgumentException("purity threshold lies in (0, 1]: " + minPurity);
        }
        this.minPurity = minPurity;
    }

    /** The largest share of the rare earths held by one product group or one element. */
    public static double purity(Lot lot) {
        long ree = 0;
        long best = 0;
        for (Element e : Element.values()) {
            if (e.isRareEarth()) {
                ree += lot.composition().get(e);
                best = Math.max(best, lot.composition().get(e));
            }
        }
        for (Set<Element> g : GROUPS) {
            long s = 0;
            for (Element e : g) {
                s += lot.composition().get(e);
            }
            best = Math.max(best, s);
        }
        return ree == 0 ? 0 : (double) best / ree;
    }

    void accept(Export x, Lot lot, YearMonth month) {
        if (lot.form() != MaterialForm.SEPARATED_COMPOUND && lot.form() != MaterialForm.METAL_OR_ALLOY) {
            return;
        }
        double purity = purity(lot);
        if (purity < minPurity) {
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("booked form", lot.form().name());
            figures.put("HS code declared", x.declaration().hsCode());
            figures.put("purity of best product group", MufMonitor.fmt(purity));
            figures.put("minimum purity", MufMonitor.fmt(minPurity));
            figures.put("mass t", QuotaCheck.tonnes(lot.mass().mg()));
            alerts.add(new Alert(AlertKind.EXPORT_NOT_AS_DECLARED, lot.id().value(), month,
                    "lot " + lot.id() + " exported as " + lot.form() + " under " + x.declaration().hsCode()
                            + " holds no product group purer than " + MufMonitor.fmt(purity)
                            + " of its rare earths: a mixed compound, not a separated one",
                    figures, List.of(x.id())));
        }
    }

    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
