package org.reetrace.app.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.reetrace.app.registry.SetPublicDisclosure.DisclosureView;
import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The regulator's setting of what the PUBLIC role reads of the registry, and its history. */
@RestController
public class PublicDisclosureController {

    /** @param open the categories to open; every other one is closed */
    @Schema(description = "The categories of the registry to open to the public; every other one is closed")
    public record NewSetting(@NotNull List<PublicDisclosure.@NotNull Category> open) {
    }

    private final SetPublicDisclosure disclosure;

    public PublicDisclosureController(SetPublicDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    @Operation(summary = "Read the public disclosure",
            description = "What of the registry is open to the public, what is closed, what is always open, and every"
                    + " setting with who made it.")
    @GetMapping("/api/registry/public-disclosure")
    public DisclosureView current(Caller caller) {
        return disclosure.current(caller);
    }

    @Operation(summary = "Set the public disclosure",
            description = "The regulator opens categories of the registry to the public and closes every other one;"
                    + " the setting before stays in the history.")
    @PutMapping("/api/registry/public-disclosure")
    public DisclosureView set(Caller caller, @Valid @RequestBody NewSetting body) {
        return disclosure.set(caller, body.open());
    }
}
