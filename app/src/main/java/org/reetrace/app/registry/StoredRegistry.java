package org.reetrace.app.registry;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.reetrace.app.web.ProblemException;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators and facilities, stored in PostgreSQL and held in memory for the ledger writer, which looks a
 * facility up for every event. The registry is small (thousands of rows), so it is read whole at start.
 */
@Component
public class StoredRegistry implements Registry {

    private final JdbcClient jdbc;
    private final Map<OperatorId, Operator> operators = new ConcurrentHashMap<>();
    private final Map<FacilityId, Facility> facilities = new ConcurrentHashMap<>();

    public StoredRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
        load();
    }

    /** Reads the stored registry again (after another process changed it). */
    public void reload() {
        load();
    }

    private void load() {
        Map<OperatorId, Operator> ops = new HashMap<>();
        jdbc.sql("select id, name, country from operator").query((rs, n) -> new Operator(
                OperatorId.of(rs.getString(1)), rs.getString(2), CountryCode.of(rs.getString(3))))
                .list().forEach(o -> ops.put(o.id(), o));
        Map<FacilityId, Map<ProcessKind, CountryCode>> processes = new HashMap<>();
        jdbc.sql("select facility_id, process, technology_country from facility_process").query(rs -> {
            processes.computeIfAbsent(FacilityId.of(rs.getString(1)), k -> new EnumMap<>(ProcessKind.class))
                    .put(ProcessKind.valueOf(rs.getString(2)), CountryCode.of(rs.getString(3)));
        });
        Map<FacilityId, Facility> fs = new HashMap<>();
        jdbc.sql("select id, operator_id, name, kind, country, latitude, longitude from facility").query((rs, n) -> {
            FacilityId id = FacilityId.of(rs.getString(1));
            double lat = rs.getDouble(6);
            GeoPoint location = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble(7));
            return new Facility(id, OperatorId.of(rs.getString(2)), rs.getString(3),
                    FacilityKind.valueOf(rs.getString(4)), CountryCode.of(rs.getString(5)), location,
                    processes.getOrDefault(id, Map.of()));
        }).list().forEach(f -> fs.put(f.id(), f));
        operators.keySet().retainAll(ops.keySet());
        operators.putAll(ops);
        facilities.keySet().retainAll(fs.keySet());
        facilities.putAll(fs);
    }

    @Override
    public Optional<Facility> facility(FacilityId id) {
        return Optional.ofNullable(facilities.get(id));
    }

    @Override
    public Optional<Operator> operator(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    public List<Operator> operators() {
        return operators.values().stream().sorted(Comparator.comparing(Operator::id)).toList();
    }

    public List<Facility> facilities() {
        return facilities.values().stream().sorted(Comparator.comparing(Facility::id)).toList();
    }

    @Transactional
    public Operator add(Operator operator, String by) {
        if (operators.containsKey(operator.id())) {
            throw ProblemException.conflict("operator-exists", "Operator exists", "operator " + operator.id() + " already exists");
        }
        jdbc.sql("insert into operator (id, name, country, created_by) values (?, ?, ?, ?)")
                .params(operator.id().value(), operator.name(), operator.country().alpha2(), by).update();
        operators.put(operator.id(), operator);
        return operator;
    }

    @Transactional
    public Facility add(Facility facility, String by) {
        if (facilities.containsKey(facility.id())) {
            throw ProblemException.conflict("facility-exists", "Facility exists", "facility " + facility.id() + " already exists");
        }
        if (!operators.containsKey(facility.operator())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "operator-unknown", "Unknown operator",
                    "no operator " + facility.operator() + " for facility " + facility.id(),
                    Map.of("field", "operator"));
        }
        jdbc.sql("""
                insert into facility (id, operator_id, name, kind, country, latitude, longitude, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(facility.id().value(), facility.operator().value(), facility.name(), facility.kind().name(),
                        facility.country().alpha2(), facility.position().map(GeoPoint::latitude).orElse(null),
                        facility.position().map(GeoPoint::longitude).orElse(null), by)
                .update();
        facility.technology().forEach((process, country) -> jdbc.sql(
                "insert into facility_process (facility_id, process, technology_country) values (?, ?, ?)")
                .params(facility.id().value(), process.name(), country.alpha2()).update());
        facilities.put(facility.id(), facility);
        return facility;
    }
}
