package org.reetrace.app.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.ErrorDeclaration;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorMetadata;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;
import org.reetrace.epcis.profile.RareEarthProfile;

/**
 * The SimpleEventQuery parameters that test what only the event itself holds (business transactions, sources and
 * destinations, quantities, error declarations, sensor data, ILMD and extension fields, the parent, inputs and
 * outputs): each becomes a test of the stored event, read back from its JSON. The SQL narrows the rows first
 * ({@link Filter#bodyLikes}: text the stored JSON must contain), so only candidates are read.
 */
final class EventFilters {

    /** A parameter compiled: its test of an event and, to narrow the rows, texts one of which the JSON holds. */
    record Filter(Predicate<EpcisEvent> test, List<String> bodyLikes) {
    }

    private static final String GS1_VOC = "https://gs1.org/voc/";
    private static final Pattern NUMERIC = Pattern.compile(
            "(EQ|GT|GE|LT|LE)_(quantity|value|minValue|maxValue|meanValue|sDev|percValue|percRank)(?:_([A-Z0-9]{2,4}))?");
    private static final Pattern EXTENSION = Pattern.compile("(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?"
            + "(ILMD_|SENSORELEMENT_|SENSORMETADATA_|SENSORREPORT_|ERROR_DECLARATION_|readPoint_|bizLocation_)?(.+)");
    /** Namespace prefixes a field name may use in a query: those this repository writes. */
    private static final Map<String, String> PREFIXES = Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE,
            "gs1", GS1_VOC);

    private EventFilters() {
    }

    /** The parameters of fixed name handled here (the others are named with a type, a unit or a field). */
    private static final List<String> FIXED = List.of("EQ_persistentDisposition_set",
            "EQ_persistentDisposition_unset", "EQ_transformationID", "EQ_errorReason", "EQ_correctiveEventID",
            "GE_errorDeclarationTime", "GE_errorDeclaration_Time", "LT_errorDeclarationTime",
            "LT_errorDeclaration_Time", "MATCH_parentID", "MATCH_inputEPC", "MATCH_outputEPC", "MATCH_inputEPCClass",
            "MATCH_outputEPCClass", "EXISTS_sensorElementList", "GE_time", "LT_time", "GE_startTime", "LT_startTime",
            "GE_endTime", "LT_endTime", "EQ_type", "EQ_deviceID", "EQ_deviceMetadata", "EQ_rawData",
            "EQ_dataProcessingMethod", "EQ_bizRules", "EQ_microorganism", "EQ_chemicalSubstance", "EQ_stringValue",
            "EQ_hexBinaryValue", "EQ_uriValue", "EQ_component", "EQ_exception", "EQ_coordinateReferenceSystem",
            "EQ_uom", "EQ_booleanValue");

    /** Whether {@code name} is a parameter of this kind (its values may still be refused). */
    static boolean handles(String name) {
        return FIXED.contains(name) || name.startsWith("EQ_bizTransaction_") || name.startsWith("EQ_source_")
                || name.startsWith("EQ_destination_") || NUMERIC.matcher(name).matches() || extensionName(name);
    }

    /**
     * The filter of a parameter and its values, or empty if the name is not one of these parameters. A value that
     * cannot be taken is a QueryParameterException naming the parameter.
     */
    static Optional<Filter> compile(String name, List<String> values) {
        Filter filter = switch (name) {
            case "EQ_persistentDisposition_set" -> anyOf(values, Cbv.DISPOSITION::canonical,
                    e -> e.persistentDisposition() == null ? List.of() : e.persistentDisposition().set(),
                    "persistentDisposition");
            case "EQ_persistentDisposition_unset" -> anyOf(values, Cbv.DISPOSITION::canonical,
                    e -> e.persistentDisposition() == null ? List.of() : e.persistentDisposition().unset(),
                    "persistentDisposition");
            case "EQ_transformationID" -> literal(values, e -> listOf(e.transformationID()));
            case "EQ_errorReason" -> anyOf(values, Cbv.ERROR_REASON::canonical,
                    e -> e.errorDeclaration() == null ? List.of() : listOf(e.errorDeclaration().reason()),
                    "errorDeclaration");
            case "EQ_correctiveEventID" -> literal(values,
                    e -> e.errorDeclaration() == null ? List.of() : e.errorDeclaration().correctiveEventIds());
            case "GE_errorDeclarationTime", "GE_errorDeclaration_Time" -> time(name, values, true,
                    e -> Stream.ofNullable(e.errorDeclaration()).map(ErrorDeclaration::declarationTime),
                    "errorDeclaration");
            case "LT_errorDeclarationTime", "LT_errorDeclaration_Time" -> time(name, values, false,
                    e -> Stream.ofNullable(e.errorDeclaration()).map(ErrorDeclaration::declarationTime),
                    "errorDeclaration");
            case "MATCH_parentID" -> epcs(values, false, e -> listOf(e.parentID()));
            case "MATCH_inputEPC" -> epcs(values, false, EpcisEvent::inputEPCList);
            case "MATCH_outputEPC" -> epcs(values, false, EpcisEvent::outputEPCList);
            case "MATCH_inputEPCClass" -> epcs(values, true,
                    e -> e.inputQuantityList().stream().map(QuantityElement::epcClass).toList());
            case "MATCH_outputEPCClass" -> epcs(values, true,
                    e -> e.outputQuantityList().stream().map(QuantityElement::epcClass).toList());
            case "EXISTS_sensorElementList" -> exists(name, values,
                    e -> !e.sensorElementList().isEmpty(), "sensorElementList");
            case "GE_time", "LT_time" -> time(name, values, name.startsWith("GE"),
                    e -> Stream.concat(metadata(e).map(SensorMetadata::time), reports(e).map(SensorReport::time)),
                    "sensorElementList");
            case "GE_startTime", "LT_startTime" -> time(name, values, name.startsWith("GE"),
                    e -> metadata(e).map(SensorMetadata::startTime), "sensorElementList");
            case "GE_endTime", "LT_endTime" -> time(name, values, name.startsWith("GE"),
                    e -> metadata(e).map(SensorMetadata::endTime), "sensorElementList");
            case "EQ_type" -> anyOf(values, EventFilters::measurementType,
                    e -> reports(e).map(SensorReport::type).toList(), "sensorElementList");
            case "EQ_deviceID" -> literal(values, e -> Stream.concat(
                    metadata(e).map(SensorMetadata::deviceID), reports(e).map(SensorReport::deviceID)).toList());
            case "EQ_deviceMetadata" -> literal(values, e -> Stream.concat(
                    metadata(e).map(SensorMetadata::deviceMetadata), reports(e).map(SensorReport::deviceMetadata))
                    .toList());
            case "EQ_rawData" -> literal(values, e -> Stream.concat(
                    metadata(e).map(SensorMetadata::rawData), reports(e).map(SensorReport::rawData)).toList());
            case "EQ_dataProcessingMethod" -> literal(values, e -> Stream.concat(
                    metadata(e).map(SensorMetadata::dataProcessingMethod),
                    reports(e).map(SensorReport::dataProcessingMethod)).toList());
            case "EQ_bizRules" -> literal(values, e -> metadata(e).map(SensorMetadata::bizRules).toList());
            case "EQ_microorganism" -> literal(values, report(SensorReport::microorganism));
            case "EQ_chemicalSubstance" -> literal(values, report(SensorReport::chemicalSubstance));
            case "EQ_stringValue" -> literal(values, report(SensorReport::stringValue));
            case "EQ_hexBinaryValue" -> literal(values, report(SensorReport::hexBinaryValue));
            case "EQ_uriValue" -> literal(values, report(SensorReport::uriValue));
            case "EQ_component" -> literal(values, report(SensorReport::component));
            case "EQ_exception" -> literal(values, report(SensorReport::exception));
            case "EQ_coordinateReferenceSystem" -> literal(values,
                    report(SensorReport::coordinateReferenceSystem));
            case "EQ_uom" -> literal(values, report(SensorReport::uom));
            case "EQ_booleanValue" -> booleanValue(name, values);
            default -> null;
        };
        return filter != null ? Optional.of(filter) : dynamic(name, values);
    }

    private static boolean extensionName(String name) {
        Matcher m = EXTENSION.matcher(name);
        return m.matches() && (m.group(4).contains(":") || m.group(4).contains("#"));
    }

    /** The parameters named with a type, a unit or an extension field. */
    private static Optional<Filter> dynamic(String name, List<String> values) {
        for (String kind : List.of("bizTransaction", "source", "destination")) {
            String prefix = "EQ_" + kind + "_";
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return Optional.of(typed(kind, name.substring(prefix.length()), values));
            }
        }
        Matcher numeric = NUMERIC.matcher(name);
        if (numeric.matches()) {
            return Optional.of(numeric(name, numeric.group(1), numeric.group(2), numeric.group(3), values));
        }
        Matcher extension = EXTENSION.matcher(name);
        if (extensionName(name) && extension.matches()) {
            return Optional.of(extension(name, extension.group(1), extension.group(2) != null,
                    extension.group(3) == null ? "" : extension.group(3), extension.group(4), values));
        }
        return Optional.empty();
    }

    // ---- the kinds of test ----

    /** One of the event's values, read by {@code read}, is one of {@code values} (both as {@code canon} spells). */
    private static Filter anyOf(List<String> values, Function<String, String> canon,
                                Function<EpcisEvent, List<String>> read, String key) {
        List<String> wanted = values.stream().map(canon).toList();
        return new Filter(e -> read.apply(e).stream().filter(Objects::nonNull).map(canon).anyMatch(wanted::contains),
                keyLike(key));
    }

    /** As {@link #anyOf}, values compared as written: the stored JSON holds one of them as it is. */
    private static Filter literal(List<String> values, Function<EpcisEvent, List<String>> read) {
        return new Filter(e -> read.apply(e).stream().anyMatch(values::contains), textLikes(values));
    }

    private static Filter epcs(List<String> values, boolean classes, Function<EpcisEvent, List<String>> read) {
        List<EpcMatch> matches = values.stream().map(v -> EpcMatch.of(v, classes)).toList();
        return new Filter(e -> read.apply(e).stream().anyMatch(s -> matches.stream().anyMatch(m -> m.matches(s))),
                List.of());
    }

    private static Filter time(String name, List<String> values, boolean atOrAfter,
                               Function<EpcisEvent, Stream<Instant>> read, String key) {
        Instant bound = instant(name, values.getFirst());
        return new Filter(e -> read.apply(e).filter(Objects::nonNull)
                .anyMatch(t -> atOrAfter ? !t.isBefore(bound) : t.isBefore(bound)), keyLike(key));
    }

    private static Filter exists(String name, List<String> values, Predicate<EpcisEvent> present, String key) {
        return truth(name, values) ? new Filter(present, keyLike(key)) : new Filter(e -> true, List.of());
    }

    private static Filter booleanValue(String name, List<String> values) {
        boolean wanted = truth(name, values);
        return new Filter(e -> reports(e).anyMatch(r -> Boolean.valueOf(wanted).equals(r.booleanValue())),
                keyLike("booleanValue"));
    }

    /** EQ_bizTransaction_{type}, EQ_source_{type}, EQ_destination_{type}: an entry of that type with one of the ids. */
    private static Filter typed(String kind, String type, List<String> values) {
        List<EpcMatch> ids = values.stream().map(v -> EpcMatch.of(v, false)).toList();
        Cbv vocabulary = kind.equals("bizTransaction") ? Cbv.BIZ_TRANSACTION_TYPE : Cbv.SOURCE_DEST_TYPE;
        String wantedType = vocabulary.canonical(type);
        Predicate<String> id = v -> ids.stream().anyMatch(m -> m.matches(v));
        Predicate<EpcisEvent> test = switch (kind) {
            case "bizTransaction" -> e -> e.bizTransactionList().stream()
                    .anyMatch(b -> wantedType.equals(vocabulary.canonical(b.type())) && id.test(b.value()));
            case "source" -> e -> entries(e.sourceList(), vocabulary, wantedType).anyMatch(id);
            default -> e -> entries(e.destinationList(), vocabulary, wantedType).anyMatch(id);
        };
        // the id is written in one of its spellings, as the MATCH_ parameters find it
        List<String> likes = textLikes(ids.stream().flatMap(m -> m.spellings().stream()).distinct().toList());
        return new Filter(test, likes.isEmpty()
                ? keyLike(kind.equals("bizTransaction") ? "bizTransactionList" : kind + "List") : likes);
    }

    private static Stream<String> entries(List<SourceDest> list, Cbv vocabulary, String type) {
        return list.stream().filter(s -> type.equals(vocabulary.canonical(s.type()))).map(SourceDest::id);
    }

    /** Quantities and sensor figures compared with a number; with a unit suffix, only those in that unit. */
    private static Filter numeric(String name, String op, String field, String uom, List<String> values) {
        List<BigDecimal> bounds = values.stream().map(v -> number(name, v)).toList();
        if (!op.equals("EQ") && bounds.size() != 1) {
            throw EpcisProblems.queryParameter(name, "takes one number, not a list");
        }
        Predicate<BigDecimal> compare = n -> n != null && bounds.stream().anyMatch(b -> compare(op, n.compareTo(b)));
        if (field.equals("quantity")) {
            return new Filter(e -> Stream.of(e.quantityList(), e.childQuantityList(), e.inputQuantityList(),
                            e.outputQuantityList()).flatMap(List::stream)
                    .anyMatch(q -> (uom == null || uom.equals(q.uom())) && compare.test(q.quantity())),
                    keyLike("quantity"));
        }
        Function<SensorReport, BigDecimal> read = switch (field) {
            case "value" -> SensorReport::value;
            case "minValue" -> SensorReport::minValue;
            case "maxValue" -> SensorReport::maxValue;
            case "meanValue" -> SensorReport::meanValue;
            case "sDev" -> SensorReport::sDev;
            case "percValue" -> SensorReport::percValue;
            default -> SensorReport::percRank;
        };
        return new Filter(e -> reports(e).anyMatch(r -> (uom == null || uom.equals(r.uom()))
                && compare.test(read.apply(r))), keyLike(field));
    }

    private static boolean compare(String op, int sign) {
        return switch (op) {
            case "EQ" -> sign == 0;
            case "GT" -> sign > 0;
            case "GE" -> sign >= 0;
            case "LT" -> sign < 0;
            default -> sign <= 0;
        };
    }

    /**
     * An extension field (EPCIS 2.0 8.2.7.1: EQ_fieldname, GT_..., EXISTS_..., with INNER_ for fields nested at
     * any depth inside a top-level one, and ILMD_, SENSORELEMENT_, ... for where the field is).
     */
    private static Filter extension(String name, String op, boolean inner, String where, String field,
                                    List<String> values) {
        FieldName f = FieldName.of(name, field);
        Function<EpcisEvent, Stream<Extension>> tops = switch (where) {
            case "ILMD_" -> e -> e.ilmd().stream();
            case "SENSORELEMENT_" -> e -> e.sensorElementList().stream().flatMap(s -> s.extensions().stream());
            case "SENSORMETADATA_" -> e -> metadata(e).flatMap(m -> m.extensions().stream());
            case "SENSORREPORT_" -> e -> reports(e).flatMap(r -> r.extensions().stream());
            case "ERROR_DECLARATION_" -> e -> Stream.ofNullable(e.errorDeclaration())
                    .flatMap(d -> d.extensions().stream());
            case "readPoint_" -> e -> Stream.ofNullable(e.readPoint()).flatMap(l -> l.extensions().stream());
            case "bizLocation_" -> e -> Stream.ofNullable(e.bizLocation()).flatMap(l -> l.extensions().stream());
            default -> e -> e.extensions().stream();
        };
        Function<EpcisEvent, Stream<Extension>> fields = inner
                ? e -> tops.apply(e).flatMap(x -> x.children().stream()).flatMap(EventFilters::andBelow)
                : tops;
        Predicate<Extension> value = switch (op) {
            case "EXISTS" -> truth(name, values) ? x -> true : null;
            case "EQ" -> x -> x.value() != null && values.stream().anyMatch(v -> sameValue(x.value(), v));
            default -> {
                if (values.size() != 1) {
                    throw EpcisProblems.queryParameter(name, "takes one number or date-time, not a list");
                }
                Comparable<?> bound = comparable(values.getFirst());
                if (bound == null) {
                    throw EpcisProblems.queryParameter(name, "must be a number or a date-time with offset, not "
                            + values.getFirst());
                }
                yield x -> {
                    Integer sign = compareValues(x.value(), bound);
                    return sign != null && compare(op, sign);
                };
            }
        };
        if (value == null) {
            return new Filter(e -> true, List.of());
        }
        return new Filter(e -> fields.apply(e).anyMatch(x -> f.is(x) && value.test(x)), keyLike(f.local()));
    }

    private static Stream<Extension> andBelow(Extension x) {
        return Stream.concat(Stream.of(x), x.children().stream().flatMap(EventFilters::andBelow));
    }

    /** The top-level extension field {@code field} names, for orderBy; empty if the name is not a field name. */
    static Optional<FieldName> orderField(String field) {
        if (!field.contains(":") && !field.contains("#")) {
            return Optional.empty();
        }
        return Optional.of(FieldName.of("orderBy", field));
    }

    /** The value an event has for a top-level extension field (the first), as a number, time or text. */
    static Comparable<?> valueOf(EpcisEvent e, FieldName field) {
        return e.extensions().stream().filter(field::is).map(Extension::value).filter(Objects::nonNull).findFirst()
                .map(v -> {
                    Comparable<?> c = comparable(v);
                    return c != null ? c : (Comparable<?>) v;
                }).orElse(null);
    }

    /**
     * An extension field's name in a query: {@code namespace#localName} (as EPCIS 1.x writes it), a namespace URI
     * ending in '/' or '#' and the local name, or {@code prefix:localName} with a prefix this repository writes
     * (ree, gs1). A field compares by namespace and local name, the namespace with or without its final '#'.
     */
    record FieldName(String namespace, String local) {
        static FieldName of(String parameter, String field) {
            int hash = field.lastIndexOf('#');
            if (hash > 0 && hash < field.length() - 1) {
                return new FieldName(field.substring(0, hash), field.substring(hash + 1));
            }
            int slash = field.lastIndexOf('/');
            if (field.contains("://") && slash < field.length() - 1) {
                return new FieldName(field.substring(0, slash + 1), field.substring(slash + 1));
            }
            int colon = field.indexOf(':');
            String prefix = field.substring(0, Math.max(colon, 0));
            if (colon > 0 && colon < field.length() - 1 && PREFIXES.containsKey(prefix)) {
                return new FieldName(PREFIXES.get(prefix), field.substring(colon + 1));
            }
            throw EpcisProblems.queryParameter(parameter, "names the field " + field + " with an unknown namespace "
                    + "prefix; write its namespace URI, e.g. EQ_https://ns.example.com/epcis#myField (known prefixes: "
                    + PREFIXES.keySet().stream().sorted().toList() + ")");
        }

        boolean is(Extension x) {
            if (!x.localName().equals(local)) {
                return false;
            }
            String ns = x.namespace();
            return ns.equals(namespace) || ns.equals(namespace + "#") || (namespace.endsWith("#")
                    && ns.equals(namespace.substring(0, namespace.length() - 1)));
        }
    }

    // ---- values ----

    /** Two field values are equal as text, as numbers or as instants. */
    private static boolean sameValue(String stored, String wanted) {
        if (stored.equals(wanted)) {
            return true;
        }
        Comparable<?> w = comparable(wanted);
        Integer sign = w == null ? null : compareValues(stored, w);
        return sign != null && sign == 0;
    }

    /** A value as a number or an instant; null for anything else. */
    private static Comparable<?> comparable(String v) {
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException notNumber) {
            try {
                return OffsetDateTime.parse(v.strip()).toInstant();
            } catch (DateTimeParseException notTime) {
                return null;
            }
        }
    }

    /** The sign of stored minus bound, when the stored value is of the bound's kind; null otherwise. */
    private static Integer compareValues(String stored, Comparable<?> bound) {
        if (stored == null) {
            return null;
        }
        Comparable<?> s = comparable(stored);
        if (s instanceof BigDecimal n && bound instanceof BigDecimal b) {
            return n.compareTo(b);
        }
        if (s instanceof Instant t && bound instanceof Instant b) {
            return t.compareTo(b);
        }
        return null;
    }

    static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw EpcisProblems.queryParameter(name, "must be a date-time with offset such as "
                    + "2026-03-02T08:00:00+08:00, not " + value);
        }
    }

    private static BigDecimal number(String name, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw EpcisProblems.queryParameter(name, "must be a number such as 12.5, not " + value);
        }
    }

    /** EXISTS_ and EQ_booleanValue: true or false (EXISTS_ without a value is true). */
    static boolean truth(String name, List<String> values) {
        String v = values.isEmpty() ? "true" : values.getFirst();
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw EpcisProblems.queryParameter(name, "must be true or false, not " + v);
        };
    }

    /** Measurement types: bare words and gs1: names of the GS1 Web vocabulary, as the reader stores them. */
    private static String measurementType(String type) {
        if (type.startsWith("gs1:")) {
            return GS1_VOC + type.substring(4);
        }
        return type.contains(":") ? type : GS1_VOC + type;
    }

    // ---- reading the event ----

    private static Stream<SensorMetadata> metadata(EpcisEvent e) {
        return e.sensorElementList().stream().map(SensorElement::metadata).filter(Objects::nonNull);
    }

    private static Stream<SensorReport> reports(EpcisEvent e) {
        return e.sensorElementList().stream().flatMap(s -> s.reports().stream());
    }

    private static Function<EpcisEvent, List<String>> report(Function<SensorReport, String> read) {
        return e -> reports(e).map(read).filter(Objects::nonNull).toList();
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    // ---- narrowing the rows ----

    /** The stored JSON names this key (JSON keys are written plain, so the quoted name is in the text). */
    private static List<String> keyLike(String key) {
        return List.of("%" + EpcMatch.like(key) + "%");
    }

    /**
     * The stored JSON holds one of these values as written: only for values JSON writes unescaped, else no
     * narrowing (the test still decides).
     */
    private static List<String> textLikes(List<String> values) {
        List<String> likes = new ArrayList<>();
        for (String v : values) {
            if (v.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\')) {
                return List.of();
            }
            likes.add("%" + EpcMatch.like(v) + "%");
        }
        return likes;
    }
}
