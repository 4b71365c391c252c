package org.reetrace.epcis.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.BizTransaction;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.ErrorDeclaration;
import org.reetrace.epcis.document.EventBuilder;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.document.PersistentDisposition;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorMetadata;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;

import tools.jackson.databind.JsonNode;

/**
 * Turns one event's JSON-LD tree into its record. Keys that are not standard fields are user extensions
 * and are resolved against the document's {@code @context} (and the event's own, if it has one).
 * A fault names the event index and the JSON pointer of the offending value.
 */
final class JsonEventMapper {
    private static final String GS1_VOC = "https://gs1.org/voc/";

    private final int index;
    private final String base;
    private final JsonLdContext context;

    private JsonEventMapper(int index, String base, JsonLdContext context) {
        this.index = index;
        this.base = base;
        this.context = context;
    }

    static EpcisEvent toEvent(JsonNode node, int index, String pointer, JsonLdContext documentContext) {
        JsonLdContext context = documentContext;
        if (node.has("@context")) {
            context = documentContext.copy();
            context.add(node.get("@context"));
        }
        return new JsonEventMapper(index, pointer, context).event(node);
    }

    private EpcisEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw fault("", "an event is a JSON object");
        }
        JsonInputCheck.check(node).ifPresent(f -> {
            throw fault(f.pointer(), f.reason());
        });
        String type = text(node.get("type"), "/type");
        if (type == null) {
            throw fault("/type", "missing event type");
        }
        EventBuilder b = new EventBuilder();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode v = field.getValue();
            String at = "/" + escape(name);
            switch (name) {
                case "@context", "type" -> { }
                case "eventTime" -> b.eventTime = time(v, at);
                case "recordTime" -> b.recordTime = time(v, at);
                case "eventTimeZoneOffset" -> b.eventTimeZoneOffset = text(v, at);
                case "eventID" -> b.eventID = text(v, at);
                case "certificationInfo" -> b.certificationInfo = text(v, at);
                case "errorDeclaration" -> b.errorDeclaration = errorDeclaration(v, at);
                case "parentID" -> b.parentID = text(v, at);
                case "epcList" -> b.epcList = texts(v, at);
                case "childEPCs" -> b.childEPCs = texts(v, at);
                case "inputEPCList" -> b.inputEPCList = texts(v, at);
                case "outputEPCList" -> b.outputEPCList = texts(v, at);
                case "quantityList" -> b.quantityList = quantities(v, at);
                case "childQuantityList" -> b.childQuantityList = quantities(v, at);
                case "inputQuantityList" -> b.inputQuantityList = quantities(v, at);
                case "outputQuantityList" -> b.outputQuantityList = quantities(v, at);
                case "transformationID" -> b.transformationID = text(v, at);
                case "action" -> b.action = action(v, at);
                case "bizStep" -> b.bizStep = Cbv.BIZ_STEP.canonical(text(v, at));
                case "disposition" -> b.disposition = Cbv.DISPOSITION.canonical(text(v, at));
                case "readPoint" -> b.readPoint = location(v, at);
                case "bizLocation" -> b.bizLocation = location(v, at);
                case "bizTransactionList" -> b.bizTransactionList = list(v, at, this::bizTransaction);
                case "sourceList" -> b.sourceList = list(v, at, (n, p) -> sourceDest(n, p, "source"));
                case "destinationList" ->
                        b.destinationList = list(v, at, (n, p) -> sourceDest(n, p, "destination"));
                case "sensorElementList" -> b.sensorElementList = list(v, at, this::sensorElement);
                case "persistentDisposition" -> b.persistentDisposition = persistentDisposition(v, at);
                case "ilmd" -> b.ilmd = extensionsOf(v, at, Map.of());
                default -> b.extensions.addAll(extension(name, v));
            }
        }
        if (b.eventTime == null) {
            throw fault("/eventTime", "missing eventTime");
        }
        if (b.eventTimeZoneOffset == null) {
            throw fault("/eventTimeZoneOffset", "missing eventTimeZoneOffset");
        }
        if (b.action == null && !"TransformationEvent".equals(type)) {
            throw fault("/action", "missing action");
        }
        try {
            return b.build(type);
        } catch (IllegalArgumentException e) {
            throw fault("/type", e.getMessage());
        }
    }

    private interface Item<T> {
        T read(JsonNode node, String at);
    }

    private <T> List<T> list(JsonNode v, String at, Item<T> item) {
        if (!v.isArray()) {
            throw fault(at, "expected an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(item.read(v.get(i), at + "/" + i));
        }
        return out;
    }

    private List<String> texts(JsonNode v, String at) {
        return list(v, at, this::text);
    }

    private String text(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw fault(at, "expected a string, found " + v.getNodeType());
        }
        return v.asString().strip();
    }

    private Instant time(JsonNode v, String at) {
        String s = text(v, at);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw fault(at, "not a date-time with offset: " + s);
        }
    }

    private BigDecimal number(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw fault(at, "expected a number, found " + v.getNodeType());
        }
        return v.decimalValue();
    }

    private Action action(JsonNode v, String at) {
        String s = text(v, at);
        try {
            return Action.valueOf(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw fault(at, "action must be ADD, OBSERVE or DELETE, found " + s);
        }
    }

    private List<QuantityElement> quantities(JsonNode v, String at) {
        return list(v, at, (n, p) -> {
            String epcClass = text(n.get("epcClass"), p + "/epcClass");
            if (epcClass == null) {
                throw fault(p + "/epcClass", "missing epcClass");
            }
            return new QuantityElement(epcClass, number(n.get("quantity"), p + "/quantity"),
                    text(n.get("uom"), p + "/uom"));
        });
    }

    private Location location(JsonNode v, String at) {
        if (!v.isObject() || !v.has("id")) {
            throw fault(at, "expected an object with an id");
        }
        return new Location(text(v.get("id"), at + "/id"), extensionsOf(v, at, Map.of("id", true)));
    }

    private BizTransaction bizTransaction(JsonNode n, String at) {
        String value = text(n.get("bizTransaction"), at + "/bizTransaction");
        if (value == null) {
            throw fault(at + "/bizTransaction", "missing bizTransaction");
        }
        return new BizTransaction(Cbv.BIZ_TRANSACTION_TYPE.canonical(text(n.get("type"), at + "/type")), value);
    }

    private SourceDest sourceDest(JsonNode n, String at, String idField) {
        String type = text(n.get("type"), at + "/type");
        String id = text(n.get(idField), at + "/" + idField);
        if (type == null || id == null) {
            throw fault(at, idField + " needs a type and a " + idField);
        }
        return new SourceDest(Cbv.SOURCE_DEST_TYPE.canonical(type), id);
    }

    private PersistentDisposition persistentDisposition(JsonNode v, String at) {
        Function<String, List<String>> read = key -> v.has(key)
                ? texts(v.get(key), at + "/" + key).stream().map(Cbv.DISPOSITION::canonical).toList()
                : List.of();
        return new PersistentDisposition(read.apply("set"), read.apply("unset"));
    }

    private ErrorDeclaration errorDeclaration(JsonNode v, String at) {
        Instant when = time(v.get("declarationTime"), at + "/declarationTime");
        if (when == null) {
            throw fault(at + "/declarationTime", "missing declarationTime");
        }
        List<String> corrective = v.has("correctiveEventIDs")
                ? texts(v.get("correctiveEventIDs"), at + "/correctiveEventIDs") : List.of();
        return new ErrorDeclaration(when, Cbv.ERROR_REASON.canonical(text(v.get("reason"), at + "/reason")),
                corrective, extensionsOf(v, at,
                        Map.of("declarationTime", true, "reason", true, "correctiveEventIDs", true)));
    }

    private SensorElement sensorElement(JsonNode n, String at) {
        SensorMetadata metadata = n.has("sensorMetadata")
                ? sensorMetadata(n.get("sensorMetadata"), at + "/sensorMetadata") : null;
        List<SensorReport> reports = n.has("sensorReport")
                ? list(n.get("sensorReport"), at + "/sensorReport", this::sensorReport) : List.of();
        return new SensorElement(metadata, reports,
                extensionsOf(n, at, Map.of("sensorMetadata", true, "sensorReport", true)));
    }

    private static final Map<String, Boolean> METADATA_FIELDS = Map.of("time", true, "startTime", true,
            "endTime", true, "deviceID", true, "deviceMetadata", true, "rawData", true,
            "dataProcessingMethod", true, "bizRules", true);

    private SensorMetadata sensorMetadata(JsonNode n, String at) {
        return new SensorMetadata(time(n.get("time"), at + "/time"), time(n.get("startTime"), at + "/startTime"),
                time(n.get("endTime"), at + "/endTime"), text(n.get("deviceID"), at + "/deviceID"),
                text(n.get("deviceMetadata"), at + "/deviceMetadata"), text(n.get("rawData"), at + "/rawData"),
                text(n.get("dataProcessingMethod"), at + "/dataProcessingMethod"),
                text(n.get("bizRules"), at + "/bizRules"), extensionsOf(n, at, METADATA_FIELDS));
    }

    static final List<String> REPORT_FIELDS = List.of("type", "exception", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value",
            "component", "stringValue", "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue",
            "meanValue", "sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem");

    private SensorReport sensorReport(JsonNode n, String at) {
        Function<String, String> s = k -> text(n.get(k), at + "/" + k);
        Function<String, BigDecimal> d = k -> number(n.get(k), at + "/" + k);
        JsonNode bool = n.get("booleanValue");
        if (bool != null && !bool.isBoolean()) {
            throw fault(at + "/booleanValue", "expected a boolean");
        }
        Map<String, Boolean> known = new java.util.HashMap<>();
        REPORT_FIELDS.forEach(f -> known.put(f, true));
        return new SensorReport(measurementType(s.apply("type")), s.apply("exception"), s.apply("deviceID"),
                s.apply("deviceMetadata"), s.apply("rawData"), s.apply("dataProcessingMethod"),
                time(n.get("time"), at + "/time"), s.apply("microorganism"), s.apply("chemicalSubstance"),
                d.apply("value"), s.apply("component"), s.apply("stringValue"),
                bool == null ? null : bool.booleanValue(), s.apply("hexBinaryValue"), s.apply("uriValue"),
                d.apply("minValue"), d.apply("maxValue"), d.apply("meanValue"), d.apply("sDev"),
                d.apply("percRank"), d.apply("percValue"), s.apply("uom"), s.apply("coordinateReferenceSystem"),
                extensionsOf(n, at, known));
    }

    /** GS1 measurement types are bare words of the GS1 Web vocabulary in JSON-LD, gs1:Word in XML. */
    static String measurementType(String type) {
        if (type == null) {
            return null;
        }
        if (type.startsWith("gs1:")) {
            return GS1_VOC + type.substring(4);
        }
        return type.contains(":") ? type : GS1_VOC + type;
    }

    private List<Extension> extensionsOf(JsonNode object, String at, Map<String, Boolean> standard) {
        if (!object.isObject()) {
            throw fault(at, "expected an object");
        }
        List<Extension> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!standard.containsKey(e.getKey()) && !e.getKey().startsWith("@")) {
                out.addAll(extension(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** One JSON member as extension nodes: an array gives one sibling per element, as XML repeats elements. */
    private List<Extension> extension(String key, JsonNode v) {
        String[] name = context.expand(key);
        if (org.reetrace.epcis.profile.RareEarthProfile.NAMESPACE.equals(name[0])
                && v.isNull()) {
            // a profile field is given or left out, never null: null would read as a field without content
            throw fault("/" + escape(key), "a rare-earth profile field is never null");
        }
        if (v.isArray()) {
            List<Extension> siblings = new ArrayList<>();
            for (JsonNode element : v) {
                siblings.add(single(name, element));
            }
            return siblings;
        }
        return List.of(single(name, v));
    }

    private Extension single(String[] name, JsonNode v) {
        if (v.isObject()) {
            List<Extension> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!e.getKey().startsWith("@") && !e.getKey().equals("#text")) {
                    children.addAll(extension(e.getKey(), e.getValue()));
                }
            }
            JsonNode text = v.has("#text") ? v.get("#text") : v.get("@value");
            if (text != null && !text.isValueNode()) {
                throw fault("/" + escape(name[1]), "#text and @value are text, not an object or a list");
            }
            return new Extension(name[0], name[1], text == null || text.isNull() ? null : text.asString(),
                    Extension.Kind.STRING, children);
        }
        Extension.Kind kind = v.isNumber() ? Extension.Kind.NUMBER
                : v.isBoolean() ? Extension.Kind.BOOLEAN : Extension.Kind.STRING;
        String value = v.isNull() ? null : v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
        return new Extension(name[0], name[1], value, kind, List.of());
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private MalformedEventException fault(String at, String message) {
        return new MalformedEventException(index, base + at, message);
    }
}
