package org.reetrace.app.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.pages.FormMistakes;
import org.reetrace.app.pages.PageController;
import org.reetrace.app.registry.RegistryRows.Shown;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule packs for people: which are loaded and in force, each pack's rules with their citations and effective
 * periods, and a lot (or several, as one supply) assessed against a pack at any date with the outcome of every rule.
 * The regulator loads a pack from a file and puts versions in force or out of it. Every action goes through the
 * same use case as the API's.
 */
@PageController
class RulePages {

    /** The assessment form as typed: lots separated by spaces or commas. */
    record AssessForm(String lot, String pack, String version, String at) {
        static final Set<String> FIELDS = Set.of("lot", "pack", "version", "at");

        List<String> lots() {
            return lot == null ? List.of() : List.of(lot.trim().split("[\\s,]+")).stream()
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    /** A rule the pack's compiler refused, where it is in the file, and why. */
    record Problem(String rule, Object line, Object column, String reason) {
    }

    private final ListRulePacks list;
    private final LoadRulePack load;
    private final EnableRulePack enable;
    private final AssessLots assess;
    private final Shown shown = new Shown();

    RulePages(ListRulePacks list, LoadRulePack load, EnableRulePack enable, AssessLots assess) {
        this.list = list;
        this.load = load;
        this.enable = enable;
        this.assess = assess;
    }

    @ModelAttribute("shown")
    Shown shown() {
        return shown;
    }

    @GetMapping("/rules")
    String packs(Caller caller, Model model) {
        return packsPage(caller, List.of(), null, model);
    }

    private String packsPage(Caller caller, List<Problem> problems, String refused, Model model) {
        List<RulePackView> packs = list.packs(caller);
        model.addAttribute("packs", packs);
        model.addAttribute("inForce", packs.stream().filter(RulePackView::enabled).count());
        model.addAttribute("mayChange", caller.isRegulator());
        model.addAttribute("problems", problems);
        model.addAttribute("refused", refused);
        model.addAttribute("form", new AssessForm("", packs.isEmpty() ? "" : packs.getFirst().name(), "", ""));
        model.addAttribute("packNames", names(packs));
        model.addAttribute("mistakes", FormMistakes.NONE);
        model.addAttribute("mayAssess", mayAssess(caller));
        return "rules/packs";
    }

    @GetMapping("/rules/packs/{name}/{version}")
    String pack(Caller caller, @PathVariable String name, @PathVariable String version, Model model) {
        ListRulePacks.PackRules pack = list.rules(caller, name, version);
        model.addAttribute("pack", pack);
        model.addAttribute("mayChange", caller.isRegulator());
        return "rules/pack";
    }

    /** The regulator loads a pack from its file; a pack with mistakes is refused whole, each listed with its line. */
    @PostMapping("/rules/packs")
    String load(Caller caller, @RequestParam(required = false) MultipartFile file,
                @RequestParam(defaultValue = "false") boolean enable, Model model, RedirectAttributes redirect)
            throws IOException {
        boolean none = file == null || file.isEmpty();
        String text = none ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
        String source = "page:" + (none || file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
        try {
            RulePackView loaded = load.load(caller, source, text, enable);
            redirect.addFlashAttribute("done", loaded.enabled() ? "rules.done.loaded-enabled" : "rules.done.loaded");
            redirect.addFlashAttribute("doneArgs", List.of(loaded.name(), loaded.version()));
            return "redirect:/rules/packs/" + loaded.name() + "/" + loaded.version();
        } catch (ProblemException problem) {
            if (problem.status() == HttpStatus.FORBIDDEN) {
                throw problem;
            }
            if (none) {
                return packsPage(caller, List.of(), "rules.load.no-file", model);
            }
            List<Problem> problems = new ArrayList<>();
            if (problem.properties().get("errors") instanceof List<?> errors) {
                for (Object e : errors) {
                    if (e instanceof Map<?, ?> m) {
                        problems.add(new Problem((String) m.get("rule"), m.get("line"), m.get("column"),
                                String.valueOf(m.get("reason"))));
                    }
                }
            }
            if (problems.isEmpty()) {
                problems.add(new Problem(null, null, null, problem.detail()));
            }
            return packsPage(caller, problems, null, model);
        }
    }

    @PostMapping("/rules/packs/{name}/{version}/enable")
    String enable(Caller caller, @PathVariable String name, @PathVariable String version, RedirectAttributes redirect) {
        enable.enable(caller, name, version);
        redirect.addFlashAttribute("done", "rules.done.enabled");
        redirect.addFlashAttribute("doneArgs", List.of(name, version));
        return "redirect:/rules";
    }

    @PostMapping("/rules/packs/{name}/{version}/disable")
    String disable(Caller caller, @PathVariable String name, @PathVariable String version, RedirectAttributes redirect) {
        enable.disable(caller, name, version);
        redirect.addFlashAttribute("done", "rules.done.disabled");
        redirect.addFlashAttribute("doneArgs", List.of(name, version));
        return "redirect:/rules";
    }

    /** A lot, or several as one supply, against a pack at a date: every rule's outcome, and why. */
    @GetMapping("/rules/assessment")
    String assessment(Caller caller, @ModelAttribute AssessForm form, Model model) {
        List<RulePackView> packs = list.packs(caller);
        model.addAttribute("form", form);
        model.addAttribute("packNames", names(packs));
        FormMistakes mistakes = FormMistakes.NONE;
        AssessLots.Assessment result = null;
        if (form.lots().isEmpty()) {
            if (form.lot() != null) {
                mistakes = FormMistakes.at("lot", "name at least one lot, e.g. MAG-2026-0001");
            }
        } else if (form.pack() == null || form.pack().isBlank()) {
            mistakes = FormMistakes.at("pack", "choose a pack");
        } else {
            try {
                result = assess.assess(caller, form.lots(), form.pack(), blankToNull(form.version()),
                        blankToNull(form.at()));
            } catch (ProblemException problem) {
                if (problem.status() == HttpStatus.FORBIDDEN) {
                    throw problem;
                }
                mistakes = FormMistakes.of(problem, AssessForm.FIELDS, Map.of("not-found", "lot"));
            }
        }
        model.addAttribute("mistakes", mistakes);
        model.addAttribute("result", result);
        model.addAttribute("findings", result == null ? List.of() : result.findings().stream()
                .sorted(Comparator.comparingInt(f -> rank(f.outcome()))).toList());
        model.addAttribute("failed", result == null ? 0
                : result.findings().stream().filter(f -> f.outcome().equals("FAILED")).count());
        return "rules/assessment";
    }

    /**
     * What a person reads first: failures, then what could not be evaluated or needs confirming (any other outcome),
     * then passes, then rules that do not apply; the pack's order within each.
     */
    private static int rank(String outcome) {
        return switch (outcome) {
            case "FAILED" -> 0;
            case "PASSED" -> 2;
            case "NOT_APPLICABLE" -> 3;
            default -> 1;
        };
    }

    private static List<String> names(List<RulePackView> packs) {
        return List.copyOf(new LinkedHashSet<>(packs.stream().map(RulePackView::name).toList()));
    }

    /** The roles {@link AssessLots} serves; the form is not offered to others. */
    private static boolean mayAssess(Caller caller) {
        return caller.role() != Role.PUBLIC;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
