package org.reetrace.core.provenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;

/**
 * Provenance questions over a pedigree, as shares of rare-earth element mass (thorium and uranium are booked but
 * are not what buyers' rules count). Every answer is a sum over pedigree keys: a look-up, never a graph walk.
 */
public final class PedigreeShares {

    private PedigreeShares() {
    }

    /** Rare-earth element mass in mg (Th and U excluded). */
    public static long rareEarthMg(Composition c) {
        long t = 0;
        for (Element e : Element.values()) {
            if (e.isRareEarth()) {
                t += c.get(e);
            }
        }
        return t;
    }

    /** Share (0..1) of the rare-earth mass that was mined in (or imported from) {@code country}. */
    public static double originShare(Pedigree p, CountryCode country) {
        long all = 0;
        long from = 0;
        for (Map.Entry<PedigreeKey, Composition> e : p.parts().entrySet()) {
            long m = rareEarthMg(e.getValue());
            all += m;
            if (e.getKey().origin().country().equals(country)) {
                from += m;
            }
        }
        return all == 0 ? 0 : (double) from / all;
    }

    /** Share (0..1) of one element's mass that was mined in {@code country}. */
    public static double originShare(Pedigree p, CountryCode country, Element element) {
        long all = 0;
        long from = 0;
        for (Map.Entry<PedigreeKey, Composition> e : p.parts().entrySet()) {
            long m = e.getValue().get(element);
            all += m;
            if (e.getKey().origin().country().equals(country)) {
                from += m;
            }
        }
        return all == 0 ? 0 : (double) from / all;
    }

    /**
     * Share (0..1) of each country in the rare-earth mass that passed a stage, among the mass that passed it
     * (the EU benchmark asks, stage by stage, how much of what was processed at that stage one country did).
     */
    public static Map<CountryCode, Double> stageShares(Pedigree p, StageKind stage) {
        Map<CountryCode, Composition> by = p.byStageCountry(stage);
        long all = 0;
        for (Composition c : by.values()) {
            all += rareEarthMg(c);
        }
        Map<CountryCode, Double> out = new LinkedHashMap<>();
        for (Map.Entry<CountryCode, Composition> e : by.entrySet()) {
            out.put(e.getKey(), all == 0 ? 0 : (double) rareEarthMg(e.getValue()) / all);
        }
        return out;
    }

    /** The paths, holding rare earths, that passed any of the stages in any of the countries. */
    public static List<PedigreeKey> pathsThrough(Pedigree p, Collection<StageKind> stages, Set<CountryCode> countries) {
        List<PedigreeKey> out = new ArrayList<>();
        for (Map.Entry<PedigreeKey, Composition> e : p.parts().entrySet()) {
            if (rareEarthMg(e.getValue()) == 0) {
                continue;
            }
            for (Stage s : e.getKey().stages()) {
                if (stages.contains(s.kind()) && countries.contains(s.country())) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        return out;
    }

    /** The share (0..1) of the rare-earth mass whose path passed at least one of the stages. */
    public static double passedShare(Pedigree p, Collection<StageKind> stages) {
        long all = 0;
        long passed = 0;
        for (Map.Entry<PedigreeKey, Composition> e : p.parts().entrySet()) {
            long m = rareEarthMg(e.getValue());
            all += m;
            if (stages.stream().anyMatch(e.getKey()::passed)) {
                passed += m;
            }
        }
        return all == 0 ? 0 : (double) passed / all;
    }

    /** Pedigrees of several lots pooled: a buyer's supply seen as one. */
    public static Pedigree pooled(Collection<Pedigree> pedigrees) {
        Pedigree all = Pedigree.EMPTY;
        for (Pedigree p : pedigrees) {
            all = all.plus(p);
        }
        return all;
    }
}
