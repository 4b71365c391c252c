package org.reetrace.app.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.reetrace.app.web.Instants;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.rules.Finding;
import org.reetrace.core.rules.Jurisdiction;
import org.reetrace.core.rules.RulePackException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule packs at run time (the regulator loads, enables and disables; anyone reads the law in force), the customs
 * pre-check of an export, and the assessment of lots against any pack at any date.
 */
@RestController
public class RulesController {

    public record Declaration(@NotBlank String number, @NotBlank String hsCode, String permit,
                              @NotBlank String counterparty, @NotBlank String country) {
    }

    public record PrecheckRequest(@NotBlank String lot, @NotNull @Valid Declaration declaration, String at,
                                  List<String> jurisdictions) {
    }

    public record FindingView(String ruleId, String jurisdiction, String pack, String packVersion, String citation,
                              String severity, String outcome, String message, String detail) {
        public static FindingView of(Finding f) {
            return new FindingView(f.ruleId(), String.valueOf(f.jurisdiction()), f.pack(), f.packVersion(),
                    f.citation(), String.valueOf(f.severity()), f.outcome().name(), f.message(), f.detail());
        }
    }

    private final StoredRules rules;
    private final LotChecks checks;
    private final Clock clock;

    public RulesController(StoredRules rules, LotChecks checks, Clock clock) {
        this.rules = rules;
        this.checks = checks;
        this.clock = clock;
    }

    @GetMapping("/api/rules/packs")
    public List<StoredRules.PackRow> packs(Caller caller) {
        return rules.list();
    }

    /** Body: the pack's text. {@code enable=true} puts it in force at once (and its other versions out). */
    @PostMapping(path = "/api/rules/packs", consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<StoredRules.PackRow> load(Caller caller, @RequestBody String text,
                                                    @RequestParam(defaultValue = "false") boolean enable,
                                                    @RequestParam(defaultValue = "api") String source) {
        caller.requireRegulator();
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(rules.load(source, text, enable, caller.name()));
        } catch (RulePackException e) {
            throw refused(e);
        }
    }

    @PostMapping("/api/rules/packs/{name}/{version}/enable")
    public StoredRules.PackRow enable(Caller caller, @PathVariable String name, @PathVariable String version) {
        caller.requireRegulator();
        return known(() -> rules.enable(name, version, caller.name()));
    }

    @PostMapping("/api/rules/packs/{name}/{version}/disable")
    public StoredRules.PackRow disable(Caller caller, @PathVariable String name, @PathVariable String version) {
        caller.requireRegulator();
        return known(() -> rules.disable(name, version, caller.name()));
    }

    /** Would this export pass? For customs, the regulator, auditors and the lot's holder. */
    @PostMapping("/api/rules/precheck")
    public Map<String, Object> precheck(Caller caller, @Valid @RequestBody PrecheckRequest body) {
        Lot lot = checks.lot(body.lot()).orElseThrow(() -> ProblemException.notFound("lot", body.lot()));
        caller.requireReader(lot.holder().value());
        CustomsDeclaration declaration;
        try {
            declaration = new CustomsDeclaration(body.declaration().number(), body.declaration().hsCode(),
                    body.declaration().permit(), body.declaration().counterparty(),
                    CountryCode.of(body.declaration().country()));
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("declaration", e.getMessage());
        }
        Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();
        List<String> asked = body.jurisdictions() == null ? List.of() : body.jurisdictions();
        for (int i = 0; i < asked.size(); i++) {
            String j = asked.get(i);
            try {
                jurisdictions.add(Jurisdiction.of(j));
            } catch (IllegalArgumentException e) {
                throw Instants.invalid("jurisdictions[" + i + "]", e.getMessage());
            }
        }
        Instant at = Instants.parse(body.at(), "at", clock.instant());
        LotChecks.Precheck p;
        try {
            p = checks.precheck(body.lot(), declaration, at, jurisdictions);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("jurisdictions", e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lot", p.lot());
        m.put("at", p.at().toString());
        m.put("passes", p.passes());
        m.put("jurisdictions", p.jurisdictions().stream().map(v -> Map.of("jurisdiction", v.jurisdiction(),
                "passes", v.passes(), "findings", v.findings().stream().map(FindingView::of).toList())).toList());
        return m;
    }

    /**
     * A lot (or, with several {@code lot} parameters, their pooled supply) against one pack at {@code at}:
     * the version in force unless {@code version} names another.
     */
    @GetMapping("/api/rules/assessment")
    public Map<String, Object> assess(Caller caller, @RequestParam List<String> lot, @RequestParam String pack,
                                      @RequestParam(required = false) String version,
                                      @RequestParam(required = false) String at) {
        caller.requireRole(Role.REGULATOR, Role.CUSTOMS, Role.AUDITOR, Role.OPERATOR);
        for (String id : lot) {
            Lot l = checks.lot(id).orElseThrow(() -> ProblemException.notFound("lot", id));
            caller.requireReader(l.holder().value());
        }
        LotChecks.Assessment a;
        try {
            a = checks.assess(lot, pack, version, checks.instantFor(pack, version, at, clock.instant()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(),
                    Map.of("field", "pack"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lots", a.lots());
        m.put("pack", a.pack());
        m.put("version", a.version());
        m.put("at", a.at().toString());
        m.put("passes", a.passes());
        m.put("findings", a.findings().stream().map(FindingView::of).toList());
        return m;
    }

    static ProblemException refused(RulePackException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", p.ruleId());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("reason", p.message());
            m.put("field", p.ruleId());
            return m;
        }).toList();
        return new ProblemException(HttpStatus.BAD_REQUEST, "rule-pack-refused", "Rule pack refused",
                e.getMessage(), Map.of("errors", problems));
    }

    private static StoredRules.PackRow known(java.util.function.Supplier<StoredRules.PackRow> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), Map.of());
        }
    }
}
