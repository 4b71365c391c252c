package org.reetrace.app.registry;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

import org.reetrace.app.registry.RegistryViews.AgreementView;
import org.reetrace.app.registry.RegistryViews.FacilityView;
import org.reetrace.app.registry.RegistryViews.LicenceView;
import org.reetrace.app.registry.RegistryViews.OperatorView;
import org.reetrace.app.registry.RegistryViews.StateLinkView;
import org.reetrace.app.registry.RegistryViews.ThresholdView;
import org.reetrace.app.registry.RegistryViews.VersionView;
import org.reetrace.app.registry.RegistryViews.ZoneView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.Instants;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry the ledger and the rules check events against, kept by the regulator: operators with their
 * shareholders, facilities with their processes and technology, licences, zones and technology agreements. Every
 * change is versioned with the instant it takes effect ({@code effective}, default: when it is recorded) and the
 * caller who made it. Operators, customs, auditors and the regulator read the whole registry; the PUBLIC role reads
 * what a buyer needs to check a certificate, and what else the regulator opened to it ({@link PublicDisclosure}).
 */
@RestController
public class RegistryController {

    /** What a zone import's body is: a GeoJSON FeatureCollection (RFC 7946) of Polygon and MultiPolygon features. */
    @Schema(name = "FeatureCollection", description = "A GeoJSON FeatureCollection (RFC 7946) of Polygon and"
            + " MultiPolygon features; positions are [longitude, latitude]")
    record FeatureCollection(@Schema(allowableValues = "FeatureCollection") String type, List<Feature> features) {
    }

    @Schema(name = "Feature", description = "A GeoJSON Feature: its zone's code, name and perhaps kind in the"
            + " properties, its area in the geometry")
    record Feature(@Schema(allowableValues = "Feature") String type,
                   @Schema(description = "Text properties, among them the zone's code and name") Map<String, Object> properties,
                   @Schema(description = "A Polygon or MultiPolygon geometry") Object geometry) {
    }

    private final ReadRegistry read;
    private final ChangeRegistry change;
    private final ImportZones zones;

    public RegistryController(ReadRegistry read, ChangeRegistry change, ImportZones zones) {
        this.read = read;
        this.change = change;
        this.zones = zones;
    }

    // ---- operators

    @Operation(summary = "List operators",
            description = "Every registered operator with its shareholders and state link; the public reads"
                    + " shareholdings only if the regulator opened them.")
    @GetMapping("/api/operators")
    public List<OperatorView> operators(Caller caller) {
        return read.operators(caller);
    }

    @Operation(summary = "Read an operator",
            description = "One operator with its shareholders and state link; the public reads shareholdings only if"
                    + " the regulator opened them.")
    @GetMapping("/api/operators/{id}")
    public OperatorView operator(Caller caller, @Parameter(description = "The operator's id, e.g. OP-PAHANG-RE")
                                 @PathVariable String id) {
        return read.operator(caller, id);
    }

    @Operation(summary = "Register an operator",
            description = "The regulator registers an operator, with its shareholders if given.")
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping("/api/operators")
    public ResponseEntity<OperatorView> addOperator(Caller caller, @Valid @RequestBody ChangeRegistry.NewOperator body) {
        OperatorView view = change.registerOperator(caller, body);
        return ResponseEntity.created(URI.create("/api/operators/" + view.id())).body(view);
    }

    @Operation(summary = "Replace an operator's shareholders",
            description = "The regulator replaces an operator's shareholders; the whole ownership graph must stay free"
                    + " of cycles and over-subscription.")
    @PutMapping("/api/operators/{id}/shareholders")
    public OperatorView setShareholders(Caller caller, @Parameter(description = "The operator's id") @PathVariable String id,
                                        @Valid @RequestBody ChangeRegistry.Shareholders body) {
        return change.setShareholders(caller, id, body);
    }

    @Operation(summary = "Explain an operator's state link",
            description = "Whether the operator is state-linked at a time to a state, with every chain of holdings"
                    + " that makes up the share.")
    @GetMapping("/api/operators/{id}/state-link")
    public StateLinkView stateLink(Caller caller, @Parameter(description = "The operator's id") @PathVariable String id,
                                   @Parameter(description = "An instant or a date (Malaysian midnight); default: now")
                                   @RequestParam(required = false) String at,
                                   @Parameter(description = "The state (ISO 3166 alpha-2); default: the operator's own"
                                           + " country")
                                   @RequestParam(required = false) String state) {
        return read.stateLink(caller, id, Instants.parse(at, "at", null), state);
    }

    // ---- facilities

    @Operation(summary = "List facilities",
            description = "Every registered facility; the public reads locations, processes and technology only if"
                    + " the regulator opened facility details.")
    @GetMapping("/api/facilities")
    public List<FacilityView> facilities(Caller caller) {
        return read.facilities(caller);
    }

    @Operation(summary = "Read a facility",
            description = "One facility; the public reads its location, processes and technology only if the"
                    + " regulator opened facility details.")
    @GetMapping("/api/facilities/{id}")
    public FacilityView facility(Caller caller, @Parameter(description = "The facility's id") @PathVariable String id) {
        return read.facility(caller, id);
    }

    @Operation(summary = "Register a facility",
            description = "The regulator registers a facility of a registered operator, with its licensed processes.")
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping("/api/facilities")
    public ResponseEntity<FacilityView> addFacility(Caller caller, @Valid @RequestBody ChangeRegistry.NewFacility body) {
        FacilityView view = change.registerFacility(caller, body);
        return ResponseEntity.created(URI.create("/api/facilities/" + view.id())).body(view);
    }

    // ---- licences

    @Operation(summary = "List licences",
            description = "Every licence term; the public reads them if the regulator opened licences, and lease areas"
                    + " and quotas only if it opened those too.")
    @GetMapping("/api/licences")
    public List<LicenceView> licences(Caller caller) {
        return read.licences(caller);
    }

    @Operation(summary = "Add or amend a licence term",
            description = "The regulator adds a licence term, or amends the term of the same licence that starts at"
                    + " the same instant.")
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping("/api/licences")
    public ResponseEntity<LicenceView> addLicence(Caller caller, @Valid @RequestBody ChangeRegistry.NewLicence body) {
        LicenceView view = change.putLicence(caller, body);
        return ResponseEntity.created(URI.create("/api/licences/" + view.id())).body(view);
    }

    // ---- zones

    @Operation(summary = "List zones",
            description = "The zones (reserves, protected areas) in the registry; the public reads them if the"
                    + " regulator opened them.")
    @GetMapping("/api/zones")
    public List<ZoneView> zones(Caller caller) {
        return read.zones(caller);
    }

    @Operation(summary = "Import zones from GeoJSON",
            description = "The regulator imports the zones of a GeoJSON FeatureCollection, all or nothing: each"
                    + " feature's code and name from two of its properties, its kind from a property 'kind' or the"
                    + " kind parameter.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FeatureCollection.class)),
            @Content(mediaType = "application/geo+json", schema = @Schema(implementation = FeatureCollection.class))})
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping(path = "/api/zones", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    public ResponseEntity<List<ZoneView>> importZones(
            Caller caller, @RequestBody String geoJson,
            @Parameter(description = "The kind of every zone whose feature names none")
            @RequestParam(required = false) ZoneKind kind,
            @Parameter(description = "The feature property with the zone's code")
            @RequestParam(defaultValue = "code") String codeProperty,
            @Parameter(description = "The feature property with the zone's name")
            @RequestParam(defaultValue = "name") String nameProperty,
            @Parameter(description = "First instant or date the zones are in force; default: always")
            @RequestParam(required = false) String from,
            @Parameter(description = "Instant or date the zones stop being in force; default: never")
            @RequestParam(required = false) String until,
            @Parameter(description = "When the change takes effect; default: when it is recorded")
            @RequestParam(required = false) String effective) {
        ImportZones.Request request = new ImportZones.Request(geoJson, kind, codeProperty, nameProperty,
                Instants.validity(from, until, "from", "until"), Instants.parse(effective, "effective", null));
        return ResponseEntity.status(HttpStatus.CREATED).body(zones.importZones(caller, request));
    }

    // ---- technology agreements

    @Operation(summary = "List technology agreements",
            description = "Every technology agreement; the public reads them if the regulator opened them.")
    @GetMapping("/api/agreements")
    public List<AgreementView> agreements(Caller caller) {
        return read.agreements(caller);
    }

    @Operation(summary = "Add a technology agreement",
            description = "The regulator records a technology agreement between a licensor and a registered operator.")
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping("/api/agreements")
    public ResponseEntity<AgreementView> addAgreement(Caller caller, @Valid @RequestBody ChangeRegistry.NewAgreement body) {
        AgreementView view = change.putAgreement(caller, body);
        return ResponseEntity.created(URI.create("/api/agreements/" + view.id())).body(view);
    }

    // ---- the registry as a whole

    @Operation(summary = "List the registry's history",
            description = "Every recorded change in the order it was recorded, with its effective instant and author;"
                    + " the public reads it if the regulator opened it.")
    @GetMapping("/api/registry/history")
    public List<VersionView> history(Caller caller) {
        return read.history(caller);
    }

    @Operation(summary = "Set the state-link threshold",
            description = "The regulator sets the share of a state above which an operator is state-linked.")
    @PutMapping("/api/registry/state-link-threshold")
    public ThresholdView threshold(Caller caller, @Valid @RequestBody ChangeRegistry.Threshold body) {
        return change.setStateLinkThreshold(caller, body);
    }
}
