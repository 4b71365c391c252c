package org.reetrace.epcis.json;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.epcis.document.BizTransaction;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.EventField;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.Namespaces;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorMetadata;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;

import tools.jackson.core.JsonGenerator;

/**
 * Writes an EPCIS 2.0 JSON-LD document event by event, so a document of any length is written in the
 * memory of one event. Usage: {@code open}, {@link #write(EpcisEvent)} for each event, {@link #close()}.
 *
 * <p>User extensions are written as compact IRIs with the header's prefixes. A namespace the header does
 * not declare gets a generated prefix declared in that event's own {@code @context}, since the document's
 * context is already written when the event arrives.
 */
public final class JsonDocumentWriter implements AutoCloseable {
    private static final String GS1_VOC = "https://gs1.org/voc/";

    private final JsonGenerator out;
    private final EpcisHeader header;
    private final Map<String, String> prefixOf = new LinkedHashMap<>();

    private JsonDocumentWriter(JsonGenerator out, EpcisHeader header) {
        this.out = out;
        this.header = header;
        header.namespaces().forEach((prefix, ns) -> prefixOf.putIfAbsent(ns, prefix));
    }

    public static JsonDocumentWriter open(OutputStream stream, EpcisHeader header) {
        JsonDocumentWriter w = new JsonDocumentWriter(
                JsonEventNodeStream.MAPPER.writer().withDefaultPrettyPrinter().createGenerator(stream), header);
        w.startDocument();
        return w;
    }

    /**
     * One event as a standalone JSON-LD object with its own {@code @context}, without white space: it is what the
     * repository stores of every captured event, read again by machines only.
     */
    public static String eventToJson(EpcisEvent event, Map<String, String> namespaces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EpcisHeader h = EpcisHeader.capture(null, namespaces);
        try (JsonGenerator g = JsonEventNodeStream.MAPPER.writer().createGenerator(bytes)) {
            new JsonDocumentWriter(g, h).writeEvent(event, true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void startDocument() {
        out.writeStartObject();
        writeContext(header.contexts().isEmpty() ? List.of(EpcisHeader.EPCIS_CONTEXT) : header.contexts(),
                header.namespaces());
        out.writeStringProperty("type", header.type().name());
        out.writeStringProperty("schemaVersion", header.schemaVersion() == null ? "2.0" : header.schemaVersion());
        out.writeStringProperty("creationDate", String.valueOf(
                header.creationDate() == null ? Instant.EPOCH : header.creationDate()));
        optional("instanceIdentifier", header.instanceIdentifier());
        optional("sender", header.sender());
        optional("receiver", header.receiver());
        out.writeName("epcisBody");
        out.writeStartObject();
        if (header.type() == DocumentType.EPCISQueryDocument) {
            out.writeName("queryResults");
            out.writeStartObject();
            out.writeStringProperty("queryName", header.queryName() == null ? "SimpleEventQuery" : header.queryName());
            optional("subscriptionID", header.subscriptionID());
            out.writeName("resultsBody");
            out.writeStartObject();
        }
        out.writeName("eventList");
        out.writeStartArray();
    }

    private void writeContext(List<String> urls, Map<String, String> namespaces) {
        out.writeName("@context");
        out.writeStartArray();
        urls.forEach(out::writeString);
        namespaces.forEach((prefix, ns) -> {
            out.writeStartObject();
            out.writeStringProperty(prefix, ns);
            out.writeEndObject();
        });
        out.writeEndArray();
    }

    public void write(EpcisEvent event) {
        writeEvent(event, false);
    }

    private void writeEvent(EpcisEvent e, boolean standalone) {
        Set<String> namespaces = Namespaces.of(e);
        Map<String, String> undeclared = undeclaredNamespaces(namespaces);
        out.writeStartObject();
        if (standalone || !undeclared.isEmpty()) {
            writeContext(standalone ? List.of(EpcisHeader.EPCIS_CONTEXT) : List.of(),
                    standalone ? allPrefixes(namespaces) : undeclared);
        }
        out.writeStringProperty("type", e.eventType());
        for (EventField f : e.fieldOrder()) {
            field(e, f);
        }
        extensions(e.extensions());
        out.writeEndObject();
    }

    private void field(EpcisEvent e, EventField f) {
        switch (f) {
            case eventTime -> out.writeStringProperty("eventTime", e.eventTime().toString());
            case recordTime -> optional("recordTime", e.recordTime());
            case eventTimeZoneOffset -> out.writeStringProperty("eventTimeZoneOffset", e.eventTimeZoneOffset());
            case eventID -> optional("eventID", e.eventID());
            case errorDeclaration -> {
                if (e.errorDeclaration() != null) {
                    var d = e.errorDeclaration();
                    out.writeName("errorDeclaration");
                    out.writeStartObject();
                    out.writeStringProperty("declarationTime", d.declarationTime().toString());
                    optional("reason", Cbv.ERROR_REASON.jsonSpelling(d.reason()));
                    strings("correctiveEventIDs", d.correctiveEventIds());
                    extensions(d.extensions());
                    out.writeEndObject();
                }
            }
            case certificationInfo -> optional("certificationInfo", e.certificationInfo());
            case parentID -> optional("parentID", e.parentID());
            case epcList -> strings("epcList", e.epcList());
            case childEPCs -> strings("childEPCs", e.childEPCs());
            case inputEPCList -> strings("inputEPCList", e.inputEPCList());
            case outputEPCList -> strings("outputEPCList", e.outputEPCList());
            case quantityList -> quantities("quantityList", e.quantityList());
            case childQuantityList -> quantities("childQuantityList", e.childQuantityList());
            case inputQuantityList -> quantities("inputQuantityList", e.inputQuantityList());
            case outputQuantityList -> quantities("outputQuantityList", e.outputQuantityList());
            case transformationID -> optional("transformationID", e.transformationID());
            case action -> optional("action", e.action() == null ? null : e.action().name());
            case bizStep -> optional("bizStep", Cbv.BIZ_STEP.jsonSpelling(e.bizStep()));
            case disposition -> optional("disposition", Cbv.DISPOSITION.jsonSpelling(e.disposition()));
            case readPoint -> location("readPoint", e.readPoint());
            case bizLocation -> location("bizLocation", e.bizLocation());
            case bizTransactionList -> {
                if (!e.bizTransactionList().isEmpty()) {
                    out.writeName("bizTransactionList");
                    out.writeStartArray();
                    for (BizTransaction t : e.bizTransactionList()) {
                        out.writeStartObject();
                        optional("type", Cbv.BIZ_TRANSACTION_TYPE.jsonSpelling(t.type()));
                        out.writeStringProperty("bizTransaction", t.value());
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                }
            }
            case sourceList -> sourceDest("sourceList", "source", e.sourceList());
            case destinationList -> sourceDest("destinationList", "destination", e.destinationList());
            case sensorElementList -> sensors(e.sensorElementList());
            case persistentDisposition -> {
                if (e.persistentDisposition() != null) {
                    out.writeName("persistentDisposition");
                    out.writeStartObject();
                    strings("set", e.persistentDisposition().set().stream().map(Cbv.DISPOSITION::jsonSpelling).toList());
                    strings("unset", e.persistentDisposition().unset().stream().map(Cbv.DISPOSITION::jsonSpelling).toList());
                    out.writeEndObject();
                }
            }
            case ilmd -> {
                if (!e.ilmd().isEmpty()) {
                    out.writeName("ilmd");
                    out.writeStartObject();
                    extensions(e.ilmd());
                    out.writeEndObject();
                }
            }
        }
    }

    private void optional(String name, Object value) {
        if (value != null) {
            out.writeStringProperty(name, value.toString());
        }
    }

    private void number(String name, BigDecimal value) {
        if (value != null) {
            out.writeName(name);
            out.writeNumber(value);
        }
    }

    private void strings(String name, List<String> values) {
        if (!values.isEmpty()) {
            out.writeName(name);
            out.writeStartArray();
            values.forEach(out::writeString);
            out.writeEndArray();
        }
    }

    private void quantities(String name, List<QuantityElement> list) {
        if (list.isEmpty()) {
            return;
        }
        out.writeName(name);
        out.writeStartArray();
        for (QuantityElement q : list) {
            out.writeStartObject();
            out.writeStringProperty("epcClass", q.epcClass());
            number("quantity", q.quantity());
            optional("uom", q.uom());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void location(String name, Location location) {
        if (location != null) {
            out.writeName(name);
            out.writeStartObject();
            out.writeStringProperty("id", location.id());
            extensions(location.extensions());
            out.writeEndObject();
        }
    }

    private void sourceDest(String listName, String idName, List<SourceDest> list) {
        if (list.isEmpty()) {
            return;
        }
        out.writeName(listName);
        out.writeStartArray();
        for (SourceDest s : list) {
            out.writeStartObject();
            out.writeStringProperty("type", Cbv.SOURCE_DEST_TYPE.jsonSpelling(s.type()));
            out.writeStringProperty(idName, s.id());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void sensors(List<SensorElement> elements) {
        if (elements.isEmpty()) {
            return;
        }
        out.writeName("sensorElementList");
        out.writeStartArray();
        for (SensorElement s : elements) {
            out.writeStartObject();
            if (s.metadata() != null) {
                SensorMetadata m = s.metadata();
                out.writeName("sensorMetadata");
                out.writeStartObject();
                optional("time", m.time());
                optional("startTime", m.startTime());
                optional("endTime", m.endTime());
                optional("deviceID", m.deviceID());
                optional("deviceMetadata", m.deviceMetadata());
                optional("rawData", m.rawData());
                optional("dataProcessingMethod", m.dataProcessingMethod());
                optional("bizRules", m.bizRules());
                extensions(m.extensions());
                out.writeEndObject();
            }
            out.writeName("sensorReport");
            out.writeStartArray();
            for (SensorReport r : s.reports()) {
                report(r);
            }
            out.writeEndArray();
            extensions(s.extensions());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void report(SensorReport r) {
        out.writeStartObject();
        String type = r.type();
        optional("type", type != null && type.startsWith(GS1_VOC) ? type.substring(GS1_VOC.length()) : type);
        optional("exception", r.exception());
        optional("deviceID", r.deviceID());
        optional("deviceMetadata", r.deviceMetadata());
        optional("rawData", r.rawData());
        optional("dataProcessingMethod", r.dataProcessingMethod());
        optional("time", r.time());
        optional("microorganism", r.microorganism());
        optional("chemicalSubstance", r.chemicalSubstance());
        number("value", r.value());
        optional("component", r.component());
        optional("stringValue", r.stringValue());
        if (r.booleanValue() != null) {
            out.writeBooleanProperty("booleanValue", r.booleanValue());
        }
        optional("hexBinaryValue", r.hexBinaryValue());
        optional("uriValue", r.uriValue());
        number("minValue", r.minValue());
        number("maxValue", r.maxValue());
        number("meanValue", r.meanValue());
        number("sDev", r.sDev());
        number("percRank", r.percRank());
        number("percValue", r.percValue());
        optional("uom", r.uom());
        optional("coordinateReferenceSystem", r.coordinateReferenceSystem());
        extensions(r.extensions());
        out.writeEndObject();
    }

    /** Siblings of one name become one JSON member (an array if there are several), in first-seen order. */
    private void extensions(List<Extension> list) {
        Map<String, List<Extension>> byName = new LinkedHashMap<>();
        for (Extension x : list) {
            byName.computeIfAbsent(compact(x), k -> new ArrayList<>()).add(x);
        }
        byName.forEach((name, same) -> {
            out.writeName(name);
            if (same.size() > 1) {
                out.writeStartArray();
                same.forEach(this::extensionValue);
                out.writeEndArray();
            } else {
                extensionValue(same.getFirst());
            }
        });
    }

    private void extensionValue(Extension x) {
        if (!x.children().isEmpty()) {
            out.writeStartObject();
            if (x.value() != null && !x.value().isBlank()) {
                out.writeStringProperty("#text", x.value());
            }
            extensions(x.children());
            out.writeEndObject();
        } else if (x.value() == null) {
            out.writeNull();
        } else {
            switch (x.kind()) {
                case NUMBER -> out.writeNumber(new BigDecimal(x.value()));
                case BOOLEAN -> out.writeBoolean(Boolean.parseBoolean(x.value()));
                case STRING -> out.writeString(x.value());
            }
        }
    }

    private String compact(Extension x) {
        if (x.namespace().isEmpty()) {
            return x.localName();
        }
        String prefix = prefixOf.get(x.namespace());
        if (prefix == null) {
            prefix = JsonLdContext.EPCIS_PREFIXES.entrySet().stream()
                    .filter(p -> p.getValue().equals(x.namespace())).map(Map.Entry::getKey).findFirst()
                    .orElse(null);
        }
        return prefix == null ? x.namespace() + x.localName() : prefix + ":" + x.localName();
    }

    /**
     * The namespaces of {@code e} that the document's {@code @context} does not declare, with their generated
     * prefixes. An event's own {@code @context} reaches no further than that event, so every event that uses such
     * a namespace declares it again (under the same prefix, given the first time it is met).
     */
    private Map<String, String> undeclaredNamespaces(Set<String> namespaces) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String ns : namespaces) {
            if (header.namespaces().containsValue(ns) || JsonLdContext.EPCIS_PREFIXES.containsValue(ns)) {
                continue;
            }
            String prefix = prefixOf.computeIfAbsent(ns, n -> freePrefix());
            found.put(prefix, ns);
        }
        return found;
    }

    /** A prefix neither the header nor the EPCIS context uses, nor one generated before. */
    private String freePrefix() {
        for (int i = prefixOf.size() + 1; ; i++) {
            String prefix = "ns" + i;
            if (!prefixOf.containsValue(prefix) && !header.namespaces().containsKey(prefix)
                    && !JsonLdContext.EPCIS_PREFIXES.containsKey(prefix)) {
                return prefix;
            }
        }
    }

    private Map<String, String> allPrefixes(Set<String> namespaces) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String ns : namespaces) {
            String prefix = prefixOf.get(ns);
            if (prefix != null) {
                all.put(prefix, ns);
            }
        }
        return all;
    }

    @Override
    public void close() {
        out.writeEndArray();
        out.writeEndObject();
        if (header.type() == DocumentType.EPCISQueryDocument) {
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndObject();
        out.close();
    }
}
