package org.reetrace.app.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.reetrace.app.pages.FormMistakes;
import org.reetrace.app.pages.PageController;
import org.reetrace.app.registry.RegistryRows.Shown;
import org.reetrace.app.registry.RegistryRows.Paged;
import org.reetrace.app.registry.RegistryViews.AgreementView;
import org.reetrace.app.registry.RegistryViews.FacilityView;
import org.reetrace.app.registry.RegistryViews.LicenceView;
import org.reetrace.app.registry.RegistryViews.OperatorView;
import org.reetrace.app.registry.RegistryViews.StateLinkView;
import org.reetrace.app.registry.RegistryViews.VersionView;
import org.reetrace.app.registry.RegistryViews.ZoneView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.TechnologyCategory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry for people: operators with their ownership drawn and their state link explained, facilities,
 * licences and zones on a map, technology agreements, and the history of who changed what. The regulator changes it
 * through forms that go through {@link ChangeRegistry} as the API does, so a form refuses what the API refuses, beside
 * the field, with what was typed kept and nothing stored. Those who read every record see all of it; an operator's
 * lists show its own entries.
 */
@PageController
class RegistryPages {

    private static final int PAGE_SIZE = 25;

    /** The operator form as typed. */
    record OperatorForm(String id, String name, String country, String effective) {
        static final Set<String> FIELDS = Set.of("id", "name", "country", "effective");

        ChangeRegistry.NewOperator body() {
            return new ChangeRegistry.NewOperator(given(id), given(name), given(country), given(effective), null);
        }
    }

    /** The shareholders form as typed: a row each, a blank row ignored. */
    record ShareholdersForm(String effective, List<HoldingRow> rows) {
        static final int SPARE_ROWS = 2;

        static ShareholdersForm of(Map<String, String> params) {
            List<HoldingRow> rows = new ArrayList<>();
            for (int i = 0; params.containsKey("holdings[" + i + "].percent"); i++) {
                String at = "holdings[" + i + "].";
                rows.add(new HoldingRow(params.get(at + "company"), params.get(at + "state"), params.get(at + "body"),
                        params.get(at + "percent")));
            }
            return new ShareholdersForm(params.getOrDefault("effective", ""), rows);
        }

        static ShareholdersForm of(OperatorView operator) {
            List<HoldingRow> rows = new ArrayList<>();
            for (RegistryViews.HoldingView h : operator.shareholders() == null ? List.<RegistryViews.HoldingView>of()
                    : operator.shareholders()) {
                rows.add(h.kind().equals("COMPANY")
                        ? new HoldingRow(h.holder(), "", "", h.percent().toPlainString())
                        : HoldingRow.state(h.holder(), h.percent().toPlainString()));
            }
            return new ShareholdersForm("", rows).withSpareRows();
        }

        ShareholdersForm withSpareRows() {
            List<HoldingRow> all = new ArrayList<>(rows);
            for (int i = 0; i < SPARE_ROWS; i++) {
                all.add(new HoldingRow("", "", "", ""));
            }
            return new ShareholdersForm(effective, all);
        }

        /** The rows that say something, in order; the API's list, each keeping its row number for its mistakes. */
        List<Integer> filled() {
            List<Integer> filled = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).blankRow()) {
                    filled.add(i);
                }
            }
            return filled;
        }
    }

    /** A shareholder as typed: a company's id, or a state's two letters and the body that holds for it. */
    record HoldingRow(String company, String state, String body, String percent) {

        /** A state holding as the registry shows it, "body (MY)", back into its two fields. */
        static HoldingRow state(String shown, String percent) {
            int open = shown.lastIndexOf(" (");
            return open < 0 ? new HoldingRow("", "", shown, percent)
                    : new HoldingRow("", shown.substring(open + 2, shown.length() - 1), shown.substring(0, open), percent);
        }

        boolean blankRow() {
            return blank(company) && blank(state) && blank(body) && blank(percent);
        }
    }

    /** The facility form as typed; a facility registered here has no licensed processes yet. */
    record FacilityForm(String id, String operator, String name, String kind, String country, String latitude,
                        String longitude, String effective) {
        static final Set<String> FIELDS = Set.of("id", "operator", "name", "kind", "country", "latitude", "longitude",
                "effective");
    }

    /** The licence form as typed; the lease area is a GeoJSON Polygon or MultiPolygon geometry. */
    record LicenceForm(String id, String kind, String holder, String facility, String issuer, String from,
                       String until, String annualQuotaKg, String area, String effective) {
        static final Set<String> FIELDS = Set.of("id", "kind", "holder", "facility", "issuer", "from", "until",
                "annualQuotaKg", "area", "effective");
    }

    /** The technology agreement form as typed. */
    record AgreementForm(String id, String licensor, String licensorCountry, String category, String recipient,
                         String from, String until, String conditions, String effective) {
        static final Set<String> FIELDS = Set.of("id", "licensor", "licensorCountry", "category", "recipient", "from",
                "until", "conditions", "effective");
    }

    /** A typed value the form could not even turn into the API's body (a number that is not one). */
    private static final class Unreadable extends RuntimeException {
        private final FormMistakes mistakes;

        Unreadable(String field, String reason) {
            super(reason, null, false, false);
            this.mistakes = FormMistakes.at(field, reason);
        }
    }

    private final ReadRegistry read;
    private final ChangeRegistry change;
    private final RegistryMap map;
    private final Validator validator;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Shown shown = new Shown();

    RegistryPages(ReadRegistry read, ChangeRegistry change, RegistryMap map, Validator validator, JsonMapper json,
                  MessageSource messages) {
        this.read = read;
        this.change = change;
        this.map = map;
        this.validator = validator;
        this.json = json;
        this.messages = messages;
    }

    @ModelAttribute("shown")
    Shown shown() {
        return shown;
    }

    // ---- operators

    @GetMapping("/registry")
    String operators(Caller caller, @RequestParam(defaultValue = "1") int page,
                     @RequestParam(defaultValue = "" + PAGE_SIZE) int size, Model model) {
        List<OperatorView> all = read.operators(caller);
        List<OperatorView> shown = own(caller, all, OperatorView::id);
        model.addAttribute("tab", "operators");
        model.addAttribute("operators", Paged.of(shown, page, size));
        model.addAttribute("linked", shown.stream().filter(o -> Boolean.TRUE.equals(o.stateLinked())).count());
        model.addAttribute("facilityCount", own(caller, read.facilities(caller), FacilityView::operator).size());
        model.addAttribute("holdingCount", shown.stream()
                .mapToInt(o -> o.shareholders() == null ? 0 : o.shareholders().size()).sum());
        model.addAttribute("chart", json.writeValueAsString(caller.operatorId()
                .map(own -> OwnershipChart.above(own, all, legend())).orElseGet(() -> OwnershipChart.of(all, legend()))));
        model.addAttribute("mayChange", caller.isRegulator());
        return "registry/operators";
    }

    @GetMapping("/registry/operators/{id}")
    String operator(Caller caller, @PathVariable String id, @RequestParam(required = false) String at,
                    @RequestParam(required = false) String state, Model model) {
        OperatorView operator = read.operator(caller, id);
        List<OperatorView> all = read.operators(caller);
        model.addAttribute("tab", "operators");
        model.addAttribute("operator", operator);
        model.addAttribute("at", at == null ? "" : at);
        model.addAttribute("state", state == null ? "" : state);
        FormMistakes mistakes = FormMistakes.NONE;
        StateLinkView link = null;
        try {
            link = read.stateLink(caller, id, Instants.parse(at, "at", null), blank(state) ? null : state.trim());
        } catch (ProblemException problem) {
            if (problem.status() == HttpStatus.FORBIDDEN || problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            mistakes = FormMistakes.of(problem, Set.of("at", "state"), Map.of());
        }
        model.addAttribute("link", link);
        model.addAttribute("mistakes", mistakes);
        model.addAttribute("chart", json.writeValueAsString(OwnershipChart.above(id, all, legend())));
        model.addAttribute("holders", all.stream().filter(o -> o.shareholders() != null && o.shareholders().stream()
                .anyMatch(h -> h.kind().equals("COMPANY") && h.holder().equals(id))).toList());
        model.addAttribute("facilities", read.facilities(caller).stream().filter(f -> f.operator().equals(id)).toList());
        model.addAttribute("licences", read.licences(caller).stream().filter(l -> l.holder().equals(id)).toList());
        model.addAttribute("agreements", read.agreements(caller).stream().filter(a -> a.recipient().equals(id))
                .toList());
        model.addAttribute("mayChange", caller.isRegulator());
        return "registry/operator";
    }

    @GetMapping("/registry/operators/new")
    String newOperator(Caller caller, Model model) {
        change.requireChanger(caller);
        return operatorForm(new OperatorForm("", "", "MY", ""), FormMistakes.NONE, model);
    }

    @PostMapping("/registry/operators")
    String addOperator(Caller caller, @ModelAttribute OperatorForm form, Model model, RedirectAttributes redirect) {
        change.requireChanger(caller);
        ChangeRegistry.NewOperator body = form.body();
        FormMistakes mistakes = check(body);
        if (mistakes.any()) {
            return operatorForm(form, mistakes, model);
        }
        try {
            OperatorView added = change.registerOperator(caller, body);
            redirect.addFlashAttribute("done", "registry.done.operator");
            return "redirect:/registry/operators/" + added.id();
        } catch (ProblemException problem) {
            refusedOnly(problem);
            return operatorForm(form, FormMistakes.of(problem, OperatorForm.FIELDS, Map.of("operator-exists", "id")),
                    model);
        }
    }

    @GetMapping("/registry/operators/{id}/shareholders")
    String shareholdersForm(Caller caller, @PathVariable String id, Model model) {
        change.requireChanger(caller);
        OperatorView operator = read.operator(caller, id);
        return shareholdersForm(operator, ShareholdersForm.of(operator), FormMistakes.NONE, model);
    }

    /** Replaces the operator's shareholders; mistakes are named by the row as the form numbers it. */
    @PostMapping("/registry/operators/{id}/shareholders")
    String setShareholders(Caller caller, @PathVariable String id, @RequestParam Map<String, String> params,
                           Model model, RedirectAttributes redirect) {
        change.requireChanger(caller);
        OperatorView operator = read.operator(caller, id);
        ShareholdersForm form = ShareholdersForm.of(params);
        List<Integer> filled = form.filled();
        Map<String, String> rowNames = new HashMap<>();
        List<ChangeRegistry.Holding> holdings = new ArrayList<>();
        try {
            for (int n = 0; n < filled.size(); n++) {
                int row = filled.get(n);
                HoldingRow r = form.rows().get(row);
                for (String member : List.of("", ".company", ".state", ".body", ".percent")) {
                    rowNames.put("holdings[" + n + "]" + member, "holdings[" + row + "]" + member);
                }
                holdings.add(new ChangeRegistry.Holding(given(r.company()), given(r.state()), given(r.body()),
                        number(r.percent(), "holdings[" + row + "].percent", BigDecimal::new)));
            }
            ChangeRegistry.Shareholders body = new ChangeRegistry.Shareholders(given(form.effective()), holdings);
            FormMistakes mistakes = check(body).renamed(rowNames);
            if (mistakes.any()) {
                return shareholdersForm(operator, form, mistakes, model);
            }
            change.setShareholders(caller, id, body);
            redirect.addFlashAttribute("done", "registry.done.shareholders");
            redirect.addFlashAttribute("doneId", id);
            return "redirect:/registry/operators/" + id;
        } catch (Unreadable unreadable) {
            return shareholdersForm(operator, form, unreadable.mistakes, model);
        } catch (ProblemException problem) {
            refusedOnly(problem);
            Set<String> fields = new HashSet<>(rowNames.keySet());
            fields.add("effective");
            return shareholdersForm(operator, form, FormMistakes.of(problem, fields, Map.of()).renamed(rowNames), model);
        }
    }

    private String shareholdersForm(OperatorView operator, ShareholdersForm form, FormMistakes mistakes, Model model) {
        model.addAttribute("tab", "operators");
        model.addAttribute("operator", operator);
        model.addAttribute("form", form);
        model.addAttribute("mistakes", mistakes);
        return "registry/shareholders-form";
    }

    private String operatorForm(OperatorForm form, FormMistakes mistakes, Model model) {
        model.addAttribute("tab", "operators");
        model.addAttribute("form", form);
        model.addAttribute("mistakes", mistakes);
        return "registry/operator-form";
    }

    // ---- facilities

    @GetMapping("/registry/facilities")
    String facilities(Caller caller, @RequestParam(defaultValue = "1") int page,
                      @RequestParam(defaultValue = "" + PAGE_SIZE) int size, Model model) {
        List<FacilityView> shown = own(caller, read.facilities(caller), FacilityView::operator);
        model.addAttribute("tab", "facilities");
        model.addAttribute("facilities", Paged.of(shown, page, size));
        model.addAttribute("mayChange", caller.isRegulator());
        return "registry/facilities";
    }

    @GetMapping("/registry/facilities/new")
    String newFacility(Caller caller, Model model) {
        change.requireChanger(caller);
        return facilityForm(new FacilityForm("", "", "", "", "MY", "", "", ""), FormMistakes.NONE, model);
    }

    @PostMapping("/registry/facilities")
    String addFacility(Caller caller, @ModelAttribute FacilityForm form, Model model, RedirectAttributes redirect) {
        change.requireChanger(caller);
        try {
            ChangeRegistry.NewFacility body = new ChangeRegistry.NewFacility(given(form.id()), given(form.operator()),
                    given(form.name()), value(form.kind(), "kind", FacilityKind::valueOf), given(form.country()),
                    blank(form.latitude()) && blank(form.longitude()) ? null : new ChangeRegistry.Location(
                            number(form.latitude(), "latitude", Double::valueOf),
                            number(form.longitude(), "longitude", Double::valueOf)),
                    null, given(form.effective()));
            FormMistakes mistakes = check(body).renamed(Map.of("location.latitude", "latitude",
                    "location.longitude", "longitude", "location", "latitude"));
            if (mistakes.any()) {
                return facilityForm(form, mistakes, model);
            }
            FacilityView added = change.registerFacility(caller, body);
            redirect.addFlashAttribute("done", "registry.done.facility");
            redirect.addFlashAttribute("doneId", added.id());
            return "redirect:/registry/facilities";
        } catch (Unreadable unreadable) {
            return facilityForm(form, unreadable.mistakes, model);
        } catch (ProblemException problem) {
            refusedOnly(problem);
            return facilityForm(form, FormMistakes.of(problem, FacilityForm.FIELDS,
                    Map.of("facility-exists", "id", "operator-unknown", "operator")).renamed(Map.of(
                    "location", "latitude")), model);
        }
    }

    private String facilityForm(FacilityForm form, FormMistakes mistakes, Model model) {
        model.addAttribute("tab", "facilities");
        model.addAttribute("form", form);
        model.addAttribute("mistakes", mistakes);
        model.addAttribute("kinds", FacilityKind.values());
        return "registry/facility-form";
    }

    // ---- licences and zones

    @GetMapping("/registry/licences")
    String licences(Caller caller, @RequestParam(defaultValue = "1") int page,
                    @RequestParam(defaultValue = "" + PAGE_SIZE) int size, Model model) {
        List<LicenceView> shown = own(caller, read.licences(caller), LicenceView::holder);
        List<FacilityView> facilities = own(caller, read.facilities(caller), FacilityView::operator);
        model.addAttribute("tab", "licences");
        model.addAttribute("licences", Paged.of(shown, page, size));
        model.addAttribute("leases", shown.stream().filter(l -> l.areaWkt() != null).count());
        model.addAttribute("geojson", json.writeValueAsString(map.of(read.zones(caller), shown, facilities)));
        model.addAttribute("mayChange", caller.isRegulator());
        return "registry/licences";
    }

    @GetMapping("/registry/licences/new")
    String newLicence(Caller caller, Model model) {
        change.requireChanger(caller);
        return licenceForm(new LicenceForm("", "", "", "", "MY", "", "", "", "", ""), FormMistakes.NONE, model);
    }

    @PostMapping("/registry/licences")
    String addLicence(Caller caller, @ModelAttribute LicenceForm form, Model model, RedirectAttributes redirect) {
        change.requireChanger(caller);
        try {
            ChangeRegistry.NewLicence body = new ChangeRegistry.NewLicence(given(form.id()),
                    value(form.kind(), "kind", LicenceKind::valueOf), given(form.holder()), given(form.facility()),
                    given(form.issuer()), given(form.from()), given(form.until()), area(form.area()),
                    number(form.annualQuotaKg(), "annualQuotaKg", BigDecimal::new), given(form.effective()));
            FormMistakes mistakes = check(body);
            if (mistakes.any()) {
                return licenceForm(form, mistakes, model);
            }
            LicenceView added = change.putLicence(caller, body);
            redirect.addFlashAttribute("done", "registry.done.licence");
            redirect.addFlashAttribute("doneId", added.id());
            return "redirect:/registry/licences";
        } catch (Unreadable unreadable) {
            return licenceForm(form, unreadable.mistakes, model);
        } catch (ProblemException problem) {
            refusedOnly(problem);
            return licenceForm(form, FormMistakes.of(problem, LicenceForm.FIELDS, Map.of()), model);
        }
    }

    private String licenceForm(LicenceForm form, FormMistakes mistakes, Model model) {
        model.addAttribute("tab", "licences");
        model.addAttribute("form", form);
        model.addAttribute("mistakes", mistakes);
        model.addAttribute("kinds", LicenceKind.values());
        return "registry/licence-form";
    }

    @GetMapping("/registry/zones")
    String zones(Caller caller, Model model) {
        List<ZoneView> zones = read.zones(caller);
        model.addAttribute("tab", "zones");
        model.addAttribute("zones", zones);
        model.addAttribute("geojson", json.writeValueAsString(map.of(zones, List.of(), List.of())));
        return "registry/zones";
    }

    // ---- agreements and history

    @GetMapping("/registry/agreements")
    String agreements(Caller caller, Model model) {
        model.addAttribute("tab", "agreements");
        model.addAttribute("agreements", own(caller, read.agreements(caller), AgreementView::recipient));
        model.addAttribute("mayChange", caller.isRegulator());
        return "registry/agreements";
    }

    @GetMapping("/registry/agreements/new")
    String newAgreement(Caller caller, Model model) {
        change.requireChanger(caller);
        return agreementForm(new AgreementForm("", "", "", "", "", "", "", "", ""), FormMistakes.NONE, model);
    }

    @PostMapping("/registry/agreements")
    String addAgreement(Caller caller, @ModelAttribute AgreementForm form, Model model, RedirectAttributes redirect) {
        change.requireChanger(caller);
        try {
            ChangeRegistry.NewAgreement body = new ChangeRegistry.NewAgreement(given(form.id()), given(form.licensor()),
                    given(form.licensorCountry()), value(form.category(), "category", TechnologyCategory::valueOf),
                    given(form.recipient()), given(form.from()), given(form.until()), given(form.conditions()),
                    given(form.effective()));
            FormMistakes mistakes = check(body);
            if (mistakes.any()) {
                return agreementForm(form, mistakes, model);
            }
            AgreementView added = change.putAgreement(caller, body);
            redirect.addFlashAttribute("done", "registry.done.agreement");
            redirect.addFlashAttribute("doneId", added.id());
            return "redirect:/registry/agreements";
        } catch (Unreadable unreadable) {
            return agreementForm(form, unreadable.mistakes, model);
        } catch (ProblemException problem) {
            refusedOnly(problem);
            return agreementForm(form, FormMistakes.of(problem, AgreementForm.FIELDS, Map.of()), model);
        }
    }

    private String agreementForm(AgreementForm form, FormMistakes mistakes, Model model) {
        model.addAttribute("tab", "agreements");
        model.addAttribute("form", form);
        model.addAttribute("mistakes", mistakes);
        model.addAttribute("categories", TechnologyCategory.values());
        return "registry/agreement-form";
    }

    /** Newest first: the change as the history records it, who made it, when it was recorded and takes effect. */
    @GetMapping("/registry/history")
    String history(Caller caller, @RequestParam(defaultValue = "1") int page,
                   @RequestParam(defaultValue = "" + PAGE_SIZE) int size, Model model) {
        List<VersionView> all = read.history(caller).stream()
                .sorted(Comparator.comparingLong(VersionView::sequence).reversed()).toList();
        Paged<VersionView> paged = Paged.of(all, page, size);
        model.addAttribute("tab", "history");
        model.addAttribute("versions", paged);
        model.addAttribute("changes", paged.rows().stream().map(v -> summary(v.change())).toList());
        return "registry/history";
    }

    /** A change in a line: its members as recorded, a long area cut short. */
    private String summary(JsonNode change) {
        String text = json.writeValueAsString(change);
        return text.length() > 240 ? text.substring(0, 239) + "…" : text;
    }

    // ---- how the forms become the API's bodies

    private FormMistakes check(Object body) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(body);
        return FormMistakes.of(violations);
    }

    /** A refusal that is not about what was typed (not allowed, say) is a failure page, as everywhere. */
    private static void refusedOnly(ProblemException problem) {
        if (problem.status() == HttpStatus.FORBIDDEN || problem.status() == HttpStatus.UNAUTHORIZED) {
            throw problem;
        }
    }

    private JsonNode area(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new Unreadable("area", "not GeoJSON: " + e.getOriginalMessage());
        }
    }

    private static <T> T number(String text, String field, Function<String, T> parse) {
        if (blank(text)) {
            return null;
        }
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new Unreadable(field, "'" + text + "' is not a number");
        }
    }

    private static <T> T value(String text, String field, Function<String, T> parse) {
        if (blank(text)) {
            return null;
        }
        try {
            return parse.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new Unreadable(field, "'" + text + "' is not one of the kinds listed");
        }
    }

    private static String given(String text) {
        return blank(text) ? null : text.trim();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** An operator's own entries for an operator; for anyone else what the use case gave. */
    private static <T> List<T> own(Caller caller, List<T> all, Function<T, String> operator) {
        if (caller.operatorId().isEmpty()) {
            return all;
        }
        Predicate<T> mine = row -> caller.actsFor(operator.apply(row));
        return all.stream().filter(mine).toList();
    }

    private OwnershipChart.Legend legend() {
        var locale = LocaleContextHolder.getLocale();
        return new OwnershipChart.Legend(messages.getMessage("registry.graph.company", null, locale),
                messages.getMessage("registry.graph.state-linked", null, locale),
                messages.getMessage("registry.graph.state", null, locale));
    }
}
