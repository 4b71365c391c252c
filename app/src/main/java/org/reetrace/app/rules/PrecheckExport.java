package org.reetrace.app.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.rules.Jurisdiction;
import org.springframework.http.HttpStatus;

/**
 * Customs' pre-check of an export: would exporting the lot under this declaration pass the packs in force, per
 * jurisdiction, and why? For customs, the regulator, auditors and the lot's holder.
 */
@UseCase
public class PrecheckExport {

    @Schema(name = "Declaration", description = "The customs declaration the export would be made under")
    public record Declaration(@NotBlank String number, @NotBlank String hsCode, String permit,
                              @NotBlank String counterparty,
                              @Schema(description = "The buyer's country (ISO 3166 alpha-2)") @NotBlank String country) {
    }

    /**
     * @param at            when the export would happen: an instant or a date (Malaysian midnight); null: now
     * @param jurisdictions whose laws to check; null or empty: every jurisdiction with a pack in force
     */
    @Schema(name = "PrecheckRequest", description = "An export to pre-check")
    public record Request(@NotBlank String lot, @NotNull @Valid Declaration declaration, String at,
                          List<String> jurisdictions) {
    }

    /**
     * One jurisdiction's verdict: FAIL if any of its rules failed, else CONFIRM if the law of any of them could not be
     * established at the instant (confirm with the authority), else PASS. {@code passes} is true on PASS only.
     */
    @Schema(name = "JurisdictionVerdict")
    public record Verdict(String jurisdiction, boolean passes,
                          @Schema(allowableValues = {"PASS", "CONFIRM", "FAIL"}) String verdict,
                          List<FindingView> findings) {
    }

    /**
     * @param holder  the lot's holder, for the command line's heading; not part of the API's answer
     * @param verdict the worst of the jurisdictions' verdicts; CONFIRM is not a clean pass
     */
    @Schema(name = "Precheck")
    public record Precheck(String lot, @JsonIgnore @Schema(hidden = true) String holder, String at, boolean passes,
                           @Schema(allowableValues = {"PASS", "CONFIRM", "FAIL"}) String verdict,
                           List<Verdict> jurisdictions) {
    }

    /** As {@link CustomsDeclaration} checks it, to name the field beside the others that are wrong. */
    private static final String HS_CODE = "\\d{4}(\\.?\\d{2}){0,3}";

    private final LotChecks checks;
    private final Clock clock;

    public PrecheckExport(LotChecks checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * The customs desk (the pre-check page) is for customs officers and the regulator; the pre-check itself also
     * answers auditors and the lot's holder.
     */
    public Caller requireDesk(Caller caller) {
        return caller.requireRole(Role.CUSTOMS, Role.REGULATOR);
    }

    /**
     * @throws ProblemException 404 for an unknown lot; 400 listing every wrong field of the request (and the lot, if
     *                          it is unknown too), so that a form shows each mistake beside its field at once
     */
    public Precheck precheck(Caller caller, Request request) {
        Optional<Lot> lot = checks.lot(request.lot());
        lot.ifPresent(l -> caller.requireReader(l.holder().value()));
        Fields fields = new Fields();
        CustomsDeclaration declaration = declaration(request.declaration(), fields);
        Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();
        List<String> asked = request.jurisdictions() == null ? List.of() : request.jurisdictions();
        for (int i = 0; i < asked.size(); i++) {
            try {
                jurisdictions.add(Jurisdiction.of(asked.get(i)));
            } catch (IllegalArgumentException e) {
                fields.wrong("jurisdictions[" + i + "]", e.getMessage());
            }
        }
        Instant at = null;
        try {
            at = Instants.parse(request.at(), "at", clock.instant());
        } catch (ProblemException e) {
            fields.wrong("at", e.detail().substring("at: ".length()));
        }
        if (!fields.errors.isEmpty()) {
            if (lot.isEmpty()) {
                fields.errors.addFirst(Map.of("field", "lot", "reason", "no lot " + request.lot() + " in the ledger"));
            }
            throw fields.problem();
        }
        if (lot.isEmpty()) {
            throw ProblemException.notFound("lot", request.lot());
        }
        LotChecks.Precheck p;
        try {
            p = checks.precheck(request.lot(), declaration, at, jurisdictions);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("jurisdictions", e.getMessage());
        }
        return new Precheck(p.lot(), p.holder(), p.at().toString(), p.passes(), p.verdict().name(), p.jurisdictions()
                .stream().map(v -> new Verdict(v.jurisdiction(), v.passes(), v.verdict().name(),
                        v.findings().stream().map(FindingView::of).toList()))
                .toList());
    }

    /** The wrong fields of a request, each with why, in the order found. */
    private static final class Fields {
        final List<Map<String, String>> errors = new ArrayList<>();

        void wrong(String field, String reason) {
            errors.add(Map.of("field", field, "reason", reason));
        }

        ProblemException problem() {
            Map<String, String> first = errors.getFirst();
            return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    first.get("field") + ": " + first.get("reason")
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    Map.of("errors", List.copyOf(errors)));
        }
    }

    /** The declaration, or null with each wrong field noted. */
    private static CustomsDeclaration declaration(Declaration d, Fields fields) {
        if (d == null) {
            fields.wrong("declaration", "the declaration is missing");
            return null;
        }
        int before = fields.errors.size();
        if (d.number() == null || d.number().isBlank()) {
            fields.wrong("declaration.number", "customs declaration needs a number");
        }
        if (d.hsCode() == null || !d.hsCode().matches(HS_CODE)) {
            fields.wrong("declaration.hsCode", "HS code must be 4 to 10 digits such as 2846.90: " + d.hsCode());
        }
        if (d.counterparty() == null || d.counterparty().isBlank()) {
            fields.wrong("declaration.counterparty", "customs declaration needs a counterparty");
        }
        CountryCode country = null;
        try {
            country = CountryCode.of(d.country());
        } catch (IllegalArgumentException | NullPointerException e) {
            fields.wrong("declaration.country", "the buyer's country is an ISO 3166 alpha-2 code such as US: "
                    + d.country());
        }
        if (fields.errors.size() > before) {
            return null;
        }
        try {
            return new CustomsDeclaration(d.number(), d.hsCode(), d.permit(), d.counterparty(), country);
        } catch (IllegalArgumentException e) {
            fields.wrong("declaration", e.getMessage());
            return null;
        }
    }
}
