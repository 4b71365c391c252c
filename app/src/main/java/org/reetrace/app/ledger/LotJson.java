package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.List;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole lot as JSON, for the undo data of {@code ledger_undo}: every field of the lot, masses in mg, the
 * composition as a 19-element vector in element order, the pedigree as {@link PedigreeJson} writes it.
 */
final class LotJson {

    private LotJson() {
    }

    static ArrayNode writeAll(List<Lot> lots) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        lots.forEach(l -> a.add(write(l)));
        return a;
    }

    static List<Lot> readAll(JsonNode array) {
        List<Lot> lots = new ArrayList<>();
        array.forEach(n -> lots.add(read(n)));
        return lots;
    }

    static ObjectNode write(Lot lot) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", lot.id().value());
        o.put("form", lot.form().name());
        o.put("massMg", lot.mass().mg());
        ArrayNode c = o.putArray("composition");
        for (long mg : lot.composition().toArray()) {
            c.add(mg);
        }
        o.put("facility", lot.facility().value());
        o.put("holder", lot.holder().value());
        o.put("status", lot.status().name());
        if (lot.destination() != null) {
            o.put("destination", lot.destination().value());
        }
        if (lot.activity() != null) {
            // as text: a number node could lose the scale, and the lot compares activities by value anyway
            o.put("activityBqPerG", lot.activity().toPlainString());
        }
        o.set("pedigree", PedigreeJson.write(lot.pedigree()));
        return o;
    }

    static Lot read(JsonNode o) {
        JsonNode comp = o.get("composition");
        long[] mg = new long[comp.size()];
        for (int i = 0; i < mg.length; i++) {
            mg[i] = comp.get(i).asLong();
        }
        JsonNode destination = o.get("destination");
        JsonNode activity = o.get("activityBqPerG");
        return new Lot(LotId.of(o.get("id").asString()), MaterialForm.valueOf(o.get("form").asString()),
                Mass.ofMilligrams(o.get("massMg").asLong()), Composition.ofArray(mg),
                FacilityId.of(o.get("facility").asString()), OperatorId.of(o.get("holder").asString()),
                LotStatus.valueOf(o.get("status").asString()), PedigreeJson.read(o.get("pedigree")),
                destination == null ? null : FacilityId.of(destination.asString()),
                activity == null ? null : new java.math.BigDecimal(activity.asString()));
    }
}
