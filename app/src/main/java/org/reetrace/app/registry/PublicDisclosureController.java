package org.reetrace.app.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The regulator's setting of what the PUBLIC role reads of the registry, and its history. */
@RestController
public class PublicDisclosureController {

    /** @param open the categories to open; every other one is closed */
    public record NewSetting(@NotNull List<PublicDisclosure.@NotNull Category> open) {
    }

    public record SettingView(long sequence, List<PublicDisclosure.Category> open, String changedBy, Instant changedAt) {
        static SettingView of(PublicDisclosure.Setting s) {
            return new SettingView(s.sequence(), s.openedInOrder(), s.changedBy(), s.changedAt());
        }
    }

    /**
     * @param open     what is open now
     * @param always   what is open whatever the setting
     * @param history  every setting, oldest first, with who made it
     */
    public record DisclosureView(List<PublicDisclosure.Category> open, List<PublicDisclosure.Category> closed,
                                 List<String> always, List<SettingView> history) {
    }

    private static final List<String> ALWAYS = List.of("operator: id, name, country",
            "facility: id, operator, name, kind, country");

    private final PublicDisclosure disclosure;

    public PublicDisclosureController(PublicDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    @GetMapping("/api/registry/public-disclosure")
    public DisclosureView current(Caller caller) {
        return view();
    }

    @PutMapping("/api/registry/public-disclosure")
    public DisclosureView set(Caller caller, @Valid @RequestBody NewSetting body) {
        caller.requireRegulator();
        disclosure.set(body.open().isEmpty() ? Set.of() : EnumSet.copyOf(body.open()), caller.name());
        return view();
    }

    private DisclosureView view() {
        List<PublicDisclosure.Setting> history = disclosure.history();
        Set<PublicDisclosure.Category> open = history.isEmpty() ? Set.of() : history.getLast().opened();
        List<PublicDisclosure.Category> opened = new ArrayList<>();
        List<PublicDisclosure.Category> closed = new ArrayList<>();
        for (PublicDisclosure.Category c : PublicDisclosure.Category.values()) {
            (open.contains(c) ? opened : closed).add(c);
        }
        return new DisclosureView(opened, closed, ALWAYS, history.stream().map(SettingView::of).toList());
    }
}
