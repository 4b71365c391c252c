package org.reetrace.app.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The native JSON form of an event as the API description shows it: one schema per type, told apart by
 * {@code type}. Only described here; {@link EventJson#read} is what reads an event, and these mirror its fields.
 * A composition is given as exactly one of {@code compositionMg} or {@code oxidePercent}.
 */
final class EventSchemas {

    private EventSchemas() {
    }

    private static final String ID = "The submitter's id of the event; booking it again with the same content is safe";
    private static final String TIME = "When it happened, an ISO-8601 instant";
    private static final String FACILITY = "The facility that acts";
    private static final String KG = "Kilograms, at most six decimals (whole milligrams)";
    private static final String MG = "Element symbol to whole milligrams; or give oxidePercent";
    private static final String OXIDE = "Element symbol to the mass percentage of its reporting oxide in the lot, as"
            + " assays report it; or give compositionMg";

    @Schema(name = "Event", description = "A ledger event in the native JSON form; unknown fields are refused",
            oneOf = {Extract.class, Assay.class, Ship.class, Receive.class, Transform.class, Export.class,
                    Import.class, Dispose.class, Adjust.class, Reverse.class},
            discriminatorProperty = "type",
            discriminatorMapping = {
                    @DiscriminatorMapping(value = "EXTRACT", schema = Extract.class),
                    @DiscriminatorMapping(value = "ASSAY", schema = Assay.class),
                    @DiscriminatorMapping(value = "SHIP", schema = Ship.class),
                    @DiscriminatorMapping(value = "RECEIVE", schema = Receive.class),
                    @DiscriminatorMapping(value = "TRANSFORM", schema = Transform.class),
                    @DiscriminatorMapping(value = "EXPORT", schema = Export.class),
                    @DiscriminatorMapping(value = "IMPORT", schema = Import.class),
                    @DiscriminatorMapping(value = "DISPOSE", schema = Dispose.class),
                    @DiscriminatorMapping(value = "ADJUST", schema = Adjust.class),
                    @DiscriminatorMapping(value = "REVERSE", schema = Reverse.class)})
    interface Event {
    }

    @Schema(name = "EventBatch", description = "Events booked in order, all or nothing")
    record Batch(@ArraySchema(minItems = 1, arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED)) List<Event> events) {
    }

    @Schema(name = "ExtractEvent", description = "Material taken out of the ground; only at a mine")
    record Extract(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                   @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "EXTRACT") String type,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                   @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                   @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"ORE", "CONCENTRATE"}) String form,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = KG) BigDecimal massKg,
                   @Schema(description = MG) Map<String, Long> compositionMg,
                   @Schema(description = OXIDE) Map<String, BigDecimal> oxidePercent,
                   @Schema(description = "Where it was extracted") Location location) {
    }

    @Schema(name = "Location")
    record Location(@Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal latitude,
                    @Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal longitude) {
    }

    @Schema(name = "AssayEvent", description = "A measured composition, replacing the booked one; the difference is"
            + " booked as an adjustment")
    record Assay(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                 @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "ASSAY") String type,
                 @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                 @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                 @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                 @Schema(description = MG) Map<String, Long> compositionMg,
                 @Schema(description = OXIDE + " (of the lot's booked mass)") Map<String, BigDecimal> oxidePercent,
                 @Schema(description = "Measured activity, Bq/g") BigDecimal activityBqPerG) {
    }

    @Schema(name = "ShipEvent", description = "A whole lot sent to another facility")
    record Ship(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "SHIP") String type,
                @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                @Schema(requiredMode = RequiredMode.REQUIRED, description = "The receiving facility") String destination) {
    }

    @Schema(name = "ReceiveEvent", description = "A shipped lot taken in, as weighed on arrival")
    record Receive(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                   @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "RECEIVE") String type,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                   @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = KG) BigDecimal receivedMassKg) {
    }

    @Schema(name = "TransformEvent", description = "Input lots processed into output lots; the facility must be"
            + " registered for the process")
    record Transform(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                     @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "TRANSFORM") String type,
                     @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                     @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                     @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"CONCENTRATION", "CRACKING",
                             "LEACHING", "SEPARATION", "METAL_MAKING", "MAGNET_MAKING", "MANUFACTURING", "RECYCLING",
                             "SPLIT", "BLEND"}) String process,
                     @Schema(requiredMode = RequiredMode.REQUIRED) List<Input> inputs,
                     @Schema(requiredMode = RequiredMode.REQUIRED) List<Output> outputs,
                     @Schema(description = "Element symbol to whole milligrams lost in the process, as declared")
                     Map<String, Long> declaredLossMg) {
    }

    @Schema(name = "TransformInput")
    record Input(@Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                 @Schema(requiredMode = RequiredMode.REQUIRED, description = KG) BigDecimal massKg) {
    }

    @Schema(name = "TransformOutput")
    record Output(@Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String form,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = KG) BigDecimal massKg,
                  @Schema(description = MG) Map<String, Long> compositionMg,
                  @Schema(description = OXIDE) Map<String, BigDecimal> oxidePercent) {
    }

    @Schema(name = "ExportEvent", description = "A lot leaving the country under a customs declaration")
    record Export(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                  @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "EXPORT") String type,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                  @Schema(requiredMode = RequiredMode.REQUIRED) Declaration declaration) {
    }

    @Schema(name = "CustomsDeclaration")
    record Declaration(@Schema(requiredMode = RequiredMode.REQUIRED) String number,
                       @Schema(requiredMode = RequiredMode.REQUIRED) String hsCode,
                       String permit,
                       @Schema(requiredMode = RequiredMode.REQUIRED) String counterparty,
                       @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 3166 alpha-2") String country) {
    }

    @Schema(name = "ImportEvent", description = "A lot entering the country, with where it came from")
    record Import(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                  @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "IMPORT") String type,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String form,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = KG) BigDecimal massKg,
                  @Schema(description = MG) Map<String, Long> compositionMg,
                  @Schema(description = OXIDE) Map<String, BigDecimal> oxidePercent,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 3166 alpha-2") String originCountry,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String supplier,
                  List<UpstreamStage> upstreamStages,
                  @Schema(requiredMode = RequiredMode.REQUIRED) Declaration declaration) {
    }

    @Schema(name = "UpstreamStage")
    record UpstreamStage(@Schema(requiredMode = RequiredMode.REQUIRED) String kind,
                         @Schema(requiredMode = RequiredMode.REQUIRED) String country,
                         @Schema(requiredMode = RequiredMode.REQUIRED) String technologyCountry) {
    }

    @Schema(name = "DisposeEvent", description = "A residue disposed of by a disposal facility")
    record Dispose(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                   @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "DISPOSE") String type,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                   @Schema(requiredMode = RequiredMode.REQUIRED) String lot) {
    }

    @Schema(name = "AdjustEvent", description = "A lot's mass and composition set, with the reason")
    record Adjust(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                  @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "ADJUST") String type,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String lot,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = KG) BigDecimal massKg,
                  @Schema(description = MG) Map<String, Long> compositionMg,
                  @Schema(description = OXIDE) Map<String, BigDecimal> oxidePercent,
                  @Schema(requiredMode = RequiredMode.REQUIRED) String reason) {
    }

    @Schema(name = "ReverseEvent", description = "Takes back an event booked in error, by the facility that booked"
            + " it, newest first")
    record Reverse(@Schema(requiredMode = RequiredMode.REQUIRED, description = ID) String id,
                   @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "REVERSE") String type,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = TIME) String time,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = FACILITY) String facility,
                   @Schema(requiredMode = RequiredMode.REQUIRED, description = "The id of the event to take back")
                   String original,
                   @Schema(requiredMode = RequiredMode.REQUIRED) String reason) {
    }
}
