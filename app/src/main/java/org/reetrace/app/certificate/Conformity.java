package org.reetrace.app.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.reetrace.app.rules.AssessLots;
import org.reetrace.app.rules.FindingView;
import org.reetrace.app.rules.PrecheckExport;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The conformity claims of a certificate: the rules a buyer asks about, judged by the packs in force through the
 * same use cases as the API's assessment and pre-check: Malaysia's processed-export rule (a pre-check), the US
 * DFARS magnet rule now and as it stands from 2027-01-01, the EU CRMA 65 % benchmark, and China's export controls
 * (Announcement 18). A pack that is not loaded yields no claim.
 */
@Component
class Conformity {

    /** The 2027 step of DFARS 252.225-7052. */
    static final String DFARS_2027 = "2027-01-01";

    private static final Map<String, String> AUTHORITIES = Map.of(
            "MY", "Government of Malaysia (Ministry of Natural Resources and Environmental Sustainability)",
            "US", "United States Department of Defense",
            "EU", "European Commission",
            "CN", "Ministry of Commerce of the People's Republic of China");

    private final AssessLots assess;
    private final PrecheckExport precheck;

    Conformity(AssessLots assess, PrecheckExport precheck) {
        this.assess = assess;
        this.precheck = precheck;
    }

    List<Passport.Claim> claims(Caller caller, String lot) {
        List<Passport.Claim> claims = new ArrayList<>();
        // processed or not is derived from lineage and composition; the declaration only makes the pre-check whole
        PrecheckExport.Request request = new PrecheckExport.Request(lot, new PrecheckExport.Declaration(
                "certificate", "2846.90", null, "buyer", "JP"), null, List.of("MY"));
        judged(() -> {
            PrecheckExport.Precheck p = precheck.precheck(caller, request);
            return new Judgement(p.at(), p.jurisdictions().stream().flatMap(v -> v.findings().stream())
                    .filter(f -> f.ruleId().startsWith("MY-EXP-01")).toList());
        }, claims);
        for (String[] packAt : new String[][] {{"us", null}, {"us", DFARS_2027}, {"eu", null}, {"cn", null}}) {
            judged(() -> {
                AssessLots.Assessment a = assess.assess(caller, List.of(lot), packAt[0], null, packAt[1]);
                return new Judgement(a.at(), a.findings());
            }, claims);
        }
        return claims;
    }

    /** The findings of one assessment or pre-check, at its instant. */
    private record Judgement(String at, List<FindingView> findings) {
    }

    /**
     * The findings of one judgement as claims; a rule not in force at that date is left out when another rule of
     * the judgement applies (the US rule of 2019 at 2027-01-01), kept when none does (an oxide, which no magnet
     * rule covers).
     */
    private static void judged(Supplier<Judgement> judge, List<Passport.Claim> claims) {
        Judgement judgement;
        try {
            judgement = judge.get();
        } catch (ProblemException notLoaded) {
            return;
        }
        List<FindingView> all = judgement.findings();
        boolean anyApplies = all.stream().anyMatch(f -> !f.outcome().equals("NOT_APPLICABLE"));
        all.stream().filter(f -> !anyApplies || !f.outcome().equals("NOT_APPLICABLE"))
                .forEach(f -> claims.add(claim(f, judgement.at())));
    }

    static Passport.Claim claim(FindingView f, String assessedAt) {
        Instant at = Instant.parse(assessedAt);
        String date = at.toString().substring(0, 10);
        String jurisdiction = f.jurisdiction();
        return new Passport.Claim(List.of("Claim", "Declaration"),
                "urn:reetrace:rule:" + f.pack() + ":" + f.packVersion() + ":" + f.ruleId() + ":" + date,
                f.message() == null ? f.ruleId() : f.message(),
                new Passport.Regulation(List.of("Regulation"), f.citation(), jurisdiction,
                        new Passport.Party("urn:reetrace:authority:" + jurisdiction,
                                AUTHORITIES.getOrDefault(jurisdiction, jurisdiction))),
                date, conforms(f.outcome()), "governance.compliance", f.ruleId(), f.pack(), f.packVersion(),
                assessedAt, f.outcome());
    }

    /** Passed, or not applicable; failed, an error or a law that cannot be established does not conform. */
    static boolean conforms(String outcome) {
        return outcome.equals("PASSED") || outcome.equals("NOT_APPLICABLE");
    }
}
