package org.reetrace.app.customs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.pages.PageController;
import org.reetrace.app.rules.ListRulePacks;
import org.reetrace.app.rules.PrecheckExport;
import org.reetrace.app.rules.RulePackView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customs desk: an export pre-checked against the rule packs in force, per jurisdiction and rule, with the
 * numbers each rule explains itself with. The form is a GET, since a pre-check changes nothing: its address is the
 * pre-check, to print, bookmark or send. A mistake in the form (a lot the books do not know, a malformed HS code) is
 * shown beside its field with what was typed.
 */
@PageController
class CustomsPages {

    /** The form's fields as typed; every one may be blank. */
    public record Form(String lot, String number, String hs, String permit, String counterparty, String country,
                List<String> jurisdiction, String at) {

        public Form {
            jurisdiction = jurisdiction == null ? List.of() : List.copyOf(jurisdiction);
        }

        public boolean filled() {
            return lot != null;
        }

        /** What was typed in the field named {@code field}. */
        public String value(String field) {
            return switch (field) {
                case "lot" -> lot;
                case "number" -> number;
                case "hs" -> hs;
                case "permit" -> permit;
                case "counterparty" -> counterparty;
                case "country" -> country;
                case "at" -> at;
                default -> throw new IllegalArgumentException("no field " + field);
            };
        }

        PrecheckExport.Request request() {
            return new PrecheckExport.Request(trim(lot), new PrecheckExport.Declaration(trim(number), trim(hs),
                    blankAsNull(permit), trim(counterparty), trim(country)), blankAsNull(at), jurisdiction);
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }

        private static String blankAsNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** The use case's field names and the form's. */
    private static final Map<String, String> FIELDS = Map.of("lot", "lot", "declaration.number", "number",
            "declaration.hsCode", "hs", "declaration.counterparty", "counterparty", "declaration.country", "country",
            "at", "at", "jurisdictions", "jurisdiction");

    private final PrecheckExport precheck;
    private final ListRulePacks packs;

    CustomsPages(PrecheckExport precheck, ListRulePacks packs) {
        this.precheck = precheck;
        this.packs = packs;
    }

    @GetMapping("/customs")
    String customs(Caller caller, @RequestParam(required = false) String lot,
                   @RequestParam(required = false) String number, @RequestParam(required = false) String hs,
                   @RequestParam(required = false) String permit, @RequestParam(required = false) String counterparty,
                   @RequestParam(required = false) String country,
                   @RequestParam(required = false) List<String> jurisdiction,
                   @RequestParam(required = false) String at, Model model) {
        precheck.requireDesk(caller);
        Form form = new Form(lot, number, hs, permit, counterparty, country, jurisdiction, at);
        model.addAttribute("form", form);
        model.addAttribute("jurisdictions", packs.packs(caller).stream().filter(RulePackView::enabled)
                .map(RulePackView::jurisdiction).distinct().sorted().toList());
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.filled()) {
            try {
                model.addAttribute("result", precheck.precheck(caller, form.request()));
            } catch (ProblemException problem) {
                errors.putAll(fieldErrors(problem));
                if (errors.isEmpty()) {
                    throw problem;
                }
            }
        }
        model.addAttribute("errors", errors);
        return "customs/precheck";
    }

    /**
     * The form fields a refusal names, each with its message key: an unknown lot (404) or an invalid field (400);
     * empty for any other refusal, which is shown as a failure page (403 for someone who may not pre-check).
     */
    private static Map<String, String> fieldErrors(ProblemException problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem.status() == HttpStatus.NOT_FOUND) {
            errors.put("lot", "customs.error.lot");
        } else if (problem.status() == HttpStatus.BAD_REQUEST
                && problem.properties().get("errors") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> error && error.get("field") instanceof String field) {
                    String name = FIELDS.get(field.replaceAll("\\[\\d+]$", ""));
                    if (name != null) {
                        errors.put(name, "customs.error." + name);
                    }
                }
            }
        }
        return errors;
    }
}
