package org.reetrace.app.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/**
 * The regulator's setting of what the PUBLIC role reads of the registry, and its history; anyone reads the setting.
 */
@UseCase
public class SetPublicDisclosure {

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

    public SetPublicDisclosure(PublicDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    public DisclosureView current(Caller caller) {
        List<PublicDisclosure.Setting> history = disclosure.history();
        Set<PublicDisclosure.Category> open = history.isEmpty() ? Set.of() : history.getLast().opened();
        List<PublicDisclosure.Category> opened = new ArrayList<>();
        List<PublicDisclosure.Category> closed = new ArrayList<>();
        for (PublicDisclosure.Category c : PublicDisclosure.Category.values()) {
            (open.contains(c) ? opened : closed).add(c);
        }
        return new DisclosureView(opened, closed, ALWAYS, history.stream().map(SettingView::of).toList());
    }

    /** Opens {@code open} to the public and closes every other category; the setting before stays in the history. */
    public DisclosureView set(Caller caller, List<PublicDisclosure.Category> open) {
        caller.requireRegulator();
        disclosure.set(open.isEmpty() ? Set.of() : EnumSet.copyOf(open), caller.name());
        return current(caller);
    }
}
