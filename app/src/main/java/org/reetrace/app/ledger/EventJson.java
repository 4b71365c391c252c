package org.reetrace.app.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.EventType;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The native JSON form of ledger events, both ways. Masses are kilograms with at most six decimals (whole mg);
 * a composition is given either as {@code compositionMg} (element to mg) or as {@code oxidePercent} (element to
 * the mass percentage of its reporting oxide in the lot, as assays report it). Unknown fields are refused, so a
 * misspelt field is an error, not a silently missing value. Written events always carry {@code compositionMg}.
 */
public final class EventJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Finds the mass of an existing lot, for assays given in oxide percent. */
    public interface LotMasses extends Function<LotId, Optional<Mass>> {
    }

    private EventJson() {
    }

    public static LedgerEvent read(JsonNode node, LotMasses lotMasses) {
        try {
            return readFields(node, lotMasses);
        } catch (EventFormatException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException e) {
            // an event's own constructor refused the values together (a field-level fault names its field above)
            throw new EventFormatException("", String.valueOf(e.getMessage()));
        }
    }

    private static LedgerEvent readFields(JsonNode node, LotMasses lotMasses) {
        Fields f = new Fields(node, "");
        EventType type = f.enumValue("type", EventType.class);
        EventId id = f.get("id", s -> EventId.of(f.text("id")));
        Instant time = f.time("time");
        FacilityId facility = f.get("facility", s -> FacilityId.of(f.text("facility")));
        LedgerEvent event = switch (type) {
            case EXTRACT -> {
                Mass mass = f.kg("massKg");
                yield new Extract(id, time, facility, f.lot("lot"), f.enumValue("form", MaterialForm.class), mass,
                        f.composition(mass), f.optionalLocation("location"));
            }
            case ASSAY -> {
                LotId lot = f.lot("lot");
                Composition measured = f.has("oxidePercent")
                        ? f.composition(lotMasses.apply(lot).orElseThrow(() -> new EventFormatException("lot",
                                "no lot " + lot + " to take the mass from for oxidePercent")))
                        : f.composition(null);
                yield new Assay(id, time, facility, lot, measured, f.optionalDecimal("activityBqPerG"));
            }
            case SHIP -> new Ship(id, time, facility, f.lot("lot"), f.get("destination", s -> FacilityId.of(f.text("destination"))));
            case RECEIVE -> new Receive(id, time, facility, f.lot("lot"), f.kg("receivedMassKg"));
            case TRANSFORM -> new Transform(id, time, facility, f.enumValue("process", ProcessKind.class),
                    f.list("inputs", in -> new Transform.Input(in.lot("lot"), in.kg("massKg"))),
                    f.list("outputs", out -> {
                        Mass mass = out.kg("massKg");
                        return new Transform.Output(out.lot("lot"), out.enumValue("form", MaterialForm.class), mass,
                                out.composition(mass));
                    }),
                    f.has("declaredLossMg") ? f.masses("declaredLossMg") : Composition.ZERO);
            case EXPORT -> new Export(id, time, facility, f.lot("lot"), f.object("declaration", Fields::declaration));
            case IMPORT -> {
                Mass mass = f.kg("massKg");
                yield new Import(id, time, facility, f.lot("lot"), f.enumValue("form", MaterialForm.class), mass,
                        f.composition(mass), f.country("originCountry"), f.text("supplier"),
                        f.has("upstreamStages") ? f.list("upstreamStages", s -> new Stage(
                                s.enumValue("kind", StageKind.class), s.country("country"),
                                s.country("technologyCountry"))) : List.of(),
                        f.object("declaration", Fields::declaration));
            }
            case DISPOSE -> new Dispose(id, time, facility, f.lot("lot"));
            case ADJUST -> {
                Mass mass = f.kg("massKg");
                yield new Adjust(id, time, facility, f.lot("lot"), mass, f.composition(mass), f.text("reason"));
            }
            case REVERSE -> new Reverse(id, time, facility, f.get("original", s -> EventId.of(f.text("original"))),
                    f.text("reason"));
        };
        f.refuseUnknown();
        return event;
    }

    public static ObjectNode write(LedgerEvent event) {
        ObjectNode o = NODES.objectNode();
        o.put("id", event.id().value());
        o.put("type", event.type().name());
        o.put("time", event.time().toString());
        o.put("facility", event.facility().value());
        switch (event) {
            case Extract e -> {
                o.put("lot", e.lot().value());
                o.put("form", e.form().name());
                o.put("massKg", e.mass().kilograms());
                o.set("compositionMg", masses(e.composition()));
                if (e.location() != null) {
                    o.putObject("location").put("latitude", e.location().latitude())
                            .put("longitude", e.location().longitude());
                }
            }
            case Assay e -> {
                o.put("lot", e.lot().value());
                o.set("compositionMg", masses(e.measured()));
                if (e.activity() != null) {
                    o.put("activityBqPerG", e.activity());
                }
            }
            case Ship e -> {
                o.put("lot", e.lot().value());
                o.put("destination", e.destination().value());
            }
            case Receive e -> {
                o.put("lot", e.lot().value());
                o.put("receivedMassKg", e.receivedMass().kilograms());
            }
            case Transform e -> {
                o.put("process", e.process().name());
                ArrayNode inputs = o.putArray("inputs");
                e.inputs().forEach(in -> inputs.addObject().put("lot", in.lot().value()).put("massKg", in.mass().kilograms()));
                ArrayNode outputs = o.putArray("outputs");
                e.outputs().forEach(out -> outputs.addObject().put("lot", out.lot().value())
                        .put("form", out.form().name()).put("massKg", out.mass().kilograms())
                        .set("compositionMg", masses(out.composition())));
                if (!e.declaredLoss().isZero()) {
                    o.set("declaredLossMg", masses(e.declaredLoss()));
                }
            }
            case Export e -> {
                o.put("lot", e.lot().value());
                o.set("declaration", declaration(e.declaration()));
            }
            case Import e -> {
                o.put("lot", e.lot().value());
                o.put("form", e.form().name());
                o.put("massKg", e.mass().kilograms());
                o.set("compositionMg", masses(e.composition()));
                o.put("originCountry", e.originCountry().alpha2());
                o.put("supplier", e.supplier());
                ArrayNode stages = o.putArray("upstreamStages");
                e.upstreamStages().forEach(s -> stages.addObject().put("kind", s.kind().name())
                        .put("country", s.country().alpha2()).put("technologyCountry", s.technologyCountry().alpha2()));
                o.set("declaration", declaration(e.declaration()));
            }
            case Dispose e -> o.put("lot", e.lot().value());
            case Adjust e -> {
                o.put("lot", e.lot().value());
                o.put("massKg", e.mass().kilograms());
                o.set("compositionMg", masses(e.composition()));
                o.put("reason", e.reason());
            }
            case Reverse e -> {
                o.put("original", e.original().value());
                o.put("reason", e.reason());
            }
        }
        return o;
    }

    /** Element symbol to mg, non-zero elements only, in element order. */
    public static ObjectNode masses(Composition c) {
        ObjectNode o = NODES.objectNode();
        c.toMap().forEach((e, mg) -> o.put(e.symbol(), mg));
        return o;
    }

    private static ObjectNode declaration(CustomsDeclaration d) {
        ObjectNode o = NODES.objectNode();
        o.put("number", d.number());
        o.put("hsCode", d.hsCode());
        if (d.permit() != null) {
            o.put("permit", d.permit());
        }
        o.put("counterparty", d.counterparty());
        o.put("country", d.country().alpha2());
        return o;
    }

    /** Reads the fields of one JSON object, remembering which were read so that the rest can be refused. */
    private static final class Fields {
        private final JsonNode node;
        private final String path;
        private final Set<String> read = new HashSet<>();

        Fields(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new EventFormatException(path, "must be a JSON object");
            }
            this.node = node;
            this.path = path;
        }

        private String at(String name) {
            return name.isEmpty() ? path : path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return node.has(name) && !node.get(name).isNull();
        }

        private JsonNode required(String name) {
            read.add(name);
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new EventFormatException(at(name), "is required");
            }
            return v;
        }

        <T> T get(String name, Function<String, T> parse) {
            try {
                return parse.apply(name);
            } catch (IllegalArgumentException e) {
                throw e instanceof EventFormatException ef ? ef : new EventFormatException(at(name), e.getMessage());
            }
        }

        String text(String name) {
            JsonNode v = required(name);
            if (!v.isString() || v.asString().isBlank()) {
                throw new EventFormatException(at(name), "must be a non-empty string");
            }
            return v.asString();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String s = text(name);
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw new EventFormatException(at(name), "unknown value " + s + "; one of " + List.of(type.getEnumConstants()));
            }
        }

        Instant time(String name) {
            String s = text(name);
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new EventFormatException(at(name), "must be an ISO-8601 instant such as 2026-01-05T08:00:00Z: " + s);
            }
        }

        LotId lot(String name) {
            return get(name, n -> LotId.of(text(n)));
        }

        CountryCode country(String name) {
            return get(name, n -> CountryCode.of(text(n)));
        }

        Mass kg(String name) {
            BigDecimal kg = decimal(name);
            if (kg.signum() < 0) {
                throw new EventFormatException(at(name), "must not be negative: " + kg.toPlainString() + " kg");
            }
            if (kg.stripTrailingZeros().scale() > 6) {
                throw new EventFormatException(at(name), "is finer than a milligram: " + kg.toPlainString() + " kg");
            }
            try {
                return Mass.ofKilograms(kg);
            } catch (ArithmeticException e) {
                throw new EventFormatException(at(name), "is too large: " + kg.toPlainString() + " kg");
            }
        }

        private BigDecimal decimal(String name) {
            JsonNode v = required(name);
            if (!v.isNumber()) {
                throw new EventFormatException(at(name), "must be a number, not " + v.getNodeType().name().toLowerCase());
            }
            return v.decimalValue();
        }

        BigDecimal optionalDecimal(String name) {
            if (!has(name)) {
                read.add(name);
                return null;
            }
            return decimal(name);
        }

        GeoPoint optionalLocation(String name) {
            read.add(name);
            if (!has(name)) {
                return null;
            }
            return object(name, o -> o.get("", x -> new GeoPoint(o.decimal("latitude").doubleValue(),
                    o.decimal("longitude").doubleValue())));
        }

        /** compositionMg or oxidePercent (of {@code lotMass}), exactly one of them. */
        Composition composition(Mass lotMass) {
            boolean mg = has("compositionMg");
            boolean pct = has("oxidePercent");
            read.add("compositionMg");
            read.add("oxidePercent");
            if (mg == pct) {
                throw new EventFormatException(at("compositionMg"), "give the composition as exactly one of compositionMg or oxidePercent");
            }
            if (mg) {
                return masses("compositionMg");
            }
            if (lotMass == null) {
                throw new EventFormatException(at("oxidePercent"), "needs the lot's mass");
            }
            Map<Element, BigDecimal> percent = new EnumMap<>(Element.class);
            elementValues("oxidePercent").forEach((e, v) -> percent.put(e, v));
            return get("oxidePercent", n -> Composition.fromOxidePercent(lotMass, percent));
        }

        Composition masses(String name) {
            Map<Element, Long> mg = new EnumMap<>(Element.class);
            elementValues(name).forEach((e, v) -> {
                if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
                    throw new EventFormatException(at(name) + "." + e.symbol(), "must be a whole, non-negative number of mg: " + v.toPlainString());
                }
                try {
                    mg.put(e, v.longValueExact());
                } catch (ArithmeticException x) {
                    throw new EventFormatException(at(name) + "." + e.symbol(), "is too large: " + v.toPlainString());
                }
            });
            return Composition.of(mg);
        }

        private Map<Element, BigDecimal> elementValues(String name) {
            JsonNode v = required(name);
            if (!v.isObject()) {
                throw new EventFormatException(at(name), "must be an object of element symbol to number");
            }
            Map<Element, BigDecimal> values = new EnumMap<>(Element.class);
            for (Map.Entry<String, JsonNode> p : v.properties()) {
                Element e = Element.bySymbol(p.getKey()).orElseThrow(() -> new EventFormatException(
                        at(name) + "." + p.getKey(), "unknown element; one of " + List.of(Element.values())));
                if (!p.getValue().isNumber()) {
                    throw new EventFormatException(at(name) + "." + p.getKey(), "must be a number");
                }
                values.put(e, p.getValue().decimalValue());
            }
            return values;
        }

        <T> T object(String name, Function<Fields, T> reader) {
            Fields inner = new Fields(required(name), at(name));
            T value = reader.apply(inner);
            inner.refuseUnknown();
            return value;
        }

        <T> List<T> list(String name, Function<Fields, T> reader) {
            JsonNode v = required(name);
            if (!v.isArray()) {
                throw new EventFormatException(at(name), "must be an array");
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                Fields inner = new Fields(v.get(i), at(name) + "[" + i + "]");
                items.add(reader.apply(inner));
                inner.refuseUnknown();
            }
            return items;
        }

        CustomsDeclaration declaration() {
            String permit = has("permit") ? text("permit") : null;
            read.add("permit");
            return get("", n -> new CustomsDeclaration(text("number"), text("hsCode"), permit, text("counterparty"),
                    country("country")));
        }

        void refuseUnknown() {
            for (String name : node.propertyNames()) {
                if (!read.contains(name)) {
                    throw new EventFormatException(at(name), "is not a field of this event");
                }
            }
        }
    }
}
