package org.reetrace.app.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

import tools.jackson.databind.JsonNode;

/**
 * Lots and pedigrees in the JSON that stores before {@link V10__Binary_ledger_state} kept them in, read once by that
 * migration: every field of a lot, masses in mg, element vectors as 19 numbers in element order, and a pedigree as a
 * list of paths ({@code origin}, {@code stages}, {@code mg}).
 */
final class LotJson {

    private LotJson() {
    }

    static List<Lot> readAll(JsonNode array) {
        List<Lot> lots = new ArrayList<>();
        array.forEach(n -> lots.add(read(n)));
        return lots;
    }

    static Lot read(JsonNode o) {
        JsonNode destination = o.get("destination");
        JsonNode activity = o.get("activityBqPerG");
        return new Lot(LotId.of(o.get("id").asString()), MaterialForm.valueOf(o.get("form").asString()),
                Mass.ofMilligrams(o.get("massMg").asLong()), Composition.ofArray(vector(o.get("composition"))),
                FacilityId.of(o.get("facility").asString()), OperatorId.of(o.get("holder").asString()),
                LotStatus.valueOf(o.get("status").asString()), readPedigree(o.get("pedigree")),
                destination == null ? null : FacilityId.of(destination.asString()),
                activity == null ? null : new BigDecimal(activity.asString()));
    }

    static Pedigree readPedigree(JsonNode paths) {
        Map<PedigreeKey, Composition> parts = new LinkedHashMap<>();
        for (JsonNode path : paths) {
            JsonNode o = path.get("origin");
            Origin origin = new Origin(Origin.Kind.valueOf(o.get("kind").asString()), o.get("source").asString(),
                    CountryCode.of(o.get("country").asString()));
            List<Stage> stages = new ArrayList<>();
            for (JsonNode s : path.get("stages")) {
                stages.add(new Stage(StageKind.valueOf(s.get("kind").asString()), CountryCode.of(s.get("country").asString()),
                        CountryCode.of(s.get("technologyCountry").asString())));
            }
            parts.merge(new PedigreeKey(origin, stages), Composition.ofArray(vector(path.get("mg"))), Composition::plus);
        }
        return Pedigree.of(parts);
    }

    private static long[] vector(JsonNode a) {
        long[] mg = new long[Element.count()];
        for (int i = 0; i < mg.length; i++) {
            mg[i] = a.get(i).asLong();
        }
        return mg;
    }
}
