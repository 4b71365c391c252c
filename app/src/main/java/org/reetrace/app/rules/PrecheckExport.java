package org.reetrace.app.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** One jurisdiction's verdict: it fails if any of its applicable rules failed. */
    @Schema(name = "JurisdictionVerdict")
    public record Verdict(String jurisdiction, boolean passes, List<FindingView> findings) {
    }

    /** @param holder the lot's holder, for the command line's heading; not part of the API's answer */
    @Schema(name = "Precheck")
    public record Precheck(String lot, @JsonIgnore @Schema(hidden = true) String holder, String at, boolean passes,
                           List<Verdict> jurisdictions) {
    }

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

    public Precheck precheck(Caller caller, Request request) {
        Lot lot = checks.lot(request.lot()).orElseThrow(() -> ProblemException.notFound("lot", request.lot()));
        caller.requireReader(lot.holder().value());
        CustomsDeclaration declaration = declaration(request.declaration());
        Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();
        List<String> asked = request.jurisdictions() == null ? List.of() : request.jurisdictions();
        for (int i = 0; i < asked.size(); i++) {
            try {
                jurisdictions.add(Jurisdiction.of(asked.get(i)));
            } catch (IllegalArgumentException e) {
                throw Instants.invalid("jurisdictions[" + i + "]", e.getMessage());
            }
        }
        Instant at = Instants.parse(request.at(), "at", clock.instant());
        LotChecks.Precheck p;
        try {
            p = checks.precheck(request.lot(), declaration, at, jurisdictions);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("jurisdictions", e.getMessage());
        }
        return new Precheck(p.lot(), p.holder(), p.at().toString(), p.passes(), p.jurisdictions().stream()
                .map(v -> new Verdict(v.jurisdiction(), v.passes(), v.findings().stream().map(FindingView::of).toList()))
                .toList());
    }

    /** The declaration, or a 400 naming the one field that is wrong (a form shows it beside that field). */
    private static CustomsDeclaration declaration(Declaration d) {
        if (d == null) {
            throw Instants.invalid("declaration", "the declaration is missing");
        }
        requireText(d.number(), "declaration.number", "customs declaration needs a number");
        requireText(d.counterparty(), "declaration.counterparty", "customs declaration needs a counterparty");
        CountryCode country;
        try {
            country = CountryCode.of(d.country());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Instants.invalid("declaration.country", "the buyer's country is an ISO 3166 alpha-2 code such as US: "
                    + d.country());
        }
        try {
            return new CustomsDeclaration(d.number(), d.hsCode(), d.permit(), d.counterparty(), country);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("declaration.hsCode", e.getMessage());
        }
    }

    private static void requireText(String text, String field, String reason) {
        if (text == null || text.isBlank()) {
            throw Instants.invalid(field, reason);
        }
    }
}
