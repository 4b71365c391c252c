package org.reetrace.app.epcis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.epcis.document.EpcisHeader;

/** A GS1 REST binding collection resource: the names of its members (sub-resources or values). */
@JsonPropertyOrder({"@context", "type", "member"})
@Schema(description = "A collection resource of the GS1 EPCIS 2.0 REST binding")
record EpcisCollection(@JsonProperty("@context") String context, String type, List<String> member) {

    static EpcisCollection of(List<String> members) {
        return new EpcisCollection(EpcisHeader.EPCIS_CONTEXT, "Collection", members);
    }
}
