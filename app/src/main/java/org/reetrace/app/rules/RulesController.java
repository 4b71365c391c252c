package org.reetrace.app.rules;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

import org.reetrace.app.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule packs at run time (the regulator loads, enables and disables; anyone reads the law in force), the customs
 * pre-check of an export, and the assessment of lots against any pack at any date.
 */
@RestController
public class RulesController {

    private final ListRulePacks listPacks;
    private final LoadRulePack loadPack;
    private final EnableRulePack enablePack;
    private final PrecheckExport precheckExport;
    private final AssessLots assessLots;

    public RulesController(ListRulePacks listPacks, LoadRulePack loadPack, EnableRulePack enablePack,
                           PrecheckExport precheckExport, AssessLots assessLots) {
        this.listPacks = listPacks;
        this.loadPack = loadPack;
        this.enablePack = enablePack;
        this.precheckExport = precheckExport;
        this.assessLots = assessLots;
    }

    @Operation(summary = "List rule packs", description = "Every loaded rule pack, whether it is in force, and who"
            + " loaded it when.")
    @GetMapping("/api/rules/packs")
    public List<RulePackView> packs(Caller caller) {
        return listPacks.packs(caller);
    }

    @Operation(summary = "Load a rule pack",
            description = "The regulator loads a pack from its text; it is refused whole, with rule, line and column,"
                    + " if anything in it is wrong. Loading the same name, version and text again changes nothing.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The pack's text",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping(path = "/api/rules/packs", consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<RulePackView> load(Caller caller, @RequestBody String text,
                                             @Parameter(description = "Put it in force at once (and the pack's other"
                                                     + " versions out)")
                                             @RequestParam(defaultValue = "false") boolean enable,
                                             @Parameter(description = "Where the text came from, as the listing shows")
                                             @RequestParam(defaultValue = "api") String source) {
        return ResponseEntity.status(HttpStatus.CREATED).body(loadPack.load(caller, source, text, enable));
    }

    @Operation(summary = "Enable a rule pack", description = "The regulator puts a pack version in force and the"
            + " pack's other versions out.")
    @PostMapping("/api/rules/packs/{name}/{version}/enable")
    public RulePackView enable(Caller caller, @Parameter(description = "The pack's name, e.g. us") @PathVariable String name,
                               @Parameter(description = "The pack's version") @PathVariable String version) {
        return enablePack.enable(caller, name, version);
    }

    @Operation(summary = "Disable a rule pack", description = "The regulator takes a pack version out of force.")
    @PostMapping("/api/rules/packs/{name}/{version}/disable")
    public RulePackView disable(Caller caller, @Parameter(description = "The pack's name, e.g. us") @PathVariable String name,
                                @Parameter(description = "The pack's version") @PathVariable String version) {
        return enablePack.disable(caller, name, version);
    }

    @Operation(summary = "Pre-check an export",
            description = "Would exporting the lot under this declaration pass? Per jurisdiction, every rule with its"
                    + " outcome and why. For customs, the regulator, auditors and the lot's holder.")
    @PostMapping("/api/rules/precheck")
    public PrecheckExport.Precheck precheck(Caller caller, @Valid @RequestBody PrecheckExport.Request body) {
        return precheckExport.precheck(caller, body);
    }

    @Operation(summary = "Assess lots against a rule pack",
            description = "A lot (or, with several lot parameters, their pooled supply) against one pack at a date:"
                    + " the version in force unless another is named.")
    @GetMapping("/api/rules/assessment")
    public AssessLots.Assessment assess(Caller caller,
                                        @Parameter(description = "The lots, e.g. MAG-2026-0001") @RequestParam List<String> lot,
                                        @Parameter(description = "The pack's name, e.g. us") @RequestParam String pack,
                                        @Parameter(description = "The pack version; default: the one in force, else"
                                                + " the latest loaded")
                                        @RequestParam(required = false) String version,
                                        @Parameter(description = "A date (midnight in the pack's own zone) or an"
                                                + " instant; default: now")
                                        @RequestParam(required = false) String at) {
        return assessLots.assess(caller, lot, pack, version, at);
    }
}
