package org.reetrace.app.registry;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.OwnershipPath;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.StateLink;
import org.reetrace.core.registry.TechnologyAgreement;
import org.reetrace.core.registry.TechnologyCategory;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * The registry the ledger and the rules check events against, kept by the regulator: operators with their
 * shareholders, facilities with their processes and technology, licences, zones and technology agreements. Every
 * change is versioned with the instant it takes effect ({@code effective}, default: when it is recorded) and the
 * caller who made it. Operators, customs, auditors and the regulator read the whole registry; the PUBLIC role reads
 * what a buyer needs to check a certificate, and what else the regulator opened to it ({@link PublicDisclosure}).
 */
@RestController
public class RegistryController {

    private static final String ID = "[\\x21-\\x7E]{1,128}";
    private static final String COUNTRY = "[A-Z]{2}";

    /** A shareholder: another registered company ({@code company}) or a state ({@code state} and {@code body}). */
    public record Holding(String company, @Pattern(regexp = COUNTRY) String state, String body,
                          @NotNull BigDecimal percent) {
    }

    public record NewOperator(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String name,
                              @NotNull @Pattern(regexp = COUNTRY) String country, String effective,
                              List<@Valid Holding> shareholders) {
    }

    public record Shareholders(String effective, @NotNull List<@Valid Holding> holdings) {
    }

    public record Location(@NotNull Double latitude, @NotNull Double longitude) {
    }

    /** A licensed process: the technology's licensor and its country, and the capacity of input per year. */
    public record Process(@NotNull ProcessKind process, String licensor,
                          @NotNull @Pattern(regexp = COUNTRY) String licensorCountry, BigDecimal annualCapacityKg) {
    }

    /**
     * {@code processes}: a list of {@link Process}, or (the older form) an object from process to the country of
     * its technology.
     */
    public record NewFacility(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String operator,
                              @NotBlank String name, @NotNull FacilityKind kind,
                              @NotNull @Pattern(regexp = COUNTRY) String country, @Valid Location location,
                              JsonNode processes, String effective) {
    }

    /** {@code area}: a GeoJSON Polygon or MultiPolygon geometry (mining leases only). */
    public record NewLicence(@NotBlank @Pattern(regexp = ID) String id, @NotNull LicenceKind kind,
                             @NotBlank String holder, String facility, @NotNull @Pattern(regexp = COUNTRY) String issuer,
                             String from, String until, JsonNode area, BigDecimal annualQuotaKg, String effective) {
    }

    public record NewAgreement(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String licensor,
                               @NotNull @Pattern(regexp = COUNTRY) String licensorCountry,
                               @NotNull TechnologyCategory category, @NotBlank String recipient, String from,
                               String until, String conditions, String effective) {
    }

    public record Threshold(@NotNull BigDecimal percent, String effective) {
    }

    // ---- views

    public record HoldingView(String holder, String kind, BigDecimal percent) {
        static HoldingView of(Shareholding s) {
            return switch (s.holder()) {
                case Shareholder.Company c -> new HoldingView(c.id().value(), "COMPANY", s.percent());
                case Shareholder.State st -> new HoldingView(st.body() + " (" + st.country() + ")", "STATE", s.percent());
            };
        }
    }

    /** {@code shareholders}, {@code stateLinked} and {@code stateShare} are null where they are not disclosed. */
    public record OperatorView(String id, String name, String country, List<HoldingView> shareholders,
                               Boolean stateLinked, BigDecimal stateShare) {
        static OperatorView of(Operator o, RegistrySnapshot r) {
            StateLink link = r.stateLink(o.id());
            return new OperatorView(o.id().value(), o.name(), o.country().alpha2(),
                    r.ownership().holdersOf(o.id()).stream().map(HoldingView::of).toList(), link.linked(), link.share());
        }

        /** What the public reads of an operator unless the regulator opened shareholdings to it. */
        OperatorView withoutHoldings() {
            return new OperatorView(id, name, country, null, null, null);
        }
    }

    public record ProcessView(String process, String licensor, String licensorCountry, BigDecimal annualCapacityKg) {
    }

    public record FacilityView(String id, String operator, String name, String kind, String country,
                               Map<String, Double> location, Map<String, String> processes,
                               List<ProcessView> technology) {
        static FacilityView of(Facility f, Optional<RegisteredFacility> registered) {
            Map<String, String> processes = new LinkedHashMap<>();
            f.technology().forEach((p, c) -> processes.put(p.name(), c.alpha2()));
            List<ProcessView> technology = registered.map(r -> r.processes().stream().map(p -> new ProcessView(
                    p.process().name(), p.licensor(), p.licensorCountry().alpha2(), p.annualCapacity().kilograms()))
                    .toList()).orElse(List.of());
            return new FacilityView(f.id().value(), f.operator().value(), f.name(), f.kind().name(),
                    f.country().alpha2(), f.position().map(p -> Map.of("latitude", p.latitude(),
                    "longitude", p.longitude())).orElse(null), processes, technology);
        }

        /** What the public reads of a facility unless the regulator opened facility details to it. */
        FacilityView withoutDetails() {
            return new FacilityView(id, operator, name, kind, country, null, null, null);
        }
    }

    public record LicenceView(String id, String kind, String holder, String facility, String issuer, String from,
                              String until, String areaWkt, BigDecimal annualQuotaKg) {
        static LicenceView of(Licence l) {
            return new LicenceView(l.id().value(), l.kind().name(), l.holder().value(),
                    l.site().map(FacilityId::value).orElse(null), l.issuer().alpha2(), start(l.validity()),
                    end(l.validity()), l.leaseArea().map(Area::wkt).orElse(null),
                    l.quota().map(Mass::kilograms).orElse(null));
        }

        LicenceView disclosing(boolean area, boolean quota) {
            return new LicenceView(id, kind, holder, facility, issuer, from, until, area ? areaWkt : null,
                    quota ? annualQuotaKg : null);
        }
    }

    public record ZoneView(String code, String name, String kind, String from, String until, String areaWkt) {
        static ZoneView of(Zone z) {
            return new ZoneView(z.code().value(), z.name(), z.kind().name(), start(z.validity()), end(z.validity()),
                    z.area().wkt());
        }
    }

    public record AgreementView(String id, String licensor, String licensorCountry, String category,
                                String recipient, String from, String until, String conditions) {
        static AgreementView of(TechnologyAgreement a) {
            return new AgreementView(a.id(), a.licensor(), a.licensorCountry().alpha2(), a.category().name(),
                    a.recipient().value(), start(a.validity()), end(a.validity()), a.conditions());
        }
    }

    public record PathView(String path, BigDecimal share) {
    }

    public record StateLinkView(String operator, String state, String at, BigDecimal share, BigDecimal threshold,
                                boolean linked, List<PathView> paths, String explanation) {
    }

    public record VersionView(long sequence, String effective, Instant recorded, String author, String kind,
                              JsonNode change) {
        static VersionView of(RegistryVersion v) {
            return new VersionView(v.sequence(), v.effective().equals(Instant.MIN) ? null : v.effective().toString(),
                    v.recorded(), v.author(), RegistryChangeJson.kind(v.change()), RegistryChangeJson.write(v.change()));
        }
    }

    private static String start(Validity v) {
        return v.from().equals(Instant.MIN) ? null : v.from().toString();
    }

    private static String end(Validity v) {
        return v.end().map(Instant::toString).orElse(null);
    }

    private final StoredRegistry registry;
    private final PublicDisclosure disclosure;

    public RegistryController(StoredRegistry registry, PublicDisclosure disclosure) {
        this.registry = registry;
        this.disclosure = disclosure;
    }

    private OperatorView disclosed(Caller caller, OperatorView view) {
        return disclosure.shows(caller, PublicDisclosure.Category.SHAREHOLDINGS) ? view : view.withoutHoldings();
    }

    private FacilityView disclosed(Caller caller, FacilityView view) {
        return disclosure.shows(caller, PublicDisclosure.Category.FACILITY_DETAILS) ? view : view.withoutDetails();
    }

    // ---- operators

    @GetMapping("/api/operators")
    public List<OperatorView> operators(Caller caller) {
        RegistrySnapshot latest = registry.latest();
        return registry.operators().stream().map(o -> disclosed(caller, OperatorView.of(o, latest))).toList();
    }

    @GetMapping("/api/operators/{id}")
    public OperatorView operator(Caller caller, @PathVariable String id) {
        RegistrySnapshot latest = registry.latest();
        return latest.operator(operatorId(id, "id")).map(o -> disclosed(caller, OperatorView.of(o, latest)))
                .orElseThrow(() -> ProblemException.notFound("operator", id));
    }

    @PostMapping("/api/operators")
    public ResponseEntity<OperatorView> addOperator(Caller caller, @Valid @RequestBody NewOperator body) {
        caller.requireRegulator();
        OperatorId id = operatorId(body.id(), "id");
        if (registry.operator(id).isPresent()) {
            throw ProblemException.conflict("operator-exists", "Operator exists", "operator " + id + " already exists");
        }
        Instant effective = Instants.parse(body.effective(), "effective", null);
        Operator operator = built("country", () -> new Operator(id, body.name(), CountryCode.of(body.country())));
        List<StoredRegistry.Change> changes = new ArrayList<>();
        changes.add(change(new RegistryChange.PutOperator(operator), effective));
        if (body.shareholders() != null && !body.shareholders().isEmpty()) {
            changes.add(change(shareholders(id, body.shareholders(), "shareholders"), effective));
        }
        registry.record(changes, caller.name());
        return ResponseEntity.created(URI.create("/api/operators/" + id)).body(OperatorView.of(operator, registry.latest()));
    }

    /** Replaces an operator's shareholders; the whole ownership graph must stay free of cycles and over-subscription. */
    @PutMapping("/api/operators/{id}/shareholders")
    public OperatorView setShareholders(Caller caller, @PathVariable String id, @Valid @RequestBody Shareholders body) {
        caller.requireRegulator();
        OperatorId company = operatorId(id, "id");
        registry.operator(company).orElseThrow(() -> ProblemException.notFound("operator", id));
        registry.record(shareholders(company, body.holdings(), "holdings"), effective(body.effective()), caller.name());
        RegistrySnapshot latest = registry.latest();
        return OperatorView.of(latest.operator(company).orElseThrow(), latest);
    }

    /**
     * Whether the operator is state-linked at {@code at} (default now) to the state of {@code state} (default its own
     * country), with every chain of holdings that makes up the share.
     */
    @GetMapping("/api/operators/{id}/state-link")
    public StateLinkView stateLink(Caller caller, @PathVariable String id, @RequestParam(required = false) String at,
                                   @RequestParam(required = false) String state) {
        disclosure.require(caller, PublicDisclosure.Category.SHAREHOLDINGS);
        Instant when = Instants.parse(at, "at", registry.now());
        RegistrySnapshot r = registry.asOf(when);
        OperatorId company = operatorId(id, "id");
        Operator o = r.operator(company).orElseThrow(() -> ProblemException.notFound("operator", id));
        StateLink link = state == null ? r.stateLink(company)
                : r.stateLink(company, built("state", () -> CountryCode.of(state)));
        return new StateLinkView(o.id().value(), link.state().alpha2(), when.toString(), link.share(), link.threshold(),
                link.linked(), link.paths().stream().map(p -> new PathView(p.toString(), p.share())).toList(),
                link.explanation());
    }

    private static RegistryChange.SetShareholders shareholders(OperatorId company, List<Holding> holdings, String field) {
        List<Shareholding> list = new ArrayList<>();
        for (int i = 0; i < holdings.size(); i++) {
            Holding h = holdings.get(i);
            String at = field + "[" + i + "]";
            if ((h.company() == null) == (h.state() == null)) {
                throw Instants.invalid(at, "a shareholder is either a company or a state (with the body holding the shares)");
            }
            Shareholder holder = h.company() != null
                    ? built(at + ".company", () -> new Shareholder.Company(OperatorId.of(h.company())))
                    : built(at + ".body", () -> new Shareholder.State(CountryCode.of(h.state()), h.body()));
            list.add(built(at + ".percent", () -> new Shareholding(company, holder, h.percent())));
        }
        return new RegistryChange.SetShareholders(company, list);
    }

    // ---- facilities

    @GetMapping("/api/facilities")
    public List<FacilityView> facilities(Caller caller) {
        RegistrySnapshot latest = registry.latest();
        return registry.facilities().stream()
                .map(f -> disclosed(caller, FacilityView.of(f, latest.registeredFacility(f.id())))).toList();
    }

    @GetMapping("/api/facilities/{id}")
    public FacilityView facility(Caller caller, @PathVariable String id) {
        RegistrySnapshot latest = registry.latest();
        return latest.registeredFacility(FacilityId.of(id))
                .map(f -> disclosed(caller, FacilityView.of(f.facility(), Optional.of(f))))
                .orElseThrow(() -> ProblemException.notFound("facility", id));
    }

    @PostMapping("/api/facilities")
    public ResponseEntity<FacilityView> addFacility(Caller caller, @Valid @RequestBody NewFacility body) {
        caller.requireRegulator();
        FacilityId id = built("id", () -> FacilityId.of(body.id()));
        if (registry.facility(id).isPresent()) {
            throw ProblemException.conflict("facility-exists", "Facility exists", "facility " + id + " already exists");
        }
        OperatorId operator = operatorId(body.operator(), "operator");
        if (registry.operator(operator).isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "operator-unknown", "Unknown operator",
                    "no operator " + operator + " for facility " + id, Map.of("field", "operator"));
        }
        GeoPoint location = body.location() == null ? null : built("location", () ->
                new GeoPoint(body.location().latitude(), body.location().longitude()));
        List<ProcessTechnology> processes = processes(body.processes(), operator);
        RegisteredFacility f = built("processes", () -> RegisteredFacility.of(id, operator, body.name(), body.kind(),
                CountryCode.of(body.country()), location, processes));
        registry.record(new RegistryChange.PutFacility(f), effective(body.effective()), caller.name());
        return ResponseEntity.created(URI.create("/api/facilities/" + id)).body(FacilityView.of(f.facility(), Optional.of(f)));
    }

    private static List<ProcessTechnology> processes(JsonNode node, OperatorId operator) {
        List<ProcessTechnology> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                String at = "processes." + e.getKey();
                ProcessKind p = built(at, () -> ProcessKind.valueOf(e.getKey()));
                if (!e.getValue().isString()) {
                    throw Instants.invalid(at, "the country of the technology, as a string");
                }
                CountryCode c = built(at, () -> CountryCode.of(e.getValue().stringValue()));
                // the older form names only the technology's country: in-house if it is the operator's own
                out.add(new ProcessTechnology(p, "unnamed licensor", c, Mass.ZERO));
            }
            return out;
        }
        if (!node.isArray()) {
            throw Instants.invalid("processes", "a list of {process, licensor, licensorCountry, annualCapacityKg}");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            String at = "processes[" + i + "]";
            if (!p.isObject()) {
                throw Instants.invalid(at, "a process is an object {process, licensor, licensorCountry, annualCapacityKg}");
            }
            ProcessKind kind = built(at + ".process", () -> ProcessKind.valueOf(text(p, "process", at)));
            CountryCode country = built(at + ".licensorCountry", () -> CountryCode.of(text(p, "licensorCountry", at)));
            String licensor = p.hasNonNull("licensor") ? text(p, "licensor", at) : "";
            if (licensor.isBlank()) {
                licensor = operator.value();
            }
            String l = licensor;
            JsonNode kg = p.get("annualCapacityKg");
            if (kg != null && !kg.isNull() && !kg.isNumber()) {
                throw Instants.invalid(at + ".annualCapacityKg", "a number of kilograms");
            }
            Mass capacity = kg != null && !kg.isNull()
                    ? built(at + ".annualCapacityKg", () -> Mass.ofKilograms(kg.decimalValue()))
                    : Mass.ZERO;
            out.add(built(at, () -> new ProcessTechnology(kind, l, country, capacity)));
        }
        return out;
    }

    /** A text member of a process; absent is empty, for the domain to refuse in its words. */
    private static String text(JsonNode process, String name, String at) {
        JsonNode v = process.get(name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isString()) {
            throw Instants.invalid(at + "." + name, "a string");
        }
        return v.stringValue();
    }

    // ---- licences

    @GetMapping("/api/licences")
    public List<LicenceView> licences(Caller caller) {
        disclosure.require(caller, PublicDisclosure.Category.LICENCES);
        boolean areas = disclosure.shows(caller, PublicDisclosure.Category.LEASE_AREAS);
        boolean quotas = disclosure.shows(caller, PublicDisclosure.Category.QUOTAS);
        return registry.latest().licences().stream().sorted(Comparator.comparing((Licence l) -> l.id().value())
                .thenComparing(l -> l.validity().from())).map(l -> LicenceView.of(l).disclosing(areas, quotas)).toList();
    }

    /** Adds a licence term, or amends the term of the same licence that starts at the same instant. */
    @PostMapping("/api/licences")
    public ResponseEntity<LicenceView> addLicence(Caller caller, @Valid @RequestBody NewLicence body) {
        caller.requireRegulator();
        Validity validity = Instants.validity(body.from(), body.until(), "from", "until");
        Area area = body.area() == null || body.area().isNull() ? null : area(body.area(), "area");
        Mass quota = body.annualQuotaKg() == null ? null
                : built("annualQuotaKg", () -> Mass.ofKilograms(body.annualQuotaKg()));
        Licence licence = built(body.kind() == LicenceKind.MINING_LEASE ? "area" : "kind", () -> new Licence(
                LicenceId.of(body.id()), body.kind(), OperatorId.of(body.holder()),
                body.facility() == null ? null : FacilityId.of(body.facility()), CountryCode.of(body.issuer()),
                validity, area, quota));
        registry.record(new RegistryChange.PutLicence(licence), effective(body.effective()), caller.name());
        return ResponseEntity.created(URI.create("/api/licences/" + licence.id())).body(LicenceView.of(licence));
    }

    /** A GeoJSON geometry, read as the zones' FeatureCollections are, so both accept and refuse the same things. */
    private static Area area(JsonNode geometry, String field) {
        try {
            return GeoJson.area(geometry);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid(field, e.getMessage());
        }
    }

    // ---- zones

    @GetMapping("/api/zones")
    public List<ZoneView> zones(Caller caller) {
        disclosure.require(caller, PublicDisclosure.Category.ZONES);
        return registry.latest().zones().stream().sorted(Comparator.comparing(Zone::code)).map(ZoneView::of).toList();
    }

    /**
     * Imports the zones of a GeoJSON FeatureCollection, all or nothing: each feature's code and name from the
     * properties {@code codeProperty} and {@code nameProperty}, its kind from a property {@code kind} or the
     * {@code kind} parameter.
     */
    @PostMapping(path = "/api/zones", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    public ResponseEntity<List<ZoneView>> importZones(Caller caller, @RequestBody String geoJson,
                                                      @RequestParam(required = false) ZoneKind kind,
                                                      @RequestParam(defaultValue = "code") String codeProperty,
                                                      @RequestParam(defaultValue = "name") String nameProperty,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String until,
                                                      @RequestParam(required = false) String effective) {
        caller.requireRegulator();
        Validity validity = Instants.validity(from, until, "from", "until");
        List<Zone> zones;
        try {
            zones = GeoJson.zones(geoJson, codeProperty, nameProperty, kind, validity);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-geojson", "Invalid GeoJSON", e.getMessage(),
                    Map.of("errors", List.of(Map.of("field", "body", "reason", e.getMessage()))));
        }
        if (zones.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-geojson", "Invalid GeoJSON",
                    "the FeatureCollection has no features", Map.of("errors", List.of(Map.of("field", "features",
                    "reason", "the FeatureCollection has no features"))));
        }
        Instant at = effective(effective);
        registry.record(zones.stream().map(z -> change(new RegistryChange.PutZone(z), at)).toList(), caller.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(zones.stream().map(ZoneView::of).toList());
    }

    // ---- technology agreements

    @GetMapping("/api/agreements")
    public List<AgreementView> agreements(Caller caller) {
        disclosure.require(caller, PublicDisclosure.Category.AGREEMENTS);
        return registry.latest().agreements().stream().sorted(Comparator.comparing(TechnologyAgreement::id))
                .map(AgreementView::of).toList();
    }

    @PostMapping("/api/agreements")
    public ResponseEntity<AgreementView> addAgreement(Caller caller, @Valid @RequestBody NewAgreement body) {
        caller.requireRegulator();
        Validity validity = Instants.validity(body.from(), body.until(), "from", "until");
        TechnologyAgreement a = built("id", () -> new TechnologyAgreement(body.id(), body.licensor(),
                CountryCode.of(body.licensorCountry()), body.category(), OperatorId.of(body.recipient()), validity,
                body.conditions()));
        registry.record(new RegistryChange.PutAgreement(a), effective(body.effective()), caller.name());
        return ResponseEntity.created(URI.create("/api/agreements/" + a.id())).body(AgreementView.of(a));
    }

    // ---- the registry as a whole

    /** Every recorded change in the order it was recorded, with its effective instant and author. */
    @GetMapping("/api/registry/history")
    public List<VersionView> history(Caller caller) {
        disclosure.require(caller, PublicDisclosure.Category.HISTORY);
        return registry.history().stream().map(VersionView::of).toList();
    }

    @PutMapping("/api/registry/state-link-threshold")
    public Map<String, Object> threshold(Caller caller, @Valid @RequestBody Threshold body) {
        caller.requireRegulator();
        RegistryChange change = built("percent", () -> new RegistryChange.SetStateLinkThreshold(body.percent()));
        RegistryVersion v = registry.record(change, effective(body.effective()), caller.name());
        return Map.of("percent", body.percent(), "sequence", v.sequence(), "effective", v.effective().toString());
    }

    // ---- helpers

    private Instant effective(String text) {
        return Instants.parse(text, "effective", registry.now());
    }

    private StoredRegistry.Change change(RegistryChange c, Instant effective) {
        return new StoredRegistry.Change(c, effective == null ? registry.now() : effective);
    }

    private static OperatorId operatorId(String id, String field) {
        return built(field, () -> OperatorId.of(id));
    }

    /** Builds a domain value; a broken invariant is a 422 naming the field. */
    private static <T> T built(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw Instants.unprocessable(field, String.valueOf(e.getMessage()));
        }
    }
}
