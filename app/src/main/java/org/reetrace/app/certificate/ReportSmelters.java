package org.reetrace.app.certificate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.lot.LotQueries;
import org.reetrace.app.lot.TraceLot;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.springframework.http.HttpStatus;

/**
 * The smelter list of the RMI's Minerals Reporting Templates for a supply of lots (the Additional Minerals Reporting
 * Template covers rare earth elements): one row per refiner the material passed (cracking, separation and metal
 * plants in the ledger; a processing country abroad where the ledger names no plant), with the mines it drew on. For
 * the lots' holder and those who read every lot. A mine is named to the regulator, customs, auditors and its own
 * operator; to others only its country, as in a pedigree.
 */
@UseCase
public class ReportSmelters {

    /** The columns of the RMI smelter list, in the template's order. */
    public static final List<String> COLUMNS = List.of("Metal", "Smelter Look-up", "Smelter Name", "Smelter Country",
            "Smelter Identification", "Source of Smelter Identification Number", "Smelter Street", "Smelter City",
            "Smelter Facility Location: State / Province", "Smelter Contact Name", "Smelter Contact Email",
            "Proposed next steps", "Name of Mine(s) or if recycled or scrap sourced, enter \"Recycled\" or \"Scrap\"",
            "Location (Country) of Mine(s) or if recycled or scrap sourced, enter \"Recycled\" or \"Scrap\"",
            "Does 100% of the smelter's feed originate from recycled or scrap sources?", "Comments");

    /** One refiner of the supply. */
    @Schema(name = "SmelterRow")
    public record SmelterRow(String metal, String lookUp, String name, String country, String identification,
                             String identificationSource, String mines, String mineCountries, String recycledOnly,
                             String comments) {

        /** The row in the template's column order. */
        public List<String> cells() {
            return List.of(metal, lookUp, name, country, identification, identificationSource, "", "", "", "", "", "",
                    mines, mineCountries, recycledOnly, comments);
        }
    }

    @Schema(name = "SmelterReport")
    public record SmelterReport(List<String> lots, List<SmelterRow> rows) {
    }

    private static final Map<FacilityKind, StageKind> REFINERS = Map.of(FacilityKind.CRACKING_PLANT, StageKind.CRACKING,
            FacilityKind.SEPARATION_PLANT, StageKind.SEPARATION, FacilityKind.METAL_PLANT, StageKind.METAL_MAKING);

    private final LotQueries lots;
    private final StoredRegistry registry;

    public ReportSmelters(LotQueries lots, StoredRegistry registry) {
        this.lots = lots;
        this.registry = registry;
    }

    public SmelterReport report(Caller caller, List<String> supply) {
        if (supply.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid query parameter",
                    "name at least one lot", Map.of("errors", List.of(Map.of("field", "lot", "reason", "missing"))));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String id : supply) {
            Lot lot = lots.lot(id).orElseThrow(() -> ProblemException.notFound("lot", id)).lot();
            caller.requireReader(lot.holder().value());
            Set<String> refinerCountries = new TreeSet<>();
            for (LotQueries.Step step : lots.trace(id, true, TraceLot.MAX_DEPTH).steps()) {
                Optional<Facility> f = registry.facility(FacilityId.of(step.event().facility()));
                if (f.isPresent() && REFINERS.containsKey(f.get().kind())) {
                    Facility plant = f.get();
                    refinerCountries.add(REFINERS.get(plant.kind()) + plant.country().alpha2());
                    rows.computeIfAbsent(plant.id().value(), k -> new Row(plant.name(), plant.country().alpha2(),
                            plant.id().value(), "reetrace registry", REFINERS.get(plant.kind()), "in the ledger"));
                }
            }
            // processing abroad, or before the books began: the pedigree knows the country, not the plant
            for (PedigreeKey key : lot.pedigree().parts().keySet()) {
                for (Stage s : key.stages()) {
                    if (REFINERS.containsValue(s.kind()) && !refinerCountries.contains(s.kind() + s.country().alpha2())) {
                        rows.computeIfAbsent(s.kind() + "@" + s.country().alpha2(), k -> new Row("Unknown", s.country()
                                .alpha2(), "", "", s.kind(), "a plant abroad or outside the books; the ledger knows"
                                + " only its country"));
                    }
                }
            }
            for (Row row : rows.values()) {
                lot.pedigree().parts().forEach((key, composition) -> {
                    if (key.stages().stream().anyMatch(s -> s.kind() == row.stage && s.country().alpha2().equals(row.country))) {
                        row.mines.add(mine(caller, key.origin()));
                        row.mineCountries.add(key.origin().country().alpha2());
                        for (Element e : Element.values()) {
                            if (e.isRareEarth() && composition.get(e) > 0) {
                                row.elements.add(e);
                            }
                        }
                    }
                });
            }
        }
        List<SmelterRow> out = new ArrayList<>();
        for (Row r : rows.values()) {
            out.add(new SmelterRow("Rare Earth Elements", r.identification.isEmpty() ? "Smelter not listed" : r.name,
                    r.name, r.country, r.identification, r.source, String.join("; ", r.mines),
                    String.join("; ", r.mineCountries), "No", r.stage.name().toLowerCase().replace('_', ' ') + ", "
                    + r.where + "; elements " + String.join(" ", r.elements.stream().map(Element::symbol).toList())));
        }
        return new SmelterReport(List.copyOf(supply), out);
    }

    private String mine(Caller caller, Origin origin) {
        if (origin.kind() == Origin.Kind.IMPORT) {
            return "imported (" + origin.country().alpha2() + ")";
        }
        Optional<Facility> mine;
        try {
            mine = registry.facility(FacilityId.of(origin.source()));
        } catch (IllegalArgumentException notAFacility) {
            mine = Optional.empty();
        }
        boolean named = caller.readsAll() || mine.filter(m -> caller.actsFor(m.operator().value())).isPresent();
        return named ? mine.map(Facility::name).orElse(origin.source()) : "withheld (" + origin.country().alpha2() + ")";
    }

    /** A row as it is gathered. */
    private static final class Row {
        final String name;
        final String country;
        final String identification;
        final String source;
        final StageKind stage;
        final String where;
        final Set<String> mines = new TreeSet<>();
        final Set<String> mineCountries = new TreeSet<>();
        final Set<Element> elements = new TreeSet<>();

        Row(String name, String country, String identification, String source, StageKind stage, String where) {
            this.name = name;
            this.country = country;
            this.identification = identification;
            this.source = source;
            this.stage = stage;
            this.where = where;
        }
    }
}
