package org.reetrace.epcis.hash;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorMetadata;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;

/**
 * The EPCIS Event Hash ID of GS1 CBV 2.0 (section 8.9): a syntax-independent fingerprint of an event,
 * {@code ni:///sha-256;<hex>?ver=CBV2.0} (RFC 6920), so the same event written in XML or JSON-LD, in any
 * field order, hashes alike.
 *
 * <p>The pre-hash string concatenates {@code key=value} pairs without separators in the canonical
 * property order (eventType, eventTime, eventTimeZoneOffset, epcList, parentID, inputEPCList, childEPCs,
 * quantity lists, outputEPCList, outputQuantityList, action, transformationID, bizStep, disposition,
 * persistentDisposition, readPoint, bizLocation, bizTransactionList, sourceList, destinationList,
 * sensorElementList, ilmd, user extensions). Times are UTC with milliseconds; numbers lose trailing zeros;
 * CBV values are GS1 Web URIs; EPC URNs become canonical Digital Links; the items of every list, and
 * user extensions ({@code {namespace}local=value}), are sorted by code point. A typed item (business
 * transaction, source, destination) writes its type before its value, as the GS1 reference
 * implementations do. recordTime, eventID, errorDeclaration and certificationInfo are left out: they
 * do not change what happened.
 */
public final class EventHash {
    public static final String VERSION = "CBV2.0";
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Compiled once: the hash is taken of every captured event, and most extension values are tested. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");

    private EventHash() {
    }

    /** The hash id of the event with SHA-256. */
    public static String of(EpcisEvent event) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(preHashString(event).getBytes(StandardCharsets.UTF_8));
            return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=" + VERSION;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The canonical pre-hash string the hash is taken of. */
    public static String preHashString(EpcisEvent e) {
        StringBuilder s = new StringBuilder();
        s.append("eventType=").append(e.eventType());
        s.append(pair("eventTime", time(e.eventTime())));
        s.append(pair("eventTimeZoneOffset", e.eventTimeZoneOffset()));
        s.append(epcs("epcList", e.epcList()));
        s.append(pair("parentID", DigitalLink.canonical(e.parentID())));
        s.append(epcs("inputEPCList", e.inputEPCList()));
        s.append(epcs("childEPCs", e.childEPCs()));
        s.append(quantities("quantityList", e.quantityList()));
        s.append(quantities("childQuantityList", e.childQuantityList()));
        s.append(quantities("inputQuantityList", e.inputQuantityList()));
        s.append(epcs("outputEPCList", e.outputEPCList()));
        s.append(quantities("outputQuantityList", e.outputQuantityList()));
        s.append(pair("action", e.action() == null ? null : e.action().name()));
        s.append(pair("transformationID", DigitalLink.canonical(e.transformationID())));
        s.append(pair("bizStep", e.bizStep()));
        s.append(pair("disposition", e.disposition()));
        if (e.persistentDisposition() != null) {
            s.append("persistentDisposition")
                    .append(sorted(e.persistentDisposition().set(), v -> pair("set", v)))
                    .append(sorted(e.persistentDisposition().unset(), v -> pair("unset", v)));
        }
        s.append(location("readPoint", e.readPoint()));
        s.append(location("bizLocation", e.bizLocation()));
        if (!e.bizTransactionList().isEmpty()) {
            s.append("bizTransactionList").append(sorted(e.bizTransactionList(),
                    t -> pair("type", t.type()) + pair("bizTransaction", DigitalLink.canonical(t.value()))));
        }
        s.append(sourceDest("sourceList", "source", e.sourceList()));
        s.append(sourceDest("destinationList", "destination", e.destinationList()));
        if (!e.sensorElementList().isEmpty()) {
            s.append("sensorElementList").append(sorted(e.sensorElementList(), EventHash::sensorElement));
        }
        if (!e.ilmd().isEmpty()) {
            s.append("ilmd").append(extensions(e.ilmd()));
        }
        s.append(extensions(e.extensions()));
        return s.toString();
    }

    private static String pair(String key, String value) {
        return value == null || value.isBlank() ? "" : key + "=" + value.strip();
    }

    private static String time(Instant t) {
        // Millisecond precision: sub-millisecond digits round half up, as the reference implementation does.
        return t == null ? null : MILLIS.format(t.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS));
    }

    private static String number(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    private static <T> String sorted(List<T> items, Function<T, String> render) {
        if (items.size() == 1) {
            return render.apply(items.getFirst());
        }
        List<String> rendered = new ArrayList<>(items.size());
        for (T item : items) {
            rendered.add(render.apply(item));
        }
        rendered.sort(null);
        return String.join("", rendered);
    }

    private static String epcs(String name, List<String> epcs) {
        return epcs.isEmpty() ? "" : name + sorted(epcs, epc -> pair("epc", DigitalLink.canonical(epc)));
    }

    private static String quantities(String name, List<QuantityElement> list) {
        return list.isEmpty() ? "" : name + sorted(list, q -> "quantityElement"
                + pair("epcClass", DigitalLink.canonical(q.epcClass())) + pair("quantity", number(q.quantity()))
                + pair("uom", q.uom()));
    }

    private static String location(String name, Location l) {
        return l == null ? "" : name + pair("id", DigitalLink.canonical(l.id())) + extensions(l.extensions());
    }

    private static String sourceDest(String list, String item, List<SourceDest> items) {
        return items.isEmpty() ? "" : list + sorted(items,
                x -> pair("type", x.type()) + pair(item, DigitalLink.canonical(x.id())));
    }

    private static String sensorElement(SensorElement s) {
        StringBuilder b = new StringBuilder("sensorElement");
        SensorMetadata m = s.metadata();
        if (m != null) {
            b.append("sensorMetadata").append(pair("time", time(m.time())))
                    .append(pair("startTime", time(m.startTime()))).append(pair("endTime", time(m.endTime())))
                    .append(pair("deviceID", DigitalLink.canonical(m.deviceID())))
                    .append(pair("deviceMetadata", DigitalLink.canonical(m.deviceMetadata())))
                    .append(pair("rawData", DigitalLink.canonical(m.rawData())))
                    .append(pair("dataProcessingMethod", DigitalLink.canonical(m.dataProcessingMethod())))
                    .append(pair("bizRules", DigitalLink.canonical(m.bizRules())))
                    .append(extensions(m.extensions()));
        }
        b.append(sorted(s.reports(), EventHash::sensorReport));
        b.append(extensions(s.extensions()));
        return b.toString();
    }

    private static String sensorReport(SensorReport r) {
        return "sensorReport" + pair("type", r.type()) + pair("exception", r.exception())
                + pair("deviceID", DigitalLink.canonical(r.deviceID()))
                + pair("deviceMetadata", DigitalLink.canonical(r.deviceMetadata()))
                + pair("rawData", DigitalLink.canonical(r.rawData()))
                + pair("dataProcessingMethod", DigitalLink.canonical(r.dataProcessingMethod()))
                + pair("time", time(r.time())) + pair("microorganism", r.microorganism())
                + pair("chemicalSubstance", r.chemicalSubstance()) + pair("value", number(r.value()))
                + pair("component", r.component()) + pair("stringValue", r.stringValue())
                + pair("booleanValue", r.booleanValue() == null ? null : r.booleanValue().toString())
                + pair("hexBinaryValue", r.hexBinaryValue()) + pair("uriValue", DigitalLink.canonical(r.uriValue()))
                + pair("minValue", number(r.minValue())) + pair("maxValue", number(r.maxValue()))
                + pair("meanValue", number(r.meanValue())) + pair("sDev", number(r.sDev()))
                + pair("percRank", number(r.percRank())) + pair("percValue", number(r.percValue()))
                + pair("uom", r.uom()) + pair("coordinateReferenceSystem", r.coordinateReferenceSystem())
                + extensions(r.extensions());
    }

    private static String extensions(List<Extension> list) {
        List<String> parts = new ArrayList<>();
        for (Extension x : list) {
            String v = extensionValue(x.value());
            parts.add(x.expandedName() + (v == null || v.isEmpty() ? "" : "=" + v) + extensions(x.children()));
        }
        parts.sort(null);
        return String.join("", parts);
    }

    /** Extension text is untyped in XML, so a number is recognised by its form: 20.0 and 20 are one value. */
    private static String extensionValue(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (DECIMAL.matcher(v).matches()) {
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        }
        return DigitalLink.canonical(v);
    }
}
