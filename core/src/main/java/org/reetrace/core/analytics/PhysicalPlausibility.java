package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.event.Assay;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.process.ProcessKind;

/**
 * What physics allows a booking, whatever the books' element columns say. A transformation's total mass out
 * against its mass in stays within a band per process: reagents add mass in cracking and leaching, a metal loses
 * its oxygen, a split or a blend changes nothing; a residue booked at a hundred times the mass it could have
 * (thorium and uranium diluted on paper below the 1 Bq/g limit) falls outside it. An assay's declared activity is
 * compared with the activity its own thorium and uranium give; one that states less than half of that is an
 * alert, since it would keep a radioactive residue out of the books' residue cases.
 */
final class PhysicalPlausibility {

    /** Total mass out over total mass in that each process can plausibly book. */
    record MassBand(double min, double max) {
        MassBand {
            if (!(min >= 0 && min <= max)) {
                throw new IllegalArgumentException("a mass band needs 0 <= min <= max: " + min + ", " + max);
            }
        }

        boolean contains(double ratio) {
            return ratio >= min && ratio <= max;
        }
    }

    /**
     * Defaults from the chemistry of each step: concentration only removes (gangue leaves as tailings, booked or
     * not); cracking and leaching add acid, alkali and water of crystallisation, and neutralisation adds lime, so
     * their residues weigh up to a few times the concentrate; separation adds reagents; metal making drops the
     * oxide's oxygen and makes slag; magnet making adds iron and boron, which are not rare-earth lots. A split or
     * blend weighs the same out as in; leaching ore in place takes out a few kilograms a tonne, so it has no
 * floor. Manufacturing and recycling mix in too much else to bound.
     */
    static final Map<ProcessKind, MassBand> DEFAULT_BANDS = defaults();

    /** Declared activity below this share of the activity the lot's Th and U give is understated. */
    static final double UNDERSTATED = 0.5;

    private final Map<ProcessKind, MassBand> bands;
    private final double activityLimit;
    private final ZoneOffset offset;
    private final List<Alert> alerts = new ArrayList<>();

    PhysicalPlausibility(Map<ProcessKind, MassBand> bands, double activityLimitBqPerGram, ZoneOffset offset) {
        this.bands = Map.copyOf(bands);
        this.activityLimit = activityLimitBqPerGram;
        this.offset = offset;
    }

    private static Map<ProcessKind, MassBand> defaults() {
        Map<ProcessKind, MassBand> m = new EnumMap<>(ProcessKind.class);
        m.put(ProcessKind.CONCENTRATION, new MassBand(0, 1.05));
        m.put(ProcessKind.CRACKING, new MassBand(0.05, 6));
        m.put(ProcessKind.LEACHING, new MassBand(0, 6));
        m.put(ProcessKind.SEPARATION, new MassBand(0.05, 4));
        m.put(ProcessKind.METAL_MAKING, new MassBand(0.3, 1.5));
        m.put(ProcessKind.MAGNET_MAKING, new MassBand(0.5, 5));
        m.put(ProcessKind.SPLIT, new MassBand(0.99, 1.01));
        m.put(ProcessKind.BLEND, new MassBand(0.99, 1.01));
        return Map.copyOf(m);
    }

    void accept(Entry entry) {
        LedgerEvent event = entry.event();
        YearMonth month = YearMonth.from(event.time().atOffset(offset));
        switch (event) {
            case Transform t -> massBalance(t, month);
            case Assay a -> entry.lots().stream().filter(l -> l.id().equals(a.lot())).findFirst()
                    .ifPresent(lot -> activity(a, lot, month));
            default -> {
            }
        }
    }

    private void massBalance(Transform t, YearMonth month) {
        MassBand band = bands.get(t.process());
        long in = t.inputs().stream().mapToLong(i -> i.mass().mg()).sum();
        long out = t.outputs().stream().mapToLong(o -> o.mass().mg()).sum();
        if (band == null || in == 0) {
            return;
        }
        double ratio = (double) out / in;
        if (!band.contains(ratio)) {
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("mass in t", QuotaCheck.tonnes(in));
            figures.put("mass out t", QuotaCheck.tonnes(out));
            figures.put("out/in", MufMonitor.fmt(ratio));
            figures.put("band", MufMonitor.fmt(band.min()) + ".." + MufMonitor.fmt(band.max()));
            figures.put("process", t.process().name());
            alerts.add(new Alert(AlertKind.IMPLAUSIBLE_MASS, t.id().value(), month, t.process() + " at "
                    + t.facility() + " booked " + QuotaCheck.tonnes(out) + " t out of " + QuotaCheck.tonnes(in)
                    + " t in (" + MufMonitor.fmt(ratio) + " times), outside the " + MufMonitor.fmt(band.min()) + " to "
                    + MufMonitor.fmt(band.max()) + " a " + t.process() + " can weigh", figures, List.of(t.id())));
        }
    }

    private void activity(Assay a, Lot lot, YearMonth month) {
        if (a.activity() == null) {
            return;
        }
        double declared = a.activity().doubleValue();
        double content = ResidueTracker.contentActivity(lot);
        if (content > activityLimit && declared < UNDERSTATED * content) {
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("declared Bq/g", MufMonitor.fmt(declared));
            figures.put("from Th and U Bq/g", MufMonitor.fmt(content));
            figures.put("mass t", QuotaCheck.tonnes(lot.mass().mg()));
            alerts.add(new Alert(AlertKind.ACTIVITY_UNDERSTATED, lot.id().value(), month, "lot " + lot.id()
                    + " was assayed at " + MufMonitor.fmt(declared) + " Bq/g, but its own thorium and uranium give "
                    + MufMonitor.fmt(content) + " Bq/g", figures, List.of(a.id())));
        }
    }

    List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
