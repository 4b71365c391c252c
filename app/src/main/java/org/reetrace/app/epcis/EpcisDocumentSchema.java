package org.reetrace.app.epcis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The main members of a GS1 EPCIS 2.0 EPCISDocument in JSON-LD, for the API description only: capture reads the
 * document itself, streaming and checking it against GS1's JSON Schema.
 */
@Schema(name = "EPCISDocument", description = "A GS1 EPCIS 2.0 EPCISDocument in JSON-LD; checked against GS1's "
        + "EPCIS JSON Schema and, for events that declare ree:ledgerEvent, the reetrace rare-earth profile")
record EpcisDocumentSchema(
        @JsonProperty("@context") @Schema(description = "The EPCIS 2.0 JSON-LD context, and any prefixes the "
                + "document uses (such as ree for the rare-earth profile)", example = "[\"https://ref.gs1.org/"
                + "standards/epcis/2.0.0/epcis-context.jsonld\", {\"ree\": \"https://reetrace.org/epcis/profile/1#\"}]")
        List<Object> context,
        @Schema(description = "EPCISDocument", example = "EPCISDocument") String type,
        @Schema(description = "The EPCIS schema version", example = "2.0") String schemaVersion,
        @Schema(description = "When the document was created (ISO 8601 date-time with offset)",
                example = "2026-03-02T08:00:00+08:00") String creationDate,
        @Schema(description = "The events, in epcisBody.eventList") Body epcisBody) {

    @Schema(name = "EPCISBody", description = "The body of an EPCISDocument")
    record Body(@Schema(description = "ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or "
            + "AssociationEvent objects, each with its type") List<Map<String, Object>> eventList) {
    }
}
