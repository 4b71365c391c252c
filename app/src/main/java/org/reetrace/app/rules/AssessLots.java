package org.reetrace.app.rules;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.lot.Lot;
import org.springframework.http.HttpStatus;

/**
 * A lot (or several, as their pooled supply) against one pack at any date, in force or not, e.g. the US rule as it
 * will stand on 2027-01-01. For the regulator, customs, auditors and the lots' holder.
 */
@UseCase
public class AssessLots {

    /**
     * @param at      the instant assessed; a date is midnight in the pack's own zone
     * @param verdict FAIL if a rule failed, else CONFIRM if a rule's law could not be established at the instant
     *                (confirm with the authority), else PASS; {@code passes} is true on PASS only
     */
    @Schema(name = "Assessment")
    public record Assessment(List<String> lots, String pack, String version, String at, boolean passes,
                             @Schema(allowableValues = {"PASS", "CONFIRM", "FAIL"}) String verdict,
                             List<FindingView> findings) {
    }

    private final LotChecks checks;
    private final Clock clock;

    public AssessLots(LotChecks checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * @param version the pack version; null: the one in force, else the latest loaded
     * @param at      a date (midnight in the pack's zone) or an instant; null: now
     */
    public Assessment assess(Caller caller, List<String> lots, String pack, String version, String at) {
        caller.requireRole(Role.REGULATOR, Role.CUSTOMS, Role.AUDITOR, Role.OPERATOR);
        for (String id : lots) {
            Lot l = checks.lot(id).orElseThrow(() -> ProblemException.notFound("lot", id));
            caller.requireReader(l.holder().value());
        }
        LotChecks.Assessment a;
        try {
            a = checks.assess(lots, pack, version, checks.instantFor(pack, version, at, clock.instant()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(),
                    Map.of("field", "pack"));
        }
        return new Assessment(a.lots(), a.pack(), a.version(), a.at().toString(), a.passes(), a.verdict().name(),
                a.findings().stream().map(FindingView::of).toList());
    }
}
