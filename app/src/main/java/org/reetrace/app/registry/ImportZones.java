package org.reetrace.app.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.RegistryViews.ZoneView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneKind;
import org.springframework.http.HttpStatus;

/**
 * Imports the zones of a GeoJSON FeatureCollection (forest reserves, water catchments, sensitive areas), all or
 * nothing: each feature's code and name from the properties {@code codeProperty} and {@code nameProperty}, its kind
 * from a property {@code kind} or the {@code kind} given.
 */
@UseCase
public class ImportZones {

    /**
     * @param kind      every zone's kind, unless a feature names its own; null: each feature must
     * @param validity  when the zones are in force
     * @param effective when the change takes effect; null: when it is recorded
     */
    public record Request(String geoJson, ZoneKind kind, String codeProperty, String nameProperty, Validity validity,
                          Instant effective) {
    }

    private final ChangeRegistry changes;

    public ImportZones(ChangeRegistry changes) {
        this.changes = changes;
    }

    /** @return the zones recorded, in the order of the features */
    public List<ZoneView> importZones(Caller caller, Request request) {
        caller.requireRegulator();
        List<Zone> zones;
        try {
            zones = GeoJson.zones(request.geoJson(), request.codeProperty(), request.nameProperty(), request.kind(),
                    request.validity());
        } catch (IllegalArgumentException e) {
            throw invalid("body", e.getMessage());
        }
        if (zones.isEmpty()) {
            throw invalid("features", "the FeatureCollection has no features");
        }
        changes.record(zones.stream().map(z -> new ChangeRegistry.Dated(new RegistryChange.PutZone(z),
                request.effective())).toList(), caller.name());
        return zones.stream().map(ZoneView::of).toList();
    }

    private static ProblemException invalid(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-geojson", "Invalid GeoJSON", reason,
                Map.of("errors", List.of(Map.of("field", field, "reason", reason))));
    }
}
