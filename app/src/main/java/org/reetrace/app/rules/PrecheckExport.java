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

    private final LotChecks checks;
    private final Clock clock;

    public PrecheckExport(LotChecks checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    public Precheck precheck(Caller caller, Request request) {
        Lot lot = checks.lot(request.lot()).orElseThrow(() -> ProblemException.notFound("lot", request.lot()));
        caller.requireReader(lot.holder().value());
        CustomsDeclaration declaration;
        try {
            Declaration d = request.declaration();
            declaration = new CustomsDeclaration(d.number(), d.hsCode(), d.permit(), d.counterparty(),
                    CountryCode.of(d.country()));
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("declaration", e.getMessage());
        }
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
        return new Precheck(p.lot(), p.holder(), p.at().toString(), p.passes(), p.verdict().name(), p.jurisdictions()
                .stream().map(v -> new Verdict(v.jurisdiction(), v.passes(), v.verdict().name(),
                        v.findings().stream().map(FindingView::of).toList()))
                .toList());
    }
}
