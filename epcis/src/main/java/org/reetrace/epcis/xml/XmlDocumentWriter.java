package org.reetrace.epcis.xml;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.reetrace.epcis.document.BizTransaction;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.EventField;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorMetadata;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;

/**
 * Writes an EPCIS 2.0 XML document event by event, children in the order the XSD demands. CBV values are
 * written as CBV URNs and GS1 measurement types as {@code gs1:Word}, as GS1's XML examples write them.
 * Usage: {@code open}, {@link #write(EpcisEvent)} for each event, {@link #close()}.
 */
public final class XmlDocumentWriter implements AutoCloseable {
    static final String EPCIS_NS = "urn:epcglobal:epcis:xsd:2";
    static final String QUERY_NS = "urn:epcglobal:epcis-query:xsd:2";
    private static final String GS1_VOC = "https://gs1.org/voc/";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter out;
    private final EpcisHeader header;
    private final Map<String, String> prefixOf = new HashMap<>();

    private XmlDocumentWriter(XMLStreamWriter out, EpcisHeader header) {
        this.out = out;
        this.header = header;
        header.namespaces().forEach((prefix, ns) -> prefixOf.putIfAbsent(ns, prefix));
    }

    public static XmlDocumentWriter open(OutputStream stream, EpcisHeader header) {
        try {
            XmlDocumentWriter w = new XmlDocumentWriter(FACTORY.createXMLStreamWriter(stream, "UTF-8"), header);
            w.startDocument();
            return w;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-event capture document, for tests and single-event answers. */
    public static String toXml(EpcisHeader header, List<EpcisEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlDocumentWriter w = open(bytes, header)) {
            events.forEach(w::write);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void startDocument() throws XMLStreamException {
        boolean query = header.type() == DocumentType.EPCISQueryDocument;
        out.writeStartDocument("UTF-8", "1.0");
        if (query) {
            out.writeStartElement("epcisq", "EPCISQueryDocument", QUERY_NS);
            out.writeNamespace("epcisq", QUERY_NS);
        } else {
            out.writeStartElement("epcis", "EPCISDocument", EPCIS_NS);
            out.writeNamespace("epcis", EPCIS_NS);
        }
        out.writeNamespace("xsi", XmlDocumentReader.XSI);
        out.writeNamespace("xsd", "http://www.w3.org/2001/XMLSchema");
        for (var ns : header.namespaces().entrySet()) {
            out.writeNamespace(ns.getKey(), ns.getValue());
        }
        out.writeAttribute("schemaVersion", header.schemaVersion() == null ? "2.0" : header.schemaVersion());
        out.writeAttribute("creationDate",
                String.valueOf(header.creationDate() == null ? Instant.EPOCH : header.creationDate()));
        out.writeStartElement("EPCISBody");
        if (query) {
            out.writeStartElement("epcisq", "QueryResults", QUERY_NS);
            element("queryName", header.queryName() == null ? "SimpleEventQuery" : header.queryName());
            element("subscriptionID", header.subscriptionID());
            out.writeStartElement("resultsBody");
        }
        out.writeStartElement("EventList");
    }

    public void write(EpcisEvent e) {
        try {
            out.writeStartElement(e.eventType());
            for (EventField f : e.fieldOrder()) {
                field(e, f);
            }
            extensions(e.extensions());
            out.writeEndElement();
        } catch (XMLStreamException x) {
            throw new IllegalStateException(x);
        }
    }

    private void field(EpcisEvent e, EventField f) throws XMLStreamException {
        switch (f) {
            case eventTime -> element("eventTime", e.eventTime());
            case recordTime -> element("recordTime", e.recordTime());
            case eventTimeZoneOffset -> element("eventTimeZoneOffset", e.eventTimeZoneOffset());
            case eventID -> element("eventID", e.eventID());
            case errorDeclaration -> {
                var d = e.errorDeclaration();
                if (d != null) {
                    out.writeStartElement("errorDeclaration");
                    element("declarationTime", d.declarationTime());
                    element("reason", Cbv.ERROR_REASON.xmlSpelling(d.reason()));
                    list("correctiveEventIDs", "correctiveEventID", d.correctiveEventIds());
                    extensions(d.extensions());
                    out.writeEndElement();
                }
            }
            case certificationInfo -> element("certificationInfo", e.certificationInfo());
            case parentID -> element("parentID", e.parentID());
            case epcList -> list("epcList", "epc", e.epcList());
            case childEPCs -> list("childEPCs", "epc", e.childEPCs());
            case inputEPCList -> list("inputEPCList", "epc", e.inputEPCList());
            case outputEPCList -> list("outputEPCList", "epc", e.outputEPCList());
            case quantityList -> quantities("quantityList", e.quantityList());
            case childQuantityList -> quantities("childQuantityList", e.childQuantityList());
            case inputQuantityList -> quantities("inputQuantityList", e.inputQuantityList());
            case outputQuantityList -> quantities("outputQuantityList", e.outputQuantityList());
            case transformationID -> element("transformationID", e.transformationID());
            case action -> element("action", e.action());
            case bizStep -> element("bizStep", Cbv.BIZ_STEP.xmlSpelling(e.bizStep()));
            case disposition -> element("disposition", Cbv.DISPOSITION.xmlSpelling(e.disposition()));
            case readPoint -> location("readPoint", e.readPoint());
            case bizLocation -> location("bizLocation", e.bizLocation());
            case bizTransactionList -> {
                if (!e.bizTransactionList().isEmpty()) {
                    out.writeStartElement("bizTransactionList");
                    for (BizTransaction t : e.bizTransactionList()) {
                        out.writeStartElement("bizTransaction");
                        attribute("type", Cbv.BIZ_TRANSACTION_TYPE.xmlSpelling(t.type()));
                        out.writeCharacters(t.value());
                        out.writeEndElement();
                    }
                    out.writeEndElement();
                }
            }
            case sourceList -> sourceDest("sourceList", "source", e.sourceList());
            case destinationList -> sourceDest("destinationList", "destination", e.destinationList());
            case sensorElementList -> sensors(e.sensorElementList());
            case persistentDisposition -> {
                var p = e.persistentDisposition();
                if (p != null) {
                    out.writeStartElement("persistentDisposition");
                    for (String u : p.unset()) {
                        element("unset", Cbv.DISPOSITION.xmlSpelling(u));
                    }
                    for (String s : p.set()) {
                        element("set", Cbv.DISPOSITION.xmlSpelling(s));
                    }
                    out.writeEndElement();
                }
            }
            case ilmd -> {
                if (!e.ilmd().isEmpty()) {
                    out.writeStartElement("ilmd");
                    extensions(e.ilmd());
                    out.writeEndElement();
                }
            }
        }
    }

    private void element(String name, Object value) throws XMLStreamException {
        if (value != null) {
            out.writeStartElement(name);
            out.writeCharacters(value.toString());
            out.writeEndElement();
        }
    }

    private void attribute(String name, Object value) throws XMLStreamException {
        if (value != null) {
            out.writeAttribute(name, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
    }

    private void list(String name, String item, List<String> values) throws XMLStreamException {
        if (!values.isEmpty()) {
            out.writeStartElement(name);
            for (String v : values) {
                element(item, v);
            }
            out.writeEndElement();
        }
    }

    private void quantities(String name, List<QuantityElement> list) throws XMLStreamException {
        if (list.isEmpty()) {
            return;
        }
        out.writeStartElement(name);
        for (QuantityElement q : list) {
            out.writeStartElement("quantityElement");
            element("epcClass", q.epcClass());
            element("quantity", q.quantity() == null ? null : q.quantity().toPlainString());
            element("uom", q.uom());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void location(String name, Location l) throws XMLStreamException {
        if (l != null) {
            out.writeStartElement(name);
            element("id", l.id());
            extensions(l.extensions());
            out.writeEndElement();
        }
    }

    private void sourceDest(String listName, String item, List<SourceDest> list) throws XMLStreamException {
        if (list.isEmpty()) {
            return;
        }
        out.writeStartElement(listName);
        for (SourceDest s : list) {
            out.writeStartElement(item);
            attribute("type", Cbv.SOURCE_DEST_TYPE.xmlSpelling(s.type()));
            out.writeCharacters(s.id());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void sensors(List<SensorElement> elements) throws XMLStreamException {
        if (elements.isEmpty()) {
            return;
        }
        out.writeStartElement("sensorElementList");
        for (SensorElement s : elements) {
            out.writeStartElement("sensorElement");
            if (s.metadata() != null) {
                SensorMetadata m = s.metadata();
                out.writeEmptyElement("sensorMetadata");
                attribute("time", m.time());
                attribute("startTime", m.startTime());
                attribute("endTime", m.endTime());
                attribute("deviceID", m.deviceID());
                attribute("deviceMetadata", m.deviceMetadata());
                attribute("rawData", m.rawData());
                attribute("dataProcessingMethod", m.dataProcessingMethod());
                attribute("bizRules", m.bizRules());
                attributeExtensions(m.extensions());
            }
            for (SensorReport r : s.reports()) {
                out.writeEmptyElement("sensorReport");
                String type = r.type();
                attribute("type", type != null && type.startsWith(GS1_VOC)
                        ? "gs1:" + type.substring(GS1_VOC.length()) : type);
                attribute("exception", r.exception());
                attribute("deviceID", r.deviceID());
                attribute("deviceMetadata", r.deviceMetadata());
                attribute("rawData", r.rawData());
                attribute("dataProcessingMethod", r.dataProcessingMethod());
                attribute("time", r.time());
                attribute("microorganism", r.microorganism());
                attribute("chemicalSubstance", r.chemicalSubstance());
                attribute("value", r.value());
                attribute("component", r.component());
                attribute("stringValue", r.stringValue());
                attribute("booleanValue", r.booleanValue());
                attribute("hexBinaryValue", r.hexBinaryValue());
                attribute("uriValue", r.uriValue());
                attribute("minValue", r.minValue());
                attribute("maxValue", r.maxValue());
                attribute("meanValue", r.meanValue());
                attribute("sDev", r.sDev());
                attribute("percRank", r.percRank());
                attribute("percValue", r.percValue());
                attribute("uom", r.uom());
                attribute("coordinateReferenceSystem", r.coordinateReferenceSystem());
                attributeExtensions(r.extensions());
            }
            extensions(s.extensions());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void attributeExtensions(List<Extension> list) throws XMLStreamException {
        for (Extension x : list) {
            String prefix = prefixFor(x.namespace());
            if (prefix == null) {
                // a field the JSON schema has and the XSD has not (a sensor report's bizRules): the XSD's
                // anyAttribute takes any namespace, none included, and the readers never take such a name for
                // a standard attribute (they read those as fields)
                out.writeAttribute(x.localName(), x.value() == null ? "" : x.value());
                continue;
            }
            if (!header.namespaces().containsValue(x.namespace())) {
                out.writeNamespace(prefix, x.namespace());
            }
            out.writeAttribute(prefix, x.namespace(), x.localName(), x.value() == null ? "" : x.value());
        }
    }

    private void extensions(List<Extension> list) throws XMLStreamException {
        for (Extension x : list) {
            String prefix = prefixFor(x.namespace());
            if (prefix == null) {
                out.writeStartElement(x.localName());
            } else {
                out.writeStartElement(prefix, x.localName(), x.namespace());
                if (!header.namespaces().containsValue(x.namespace())) {
                    out.writeNamespace(prefix, x.namespace());
                }
            }
            switch (x.kind()) {
                case NUMBER -> out.writeAttribute("xsi", XmlDocumentReader.XSI, "type", "xsd:decimal");
                case BOOLEAN -> out.writeAttribute("xsi", XmlDocumentReader.XSI, "type", "xsd:boolean");
                case STRING -> { }
            }
            if (x.value() != null) {
                out.writeCharacters(x.value());
            }
            extensions(x.children());
            out.writeEndElement();
        }
    }

    private String prefixFor(String namespace) {
        if (namespace.isEmpty()) {
            return null;
        }
        return prefixOf.computeIfAbsent(namespace, ns -> "ns" + (prefixOf.size() + 1));
    }

    @Override
    public void close() {
        try {
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
