package org.reetrace.app.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enforcement analytics over the books (docs/design.md section 7): a facility's monthly material balances, a mine's
 * fingerprint signature, declared exports against partner statistics, and what each facility's measurements can
 * detect. The regulator, customs and auditors read
 * everything; an operator the balances and signatures of its own facilities. A period or mine with nothing
 * measured answers a {@code no-data} problem that says why, never zeros.
 */
@RestController
public class AnalyticsController {

    private final ReadMaterialBalances balances;
    private final ReadMineSignature signature;
    private final CompareMirrorTrade mirrorTrade;
    private final ReadBlendDetectability blendDetectability;
    private final ReadDetection detection;

    public AnalyticsController(ReadMaterialBalances balances, ReadMineSignature signature,
                               CompareMirrorTrade mirrorTrade, ReadBlendDetectability blendDetectability,
                               ReadDetection detection) {
        this.balances = balances;
        this.signature = signature;
        this.mirrorTrade = mirrorTrade;
        this.blendDetectability = blendDetectability;
        this.detection = detection;
    }

    @Operation(summary = "Read the detectable blend fractions",
            description = "Per ordered pair of mines with a fingerprint signature, the smallest fraction of the second"
                    + " mine's rare earths in the first's ore that one lot shows with probability 0.95: at 2 % false"
                    + " positives, and at the BLENDED_ORE alert's own rate. Worked out from the signatures' centres"
                    + " and spread. For the regulator, customs and auditors; a 404 no-data problem before two mines"
                    + " have a signature.")
    @GetMapping("/api/analytics/blend-detectability")
    public ReadBlendDetectability.Detectability blendDetectability(Caller caller) {
        return blendDetectability.read(caller);
    }

    @Operation(summary = "Read what each facility's measurements can detect",
            description = "Per facility and basis (REE and the watched elements and groups Nd+Pr, Dy, Tb, HREE, Th, U):"
                    + " the minimum detectable diversion in kg a month over 6 and 12 balances at the stated detection"
                    + " probability and false-alarm rate (Monte Carlo on the measurement model), against the goal. A"
                    + " facility that has booked nothing is a 404 no-data problem.")
    @GetMapping("/api/analytics/detection")
    public ReadDetection.Detection detection(Caller caller,
            @Parameter(description = "One facility's id (default: every facility the caller reads)")
            @RequestParam(required = false) String facility) {
        return detection.read(caller, facility);
    }

    @Operation(summary = "Read a facility's material balances",
            description = "Month by month in kg: beginning, receipts, shipments, ending, throughput, declared loss,"
                    + " material unaccounted for (MUF) with its expected value and sigma, and Page's CUSUM with its"
                    + " alarm. A period with nothing booked is a 404 no-data problem.")
    @GetMapping("/api/facilities/{id}/balances")
    public ReadMaterialBalances.Balances balances(Caller caller,
            @Parameter(description = "The facility's id") @PathVariable String id,
            @Parameter(description = "REE (all rare-earth elements), a watched group (Nd+Pr, HREE) or an element symbol"
                    + " such as Nd")
            @RequestParam(defaultValue = "REE") String basis,
            @Parameter(description = "The first month, YYYY-MM (default: the first month booked)")
            @RequestParam(required = false) String from,
            @Parameter(description = "The last month, YYYY-MM (default: the last month booked)")
            @RequestParam(required = false) String to) {
        return balances.read(caller, id, basis, from, to);
    }

    @Operation(summary = "Read a mine's fingerprint signature",
            description = "The mean log-ratios of its extractions up to the baseline, and how many later lots were"
                    + " tested against it and did not match. A mine with too few extractions is a 404 no-data problem.")
    @GetMapping("/api/mines/{id}/signature")
    public ReadMineSignature.Signature signature(Caller caller,
            @Parameter(description = "The mine's facility id") @PathVariable String id) {
        return signature.read(caller, id);
    }

    @Operation(summary = "Compare declared exports with partner statistics",
            description = "Mirror trade: the partner countries' imports (CSV) against the exports declared in the"
                    + " books, per partner and HS code, with the gap, its value and the royalty lost; a gap beyond"
                    + " tolerance is raised as an alert. For the regulator, customs and auditors.")
    @PostMapping(path = "/api/mirror-trade", consumes = "text/csv")
    public CompareMirrorTrade.MirrorTrade mirrorTrade(Caller caller,
            @Parameter(description = "The first month, YYYY-MM") @RequestParam String from,
            @Parameter(description = "The last month, YYYY-MM") @RequestParam String to,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Partner import statistics, CSV with"
                    + " the header of PartnerImportCsv",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
            @RequestBody(required = false) String csv) {
        return mirrorTrade.compare(caller, from, to, csv);
    }
}
