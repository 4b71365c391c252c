package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pedigree as stored in {@code lot.pedigree}: a list of paths, each with its origin, its stages and its element
 * masses as a 19-element mg vector in element order.
 */
public final class PedigreeJson {

    private PedigreeJson() {
    }

    public static ArrayNode write(Pedigree pedigree) {
        ArrayNode paths = JsonNodeFactory.instance.arrayNode();
        pedigree.parts().forEach((key, c) -> {
            ObjectNode path = paths.addObject();
            path.putObject("origin").put("kind", key.origin().kind().name()).put("source", key.origin().source())
                    .put("country", key.origin().country().alpha2());
            ArrayNode stages = path.putArray("stages");
            key.stages().forEach(s -> stages.addObject().put("kind", s.kind().name())
                    .put("country", s.country().alpha2()).put("technologyCountry", s.technologyCountry().alpha2()));
            ArrayNode mg = path.putArray("mg");
            for (long m : c.toArray()) {
                mg.add(m);
            }
        });
        return paths;
    }

    public static Pedigree read(JsonNode paths) {
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
            long[] mg = new long[Element.count()];
            JsonNode masses = path.get("mg");
            for (int i = 0; i < mg.length; i++) {
                mg[i] = masses.get(i).asLong();
            }
            parts.merge(new PedigreeKey(origin, stages), Composition.ofArray(mg), Composition::plus);
        }
        return Pedigree.of(parts);
    }
}
