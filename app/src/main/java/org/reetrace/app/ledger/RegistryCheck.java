package org.reetrace.app.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.reetrace.app.registry.RegistryChangeJson;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.VersionedRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Restores the registry from its stored versions alone (never from the running application's memory, which a
 * change around it would not reach) for the replay, and checks its projection against it: the operators, facilities
 * and facility processes are those of the latest registry, each row created with the first version that put it.
 */
@Repository
class RegistryCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHECK = "registry-projection";

    /** When and by whom a row of the projection was first put. */
    record Creation(Instant at, String by) {
    }

    /** The registry its versions make, and when and by whom each operator and facility was first put. */
    record Restored(VersionedRegistry registry, Map<String, Creation> operatorsPut,
                    Map<String, Creation> facilitiesPut) {
    }

    private final JdbcTemplate jdbc;

    RegistryCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The registry as its versions make it; an empty one (and findings) if they cannot be read or restored. */
    Restored restore(Findings findings) {
        List<RegistryVersion> versions = new ArrayList<>();
        Map<String, Creation> operatorsPut = new HashMap<>();
        Map<String, Creation> facilitiesPut = new HashMap<>();
        jdbc.query("select seq, effective, recorded_at, author, kind, change::text from registry_version order by seq",
                rs -> {
                    long seq = rs.getLong(1);
                    Timestamp effective = rs.getTimestamp(2);
                    Timestamp recorded = rs.getTimestamp(3);
                    RegistryChange change;
                    try {
                        change = RegistryChangeJson.read(JSON.readTree(rs.getString(6)));
                    } catch (RuntimeException e) {
                        findings.add("registry_version", String.valueOf(seq), "registry-history",
                                "registry version " + seq + " cannot be read: " + e.getMessage());
                        return;
                    }
                    if (!RegistryChangeJson.kind(change).equals(rs.getString(5))) {
                        findings.add("registry_version", String.valueOf(seq), "registry-history", "registry version "
                                + seq + " is of kind " + rs.getString(5) + " but records a "
                                + RegistryChangeJson.kind(change));
                    }
                    switch (change) {
                        case RegistryChange.PutOperator p -> operatorsPut.putIfAbsent(p.operator().id().value(),
                                new Creation(recorded.toInstant(), rs.getString(4)));
                        case RegistryChange.PutFacility p -> facilitiesPut.putIfAbsent(p.facility().id().value(),
                                new Creation(recorded.toInstant(), rs.getString(4)));
                        default -> {
                        }
                    }
                    versions.add(new RegistryVersion(seq, effective == null ? Instant.MIN : effective.toInstant(),
                            recorded.toInstant(), rs.getString(4), change));
                });
        try {
            return new Restored(VersionedRegistry.restore(versions), operatorsPut, facilitiesPut);
        } catch (IllegalArgumentException e) {
            findings.add("registry_version", null, "registry-history", "the registry's history does not restore: "
                    + e.getMessage());
            return new Restored(VersionedRegistry.restore(List.of()), operatorsPut, facilitiesPut);
        }
    }

    void checkProjection(Restored restored, Findings findings) {
        VersionedRegistry registry = restored.registry();
        Map<String, Creation> operatorsPut = restored.operatorsPut();
        Map<String, Creation> facilitiesPut = restored.facilitiesPut();
        Map<String, Operator> operators = new HashMap<>();
        registry.latest().operators().forEach(o -> operators.put(o.id().value(), o));
        jdbc.query("select id, name, country, created_at, created_by from operator", rs -> {
            String id = rs.getString(1);
            Operator o = operators.remove(id);
            if (o == null) {
                findings.add("operator", id, CHECK, "operator " + id + " is put by no registry version");
            } else if (!o.name().equals(rs.getString(2)) || !o.country().alpha2().equals(rs.getString(3))
                    || !created(operatorsPut.get(id), rs.getTimestamp(4), rs.getString(5))) {
                findings.add("operator", id, CHECK, "operator " + id + " differs from the registry's versions");
            }
        });
        operators.keySet().forEach(id -> findings.add("operator", id, CHECK, "operator " + id + " is missing"));

        Map<String, Facility> facilities = new HashMap<>();
        Set<String> processes = new HashSet<>();
        for (RegisteredFacility r : registry.latest().facilities()) {
            Facility f = r.facility();
            facilities.put(f.id().value(), f);
            f.technology().forEach((p, c) -> processes.add(f.id().value() + " " + p.name() + " " + c.alpha2()));
        }
        jdbc.query("select id, operator_id, name, kind, country, latitude, longitude, created_at, created_by "
                + "from facility", rs -> {
            String id = rs.getString(1);
            Facility f = facilities.remove(id);
            Double latitude = (Double) rs.getObject(6);
            Double longitude = (Double) rs.getObject(7);
            if (f == null) {
                findings.add("facility", id, CHECK, "facility " + id + " is put by no registry version");
            } else if (!f.operator().value().equals(rs.getString(2)) || !f.name().equals(rs.getString(3))
                    || !f.kind().name().equals(rs.getString(4)) || !f.country().alpha2().equals(rs.getString(5))
                    || !Objects.equals(f.position().map(GeoPoint::latitude).orElse(null), latitude)
                    || !Objects.equals(f.position().map(GeoPoint::longitude).orElse(null), longitude)
                    || !created(facilitiesPut.get(id), rs.getTimestamp(8), rs.getString(9))) {
                findings.add("facility", id, CHECK, "facility " + id + " differs from the registry's versions");
            }
        });
        facilities.keySet().forEach(id -> findings.add("facility", id, CHECK, "facility " + id + " is missing"));

        jdbc.query("select facility_id, process, technology_country from facility_process", rs -> {
            String row = rs.getString(1) + " " + rs.getString(2);
            if (!processes.remove(row + " " + rs.getString(3))) {
                findings.add("facility_process", row, CHECK, "facility " + rs.getString(1) + " is registered for "
                        + rs.getString(2) + " with technology of " + rs.getString(3) + " by no registry version");
            }
        });
        processes.forEach(p -> findings.add("facility_process", p.substring(0, p.lastIndexOf(' ')), CHECK,
                "the registration of facility process " + p + " is missing"));
    }

    private static boolean created(Creation put, Timestamp at, String by) {
        return put != null && at != null && put.at().equals(at.toInstant()) && put.by().equals(by);
    }
}
