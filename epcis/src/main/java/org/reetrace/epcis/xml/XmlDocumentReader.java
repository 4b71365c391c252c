package org.reetrace.epcis.xml;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.BizTransaction;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.ErrorDeclaration;
import org.reetrace.epcis.document.EventBuilder;
import org.reetrace.epcis.document.EventField;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.IndexedEvent;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.document.PersistentDisposition;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorMetadata;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;

import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

/**
 * Reads an EPCIS 2.0 XML document (EPCISDocument or EPCISQueryDocument) event by event with StAX, in the
 * memory of one event, through {@link SecureXml} (no DTDs, no entities).
 *
 * <p>Element order is not checked here (the XSD check in {@code validation} does that); the reader takes
 * the fields it knows by name, so it also reads documents that a lenient writer produced.
 * {@link #next()} throws {@link MalformedEventException} with index and "line:column" for an event that
 * cannot be a record; a broken XML stream ends the reading with {@link IllegalArgumentException}.
 */
public final class XmlDocumentReader implements Iterator<IndexedEvent>, AutoCloseable {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String GS1_VOC = "https://gs1.org/voc/";

    /** As in the JSON binding: enough for any measurement, far from what overflows a store. */
    private static final int MAX_DIGITS = 100;

    private final XMLStreamReader xml;
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private DocumentType type;
    private String schemaVersion;
    private Instant creationDate;
    private String queryName;
    private String subscriptionID;
    private boolean atEvent;
    private boolean ended;
    private int index;

    private XmlDocumentReader(InputStream in) {
        this.xml = SecureXml.reader(in);
    }

    public static XmlDocumentReader open(InputStream in) {
        return new XmlDocumentReader(in);
    }

    @Override
    public boolean hasNext() {
        if (atEvent) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (type == null) {
                        root(name);
                    } else if (EventField.orderOf(name) != null) {
                        atEvent = true;
                        return true;
                    } else if (name.equals("queryName")) {
                        queryName = xml.getElementText().strip();
                    } else if (name.equals("subscriptionID")) {
                        subscriptionID = xml.getElementText().strip();
                    } else if (name.equals("EPCISHeader")) {
                        skip();
                    }
                } else if (e == END_DOCUMENT) {
                    break;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("XML refused at " + where() + ": " + e.getMessage(), e);
        }
        ended = true;
        return false;
    }

    private void root(String name) {
        type = switch (name) {
            case "EPCISDocument" -> DocumentType.EPCISDocument;
            case "EPCISQueryDocument" -> DocumentType.EPCISQueryDocument;
            default -> throw new IllegalArgumentException("not an EPCIS document: <" + name + ">");
        };
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i);
            String uri = xml.getNamespaceURI(i);
            if (prefix != null && !uri.startsWith("urn:epcglobal:epcis") && !uri.equals(XSI)
                    && !uri.equals("http://www.w3.org/2001/XMLSchema")) {
                namespaces.put(prefix, uri);
            }
        }
        schemaVersion = xml.getAttributeValue(null, "schemaVersion");
        String created = xml.getAttributeValue(null, "creationDate");
        creationDate = created == null ? null : OffsetDateTime.parse(created.strip()).toInstant();
    }

    @Override
    public IndexedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        atEvent = false;
        int i = index++;
        try {
            return new IndexedEvent(i, event(i));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("XML refused at " + where() + ": " + e.getMessage(), e);
        }
    }

    /** The header; namespaces and dates are on the root element, so it is known after the first event. */
    public EpcisHeader header() {
        return new EpcisHeader(type == null ? DocumentType.EPCISDocument : type, schemaVersion, creationDate,
                List.of(EpcisHeader.EPCIS_CONTEXT), namespaces, null, null, null, queryName, subscriptionID);
    }

    /** Reads the event whose start tag is current, leaving the reader on its end tag. */
    private EpcisEvent event(int i) throws XMLStreamException {
        String eventType = xml.getLocalName();
        EventBuilder b = new EventBuilder();
        while (nextChild()) {
            field(b, i);
        }
        try {
            return b.build(eventType);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(i, where(), e.getMessage());
        }
    }

    /** Reads the event's child whose start tag is current into {@code b}. */
    private void field(EventBuilder b, int i) throws XMLStreamException {
        String name = xml.getLocalName();
        if (!noNamespace()) {
            b.extensions.add(extension());
            return;
        }
        {
            switch (name) {
                case "eventTime" -> b.eventTime = time(i);
                case "recordTime" -> b.recordTime = time(i);
                case "eventTimeZoneOffset" -> b.eventTimeZoneOffset = text();
                case "eventID" -> b.eventID = text();
                case "certificationInfo" -> b.certificationInfo = text();
                case "errorDeclaration" -> b.errorDeclaration = errorDeclaration(i);
                case "parentID" -> b.parentID = text();
                case "epcList" -> b.epcList = texts("epc");
                case "childEPCs" -> b.childEPCs = texts("epc");
                case "inputEPCList" -> b.inputEPCList = texts("epc");
                case "outputEPCList" -> b.outputEPCList = texts("epc");
                case "quantityList" -> b.quantityList = quantities(i);
                case "childQuantityList" -> b.childQuantityList = quantities(i);
                case "inputQuantityList" -> b.inputQuantityList = quantities(i);
                case "outputQuantityList" -> b.outputQuantityList = quantities(i);
                case "transformationID" -> b.transformationID = text();
                case "action" -> b.action = action(i);
                case "bizStep" -> b.bizStep = Cbv.BIZ_STEP.canonical(text());
                case "disposition" -> b.disposition = Cbv.DISPOSITION.canonical(text());
                case "readPoint" -> b.readPoint = location(i);
                case "bizLocation" -> b.bizLocation = location(i);
                case "bizTransactionList" -> b.bizTransactionList = bizTransactions();
                case "sourceList" -> b.sourceList = sourceDests();
                case "destinationList" -> b.destinationList = sourceDests();
                case "sensorElementList" -> b.sensorElementList = sensorElements(i);
                case "persistentDisposition" -> b.persistentDisposition = persistentDisposition();
                case "ilmd" -> b.ilmd = extensionChildren();
                // EPCIS 1.x wrapped the fields it added later (quantityList, sourceList, ilmd, eventID, ...) in
                // <extension> and <baseExtension>, nested: they are the same fields wherever they stand
                case "extension", "baseExtension" -> {
                    while (nextChild()) {
                        field(b, i);
                    }
                }
                default -> b.extensions.add(extension());
            }
        }
    }

    /** Moves to the next child start tag of the current element; false at the element's end tag. */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int e = xml.next();
            if (e == START_ELEMENT) {
                return true;
            }
            if (e == END_ELEMENT) {
                return false;
            }
        }
    }

    private void skip() throws XMLStreamException {
        while (nextChild()) {
            skip();
        }
    }

    private String text() throws XMLStreamException {
        return xml.getElementText().strip();
    }

    private List<String> texts(String childName) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        while (nextChild()) {
            if (xml.getLocalName().equals(childName)) {
                out.add(text());
            } else {
                skip();
            }
        }
        return out;
    }

    private Instant time(int i) throws XMLStreamException {
        String at = where();
        return parseTime(text(), i, at);
    }

    private static Instant parseTime(String s, int i, String at) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(i, at, "not a date-time with offset: " + s);
        }
    }

    private static BigDecimal decimal(String s, int i, String at) {
        if (s == null || s.isBlank()) { // xsi:nil quantity: the class without an amount
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new MalformedEventException(i, at, "not a decimal number: " + s);
        }
        if (n.precision() - n.scale() > MAX_DIGITS || n.scale() > MAX_DIGITS) {
            // 1e999999999 is a short text but no store or sum can take it (the JSON binding refuses it alike)
            throw new MalformedEventException(i, at, "a number out of range (at most " + MAX_DIGITS
                    + " digits before and after the decimal point): " + s.strip());
        }
        return n;
    }

    private Action action(int i) throws XMLStreamException {
        String at = where();
        String s = text();
        try {
            return Action.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(i, at, "action must be ADD, OBSERVE or DELETE, found " + s);
        }
    }

    private List<QuantityElement> quantities(int i) throws XMLStreamException {
        List<QuantityElement> out = new ArrayList<>();
        while (nextChild()) {
            String epcClass = null;
            BigDecimal quantity = null;
            String uom = null;
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "epcClass" -> epcClass = text();
                    case "quantity" -> {
                        String at = where();
                        quantity = decimal(text(), i, at);
                    }
                    case "uom" -> uom = text();
                    default -> skip();
                }
            }
            if (epcClass == null) {
                throw new MalformedEventException(i, where(), "quantityElement without epcClass");
            }
            out.add(new QuantityElement(epcClass, quantity, uom));
        }
        return out;
    }

    private Location location(int i) throws XMLStreamException {
        String id = null;
        List<Extension> extensions = new ArrayList<>();
        while (nextChild()) {
            if (xml.getLocalName().equals("id") && noNamespace()) {
                id = text();
            } else {
                extensions.add(extension());
            }
        }
        if (id == null) {
            throw new MalformedEventException(i, where(), "location without id");
        }
        return new Location(id, extensions);
    }

    private List<BizTransaction> bizTransactions() throws XMLStreamException {
        List<BizTransaction> out = new ArrayList<>();
        while (nextChild()) {
            String type = xml.getAttributeValue(null, "type");
            out.add(new BizTransaction(Cbv.BIZ_TRANSACTION_TYPE.canonical(type), text()));
        }
        return out;
    }

    private List<SourceDest> sourceDests() throws XMLStreamException {
        List<SourceDest> out = new ArrayList<>();
        while (nextChild()) {
            String type = xml.getAttributeValue(null, "type");
            out.add(new SourceDest(Cbv.SOURCE_DEST_TYPE.canonical(type), text()));
        }
        return out;
    }

    private PersistentDisposition persistentDisposition() throws XMLStreamException {
        List<String> set = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        while (nextChild()) {
            String name = xml.getLocalName();
            String value = Cbv.DISPOSITION.canonical(text());
            (name.equals("set") ? set : unset).add(value);
        }
        return new PersistentDisposition(set, unset);
    }

    private ErrorDeclaration errorDeclaration(int i) throws XMLStreamException {
        Instant when = null;
        String reason = null;
        List<String> corrective = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        while (nextChild()) {
            switch (noNamespace() ? xml.getLocalName() : "") {
                case "declarationTime" -> when = time(i);
                case "reason" -> reason = Cbv.ERROR_REASON.canonical(text());
                case "correctiveEventIDs" -> corrective = texts("correctiveEventID");
                default -> extensions.add(extension());
            }
        }
        if (when == null) {
            throw new MalformedEventException(i, where(), "errorDeclaration without declarationTime");
        }
        return new ErrorDeclaration(when, reason, corrective, extensions);
    }

    private List<SensorElement> sensorElements(int i) throws XMLStreamException {
        List<SensorElement> out = new ArrayList<>();
        while (nextChild()) {
            SensorMetadata metadata = null;
            List<SensorReport> reports = new ArrayList<>();
            List<Extension> extensions = new ArrayList<>();
            while (nextChild()) {
                switch (noNamespace() ? xml.getLocalName() : "") {
                    case "sensorMetadata" -> metadata = sensorMetadata(i);
                    case "sensorReport" -> reports.add(sensorReport(i));
                    default -> extensions.add(extension());
                }
            }
            out.add(new SensorElement(metadata, reports, extensions));
        }
        return out;
    }

    /** The attributes the XSD gives sensorMetadata and sensorReport. */
    private static final Set<String> METADATA_ATTRIBUTES = Set.of("time", "startTime", "endTime",
            "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules");
    private static final Set<String> REPORT_ATTRIBUTES = Set.of("type", "exception", "deviceID",
            "deviceMetadata", "rawData", "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value",
            "component", "stringValue", "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue",
            "meanValue", "sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem");

    private SensorMetadata sensorMetadata(int i) throws XMLStreamException {
        String at = where();
        SensorMetadata m = new SensorMetadata(parseTime(attr("time"), i, at), parseTime(attr("startTime"), i, at),
                parseTime(attr("endTime"), i, at), attr("deviceID"), attr("deviceMetadata"), attr("rawData"),
                attr("dataProcessingMethod"), attr("bizRules"), attributeExtensions(METADATA_ATTRIBUTES));
        skip();
        return m;
    }

    private SensorReport sensorReport(int i) throws XMLStreamException {
        String at = where();
        String bool = attr("booleanValue");
        String type = attr("type");
        if (type != null && type.startsWith("gs1:")) {
            type = GS1_VOC + type.substring(4);
        }
        SensorReport r = new SensorReport(type, attr("exception"), attr("deviceID"), attr("deviceMetadata"),
                attr("rawData"), attr("dataProcessingMethod"), parseTime(attr("time"), i, at),
                attr("microorganism"), attr("chemicalSubstance"), decimal(attr("value"), i, at), attr("component"),
                attr("stringValue"), bool == null ? null : Boolean.valueOf(bool.strip()), attr("hexBinaryValue"),
                attr("uriValue"), decimal(attr("minValue"), i, at), decimal(attr("maxValue"), i, at),
                decimal(attr("meanValue"), i, at), decimal(attr("sDev"), i, at), decimal(attr("percRank"), i, at),
                decimal(attr("percValue"), i, at), attr("uom"), attr("coordinateReferenceSystem"),
                attributeExtensions(REPORT_ATTRIBUTES));
        skip();
        return r;
    }

    private String attr(String name) {
        String v = xml.getAttributeValue(null, name);
        return v == null ? null : v.strip();
    }

    /**
     * The other attributes of sensor metadata and reports are user extensions of those elements: namespaced ones,
     * and those in no namespace that the XSD does not define (a sensor report's bizRules, which the JSON schema
     * defines and the XSD does not), so that they survive the way from JSON-LD to XML and back.
     */
    private List<Extension> attributeExtensions(Set<String> standard) {
        List<Extension> out = new ArrayList<>();
        for (int a = 0; a < xml.getAttributeCount(); a++) {
            String ns = xml.getAttributeNamespace(a);
            String local = xml.getAttributeLocalName(a);
            if (ns != null && !ns.isEmpty() && !ns.equals(XSI)) {
                out.add(Extension.text(ns, local, xml.getAttributeValue(a)));
            } else if ((ns == null || ns.isEmpty()) && !standard.contains(local)) {
                out.add(Extension.text("", local, xml.getAttributeValue(a)));
            }
        }
        return out;
    }

    private List<Extension> extensionChildren() throws XMLStreamException {
        List<Extension> out = new ArrayList<>();
        while (nextChild()) {
            out.add(extension());
        }
        return out;
    }

    /** The current element as an extension tree; xsi:type says whether its text is a number or boolean. */
    private Extension extension() throws XMLStreamException {
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String local = xml.getLocalName();
        Extension.Kind kind = kindOf(xml.getAttributeValue(XSI, "type"));
        StringBuilder text = new StringBuilder();
        // an attribute of a user element is one of its fields, as in JSON-LD, where there are no attributes
        List<Extension> children = attributeExtensions(Set.of());
        while (true) {
            int e = xml.next();
            if (e == START_ELEMENT) {
                children.add(extension());
            } else if (e == CHARACTERS || e == CDATA) {
                text.append(xml.getText());
            } else if (e == END_ELEMENT) {
                break;
            }
        }
        String value = text.toString().strip();
        return new Extension(ns, local, value.isEmpty() && !children.isEmpty() ? null : value, kind, children);
    }

    private static Extension.Kind kindOf(String xsiType) {
        if (xsiType == null) {
            return Extension.Kind.STRING;
        }
        String local = xsiType.substring(xsiType.indexOf(':') + 1);
        return switch (local) {
            case "boolean" -> Extension.Kind.BOOLEAN;
            case "integer", "int", "long", "short", "decimal", "double", "float", "nonNegativeInteger",
                 "positiveInteger" -> Extension.Kind.NUMBER;
            default -> Extension.Kind.STRING;
        };
    }

    private boolean noNamespace() {
        String ns = xml.getNamespaceURI();
        return ns == null || ns.isEmpty();
    }

    private String where() {
        var l = xml.getLocation();
        return l.getLineNumber() + ":" + l.getColumnNumber();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
