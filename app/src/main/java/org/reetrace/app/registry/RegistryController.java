package org.reetrace.app.registry;

import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry the ledger checks events against: operators and their facilities, kept by the regulator, and
 * the API tokens the regulator issues to operators, customs and auditors. Anyone with a token may read the
 * registry; operators and facilities are public facts of a licensing system.
 */
@RestController
public class RegistryController {

    private static final String ID = "[\\x21-\\x7E]{1,128}";
    private static final String COUNTRY = "[A-Z]{2}";

    public record NewOperator(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String name,
                              @NotNull @Pattern(regexp = COUNTRY) String country) {
    }

    public record Location(@NotNull Double latitude, @NotNull Double longitude) {
    }

    /** {@code processes}: process to the country of origin of the technology the facility uses for it. */
    public record NewFacility(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String operator,
                              @NotBlank String name, @NotNull FacilityKind kind,
                              @NotNull @Pattern(regexp = COUNTRY) String country, @Valid Location location,
                              Map<ProcessKind, @Pattern(regexp = COUNTRY) String> processes) {
    }

    public record NewToken(@NotBlank String name, @NotNull Role role, String operator) {
    }

    public record OperatorView(String id, String name, String country) {
        static OperatorView of(Operator o) {
            return new OperatorView(o.id().value(), o.name(), o.country().alpha2());
        }
    }

    public record FacilityView(String id, String operator, String name, String kind, String country,
                               Map<String, Double> location, Map<String, String> processes) {
        static FacilityView of(Facility f) {
            Map<String, String> processes = new LinkedHashMap<>();
            f.technology().forEach((p, c) -> processes.put(p.name(), c.alpha2()));
            return new FacilityView(f.id().value(), f.operator().value(), f.name(), f.kind().name(),
                    f.country().alpha2(), f.position().map(p -> Map.of("latitude", p.latitude(),
                    "longitude", p.longitude())).orElse(null), processes);
        }
    }

    private final StoredRegistry registry;
    private final ApiTokens tokens;

    public RegistryController(StoredRegistry registry, ApiTokens tokens) {
        this.registry = registry;
        this.tokens = tokens;
    }

    @GetMapping("/api/operators")
    public List<OperatorView> operators(Caller caller) {
        return registry.operators().stream().map(OperatorView::of).toList();
    }

    @PostMapping("/api/operators")
    public ResponseEntity<OperatorView> addOperator(Caller caller, @Valid @RequestBody NewOperator body) {
        caller.requireRegulator();
        Operator added = registry.add(new Operator(OperatorId.of(body.id()), body.name(), CountryCode.of(body.country())),
                caller.name());
        return ResponseEntity.created(URI.create("/api/operators/" + added.id())).body(OperatorView.of(added));
    }

    @GetMapping("/api/facilities")
    public List<FacilityView> facilities(Caller caller) {
        return registry.facilities().stream().map(FacilityView::of).toList();
    }

    @GetMapping("/api/facilities/{id}")
    public FacilityView facility(Caller caller, @PathVariable String id) {
        return registry.facility(FacilityId.of(id)).map(FacilityView::of)
                .orElseThrow(() -> ProblemException.notFound("facility", id));
    }

    @PostMapping("/api/facilities")
    public ResponseEntity<FacilityView> addFacility(Caller caller, @Valid @RequestBody NewFacility body) {
        caller.requireRegulator();
        Map<ProcessKind, CountryCode> technology = new EnumMap<>(ProcessKind.class);
        if (body.processes() != null) {
            body.processes().forEach((p, c) -> technology.put(p, CountryCode.of(c)));
        }
        GeoPoint location;
        try {
            location = body.location() == null ? null
                    : new GeoPoint(body.location().latitude(), body.location().longitude());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(),
                    Map.of("errors", List.of(Map.of("field", "location", "reason", e.getMessage()))));
        }
        Facility added = registry.add(new Facility(FacilityId.of(body.id()), OperatorId.of(body.operator()), body.name(),
                body.kind(), CountryCode.of(body.country()), location, technology), caller.name());
        return ResponseEntity.created(URI.create("/api/facilities/" + added.id())).body(FacilityView.of(added));
    }

    /** Issues a bearer token; its clear text is in this answer only. */
    @PostMapping("/api/tokens")
    public ResponseEntity<Map<String, String>> issueToken(Caller caller, @Valid @RequestBody NewToken body) {
        caller.requireRegulator();
        Optional<String> operator = Optional.ofNullable(body.operator());
        if ((body.role() == Role.OPERATOR) != operator.isPresent()) {
            String reason = body.role() == Role.OPERATOR ? "an OPERATOR token needs the operator it acts for"
                    : "only an OPERATOR token acts for an operator";
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", reason,
                    Map.of("errors", List.of(Map.of("field", "operator", "reason", reason))));
        }
        operator.ifPresent(id -> registry.operator(OperatorId.of(id)).orElseThrow(() -> new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, "operator-unknown", "Unknown operator", "no operator " + id,
                Map.of("field", "operator"))));
        var issued = tokens.issue(new Caller(body.name(), body.role(), operator));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", body.name(), "role", body.role().name(),
                "token", issued.token()));
    }
}
