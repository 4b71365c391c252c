package org.reetrace.app.registry;

import static org.reetrace.app.registry.RegistryInput.built;
import static org.reetrace.app.registry.RegistryInput.operatorId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.RegistryViews.AgreementView;
import org.reetrace.app.registry.RegistryViews.FacilityView;
import org.reetrace.app.registry.RegistryViews.LicenceView;
import org.reetrace.app.registry.RegistryViews.OperatorView;
import org.reetrace.app.registry.RegistryViews.ThresholdView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.TechnologyAgreement;
import org.reetrace.core.registry.TechnologyCategory;
import org.reetrace.core.registry.Validity;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

/**
 * The regulator's changes to the registry: operators and their shareholders, facilities, licences, technology
 * agreements and the state-link threshold. Every change is versioned with the instant it takes effect
 * ({@code effective}, default: when it is recorded) and the caller who made it; the registry refuses, all or nothing,
 * a change that would leave any later state of it invalid.
 */
@UseCase
public class ChangeRegistry {

    private static final String ID = "[\\x21-\\x7E]{1,128}";
    private static final String COUNTRY = "[A-Z]{2}";

    /** A shareholder: another registered company ({@code company}) or a state ({@code state} and {@code body}). */
    @Schema(description = "A shareholder: another registered company (company) or a state (state and body)")
    public record Holding(String company, @Pattern(regexp = COUNTRY) String state, String body,
                          @NotNull BigDecimal percent) {
    }

    @Schema(description = "A new operator, with its shareholders if known")
    public record NewOperator(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String name,
                              @NotNull @Pattern(regexp = COUNTRY) String country,
                              @Schema(description = "When it takes effect: an instant or a date (default: now)")
                              String effective,
                              List<@Valid Holding> shareholders) {
    }

    @Schema(description = "An operator's shareholders, replacing those it had")
    public record Shareholders(String effective, @NotNull List<@Valid Holding> holdings) {
    }

    public record Location(@NotNull Double latitude, @NotNull Double longitude) {
    }

    /** A licensed process: the technology's licensor and its country, and the capacity of input per year. */
    @Schema(description = "A licensed process: the technology's licensor and its country, and the capacity of input"
            + " per year")
    public record Process(@NotNull ProcessKind process, String licensor,
                          @NotNull @Pattern(regexp = COUNTRY) String licensorCountry, BigDecimal annualCapacityKg) {
    }

    /**
     * {@code processes}: a list of {@link Process}, or (the older form) an object from process to the country of
     * its technology.
     */
    @Schema(description = "A new facility")
    public record NewFacility(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String operator,
                              @NotBlank String name, @NotNull FacilityKind kind,
                              @NotNull @Pattern(regexp = COUNTRY) String country, @Valid Location location,
                              @Schema(description = "A list of processes {process, licensor, licensorCountry,"
                                      + " annualCapacityKg}, or (the older form) an object from process to the"
                                      + " country of its technology")
                              JsonNode processes,
                              String effective) {
    }

    /** {@code area}: a GeoJSON Polygon or MultiPolygon geometry (mining leases only). */
    @Schema(description = "A licence term; a term of the same licence starting at the same instant is amended")
    public record NewLicence(@NotBlank @Pattern(regexp = ID) String id, @NotNull LicenceKind kind,
                             @NotBlank String holder, String facility, @NotNull @Pattern(regexp = COUNTRY) String issuer,
                             String from, String until,
                             @Schema(description = "A GeoJSON Polygon or MultiPolygon geometry (mining leases only)",
                                     type = "object")
                             JsonNode area,
                             BigDecimal annualQuotaKg, String effective) {
    }

    @Schema(description = "A technology agreement between a licensor and a registered operator")
    public record NewAgreement(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String licensor,
                               @NotNull @Pattern(regexp = COUNTRY) String licensorCountry,
                               @NotNull TechnologyCategory category, @NotBlank String recipient, String from,
                               String until, String conditions, String effective) {
    }

    @Schema(description = "The share of a state above which an operator is state-linked")
    public record Threshold(@NotNull BigDecimal percent, String effective) {
    }

    /** A change and when it takes effect; null: when it is recorded. */
    public record Dated(RegistryChange change, Instant effective) {
    }

    private final StoredRegistry registry;

    public ChangeRegistry(StoredRegistry registry) {
        this.registry = registry;
    }

    /** Refuses anyone who may not change the registry, before a form for a change is even shown. */
    public void requireChanger(Caller caller) {
        caller.requireRegulator();
    }

    // ---- operators

    public OperatorView registerOperator(Caller caller, NewOperator body) {
        caller.requireRegulator();
        OperatorId id = operatorId(body.id(), "id");
        if (registry.operator(id).isPresent()) {
            throw ProblemException.conflict("operator-exists", "Operator exists", "operator " + id + " already exists");
        }
        Instant effective = Instants.parse(body.effective(), "effective", null);
        Operator operator = built("country", () -> new Operator(id, body.name(), CountryCode.of(body.country())));
        List<Dated> changes = new ArrayList<>();
        changes.add(new Dated(new RegistryChange.PutOperator(operator), effective));
        if (body.shareholders() != null && !body.shareholders().isEmpty()) {
            changes.add(new Dated(shareholders(id, body.shareholders(), "shareholders"), effective));
        }
        record(changes, caller.name());
        return OperatorView.of(operator, registry.latest());
    }

    /** Replaces an operator's shareholders; the whole ownership graph must stay free of cycles and over-subscription. */
    public OperatorView setShareholders(Caller caller, String id, Shareholders body) {
        caller.requireRegulator();
        OperatorId company = operatorId(id, "id");
        registry.operator(company).orElseThrow(() -> RegistryInput.noOperator(id));
        record(shareholders(company, body.holdings(), "holdings"), body.effective(), caller.name());
        RegistrySnapshot latest = registry.latest();
        return OperatorView.of(latest.operator(company).orElseThrow(), latest);
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

    public FacilityView registerFacility(Caller caller, NewFacility body) {
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
        record(new RegistryChange.PutFacility(f), body.effective(), caller.name());
        return FacilityView.of(f.facility(), Optional.of(f));
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
                out.add(ProcessTechnology.unnamed(p, c));
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

    /** Adds a licence term, or amends the term of the same licence that starts at the same instant. */
    public LicenceView putLicence(Caller caller, NewLicence body) {
        caller.requireRegulator();
        Validity validity = Instants.validity(body.from(), body.until(), "from", "until");
        Area area = body.area() == null || body.area().isNull() ? null : area(body.area(), "area");
        Mass quota = body.annualQuotaKg() == null ? null
                : built("annualQuotaKg", () -> Mass.ofKilograms(body.annualQuotaKg()));
        Licence licence = built(body.kind() == LicenceKind.MINING_LEASE ? "area" : "kind", () -> new Licence(
                LicenceId.of(body.id()), body.kind(), OperatorId.of(body.holder()),
                body.facility() == null ? null : FacilityId.of(body.facility()), CountryCode.of(body.issuer()),
                validity, area, quota));
        record(new RegistryChange.PutLicence(licence), body.effective(), caller.name());
        return LicenceView.of(licence);
    }

    /** A GeoJSON geometry, read as the zones' FeatureCollections are, so both accept and refuse the same things. */
    private static Area area(JsonNode geometry, String field) {
        try {
            return GeoJson.area(geometry);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid(field, e.getMessage());
        }
    }

    // ---- technology agreements

    public AgreementView putAgreement(Caller caller, NewAgreement body) {
        caller.requireRegulator();
        Validity validity = Instants.validity(body.from(), body.until(), "from", "until");
        TechnologyAgreement a = built("id", () -> new TechnologyAgreement(body.id(), body.licensor(),
                CountryCode.of(body.licensorCountry()), body.category(), OperatorId.of(body.recipient()), validity,
                body.conditions()));
        record(new RegistryChange.PutAgreement(a), body.effective(), caller.name());
        return AgreementView.of(a);
    }

    // ---- the registry as a whole

    public ThresholdView setStateLinkThreshold(Caller caller, Threshold body) {
        caller.requireRegulator();
        RegistryChange change = built("percent", () -> new RegistryChange.SetStateLinkThreshold(body.percent()));
        RegistryVersion v = record(change, body.effective(), caller.name());
        return new ThresholdView(body.percent(), v.sequence(), v.effective().toString());
    }

    /**
     * Records any changes, all or nothing, in order, e.g. a file of them in the form the history shows.
     *
     * @return the versions as recorded
     */
    public List<RegistryVersion> record(Caller caller, List<Dated> changes) {
        caller.requireRegulator();
        return record(changes, caller.name());
    }

    private RegistryVersion record(RegistryChange change, String effective, String author) {
        return record(List.of(new Dated(change, Instants.parse(effective, "effective", null))), author).getFirst();
    }

    /**
     * The one place a change is recorded and a refusal becomes a problem.
     *
     * @throws ProblemException 422 {@code registry-change-refused} naming the change and the reason; nothing changed
     */
    List<RegistryVersion> record(List<Dated> changes, String author) {
        Instant now = registry.now();
        try {
            return registry.record(changes.stream().map(c -> new StoredRegistry.Change(c.change(),
                    c.effective() == null ? now : c.effective())).toList(), author);
        } catch (RegistryChangeRefused e) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("change", RegistryChangeJson.kind(e.change()));
            props.put("effective", e.effective().equals(Instant.MIN) ? "from the start" : e.effective().toString());
            if (e.index() != null) {
                props.put("index", e.index());
            }
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "registry-change-refused",
                    "Registry change refused", e.getMessage(), props);
        }
    }
}
