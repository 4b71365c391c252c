package org.reetrace.app.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.Registry;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.VersionedRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned registry, stored one row per {@link RegistryVersion} in {@code registry_version} and held in memory
 * as a {@link VersionedRegistry} for the ledger writer and the rules, which look it up for every event. The registry
 * is small (thousands of changes), so it is restored whole at start. A change is checked by recording it in memory
 * first (the core refuses anything that would leave any later state of the registry invalid) and stored only if
 * accepted; if storing fails, memory is restored to the history before it.
 *
 * <p>The tables {@code operator}, {@code facility} and {@code facility_process} are kept as the projection of the
 * latest registry, because the ledger's foreign keys point at them. In a database without versions (written by a
 * release before them) the rows found there are adopted at load as registrations in force from the start of the
 * records, so that nothing the ledger refers to is missing from the history; once there are versions, a row without
 * one is a change made around the registry, which verification reports.
 */
@Repository
public class StoredRegistry implements Registry {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile VersionedRegistry versions = VersionedRegistry.restore(List.of());

    public StoredRegistry(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        load();
    }

    /** Reads the stored registry again (after another process changed it). */
    public synchronized void reload() {
        load();
    }

    private void load() {
        List<RegistryVersion> stored = jdbc.sql("select seq, effective, recorded_at, author, change::text "
                + "from registry_version order by seq").query((rs, n) -> {
            Timestamp effective = rs.getTimestamp(2);
            return new RegistryVersion(rs.getLong(1), effective == null ? Instant.MIN : effective.toInstant(),
                    rs.getTimestamp(3).toInstant(), rs.getString(4), RegistryChangeJson.read(JSON.readTree(rs.getString(5))));
        }).list();
        versions = VersionedRegistry.restore(stored);
        // once the registry has versions, a projection row without one was written around it: verification
        // reports it rather than the registry taking it in
        if (stored.isEmpty()) {
            adoptUnversionedRows();
        }
    }

    private void adoptUnversionedRows() {
        RegistrySnapshot latest = versions.latest();
        record Row(String by, RegistryChange change) {
        }
        List<Row> adopt = new ArrayList<>();
        jdbc.sql("select id, name, country, created_by from operator order by created_at, id").query(rs -> {
            OperatorId id = OperatorId.of(rs.getString(1));
            if (latest.operator(id).isEmpty()) {
                adopt.add(new Row(rs.getString(4), new RegistryChange.PutOperator(
                        new Operator(id, rs.getString(2), CountryCode.of(rs.getString(3))))));
            }
        });
        Map<FacilityId, List<ProcessTechnology>> processes = new HashMap<>();
        jdbc.sql("select facility_id, process, technology_country from facility_process").query(rs -> {
            processes.computeIfAbsent(FacilityId.of(rs.getString(1)), k -> new ArrayList<>())
                    // registered before technologies had licensors and capacities: neither is known
                    .add(ProcessTechnology.unnamed(ProcessKind.valueOf(rs.getString(2)), CountryCode.of(rs.getString(3))));
        });
        jdbc.sql("select id, operator_id, name, kind, country, latitude, longitude, created_by from facility "
                + "order by created_at, id").query(rs -> {
            FacilityId id = FacilityId.of(rs.getString(1));
            if (latest.facility(id).isEmpty()) {
                double lat = rs.getDouble(6);
                GeoPoint location = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble(7));
                adopt.add(new Row(rs.getString(8), new RegistryChange.PutFacility(RegisteredFacility.of(id,
                        OperatorId.of(rs.getString(2)), rs.getString(3), FacilityKind.valueOf(rs.getString(4)),
                        CountryCode.of(rs.getString(5)), location, processes.getOrDefault(id, List.of())))));
            }
        });
        for (Row r : adopt) {
            record(List.of(new Change(r.change(), Instant.MIN)), r.by());
        }
        // an adopted row is created, as every row of the projection, with the version that first puts it
        for (String table : List.of("operator", "facility")) {
            jdbc.sql("update " + table + " t set created_at = v.recorded_at, created_by = v.author from (select distinct"
                    + " on (change ->> 'id') change ->> 'id' as id, recorded_at, author from registry_version where kind = ?"
                    + " order by change ->> 'id', seq) v where v.id = t.id and t.created_at <> v.recorded_at")
                    .param(table.equals("operator") ? "PutOperator" : "PutFacility").update();
        }
    }

    /** A change and the instant it takes effect ({@link Instant#MIN}: from the start of the records). */
    public record Change(RegistryChange change, Instant effective) {
    }

    /**
     * Records changes, all or nothing, in order.
     *
     * @return the versions as stored
     * @throws RegistryChangeRefused naming the change and the reason; nothing changed
     */
    public synchronized List<RegistryVersion> record(List<Change> changes, String author) {
        VersionedRegistry before = versions;
        List<RegistryVersion> history = before.history();
        VersionedRegistry next = VersionedRegistry.restore(history);
        List<RegistryVersion> recorded = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            try {
                recorded.add(next.record(c.change(), c.effective(), author, now));
            } catch (IllegalArgumentException e) {
                throw new RegistryChangeRefused(c.change(), c.effective(), changes.size() > 1 ? i : null, e);
            }
        }
        tx.executeWithoutResult(status -> {
            for (RegistryVersion v : recorded) {
                jdbc.sql("insert into registry_version (seq, effective, recorded_at, author, kind, change) "
                        + "values (?, ?, ?, ?, ?, ?::jsonb)")
                        .params(v.sequence(), v.effective().equals(Instant.MIN) ? null : Timestamp.from(v.effective()),
                                Timestamp.from(v.recorded()), v.author(), RegistryChangeJson.kind(v.change()),
                                RegistryChangeJson.write(v.change()).toString())
                        .update();
                project(next.latest(), v, author);
            }
        });
        versions = next;
        return recorded;
    }

    public RegistryVersion record(RegistryChange change, Instant effective, String author) {
        return record(List.of(new Change(change, effective)), author).getFirst();
    }

    /** Keeps the foreign-key tables equal to the latest registry for what the change touched. */
    private void project(RegistrySnapshot latest, RegistryVersion version, String by) {
        // a row is created with the version that first puts it, so that verification can work it out again
        Timestamp created = Timestamp.from(version.recorded());
        switch (version.change()) {
            case RegistryChange.PutOperator p -> {
                Operator o = latest.operator(p.operator().id()).orElseThrow();
                jdbc.sql("insert into operator (id, name, country, created_at, created_by) values (?, ?, ?, ?, ?) "
                        + "on conflict (id) do update set name = excluded.name, country = excluded.country")
                        .params(o.id().value(), o.name(), o.country().alpha2(), created, by).update();
            }
            case RegistryChange.PutFacility p -> {
                Facility f = latest.facility(p.facility().id()).orElseThrow();
                jdbc.sql("""
                        insert into facility (id, operator_id, name, kind, country, latitude, longitude, created_at,
                            created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set operator_id = excluded.operator_id, name = excluded.name,
                            kind = excluded.kind, country = excluded.country, latitude = excluded.latitude,
                            longitude = excluded.longitude""")
                        .params(f.id().value(), f.operator().value(), f.name(), f.kind().name(), f.country().alpha2(),
                                f.position().map(GeoPoint::latitude).orElse(null),
                                f.position().map(GeoPoint::longitude).orElse(null), created, by)
                        .update();
                jdbc.sql("delete from facility_process where facility_id = ?").param(f.id().value()).update();
                f.technology().forEach((process, country) -> jdbc.sql(
                        "insert into facility_process (facility_id, process, technology_country) values (?, ?, ?)")
                        .params(f.id().value(), process.name(), country.alpha2()).update());
            }
            default -> {
            }
        }
    }

    // ---- reading

    /** The instant a change without an effective instant takes effect: when it is recorded. */
    public Instant now() {
        return clock.instant();
    }

    public VersionedRegistry versions() {
        return versions;
    }

    /** The registry as it stood at {@code at}: what an event of that time is checked against. */
    @Override
    public RegistrySnapshot asOf(Instant at) {
        return versions.asOf(at);
    }

    /** Every recorded change applied, including those that take effect later. */
    public RegistrySnapshot latest() {
        return versions.latest();
    }

    public List<RegistryVersion> history() {
        return versions.history();
    }

    @Override
    public Optional<Facility> facility(FacilityId id) {
        return versions.latest().facility(id);
    }

    @Override
    public Optional<Operator> operator(OperatorId id) {
        return versions.latest().operator(id);
    }

    public List<Operator> operators() {
        return versions.latest().operators().stream().sorted(Comparator.comparing(Operator::id)).toList();
    }

    public List<Facility> facilities() {
        return versions.latest().facilities().stream().map(RegisteredFacility::facility)
                .sorted(Comparator.comparing(Facility::id)).toList();
    }

    // ---- registrations without a date (tools and tests that predate the versioned registry)

    /**
     * Registers a new operator in force from the start of the records.
     * @throws IllegalArgumentException if it exists
     */
    public Operator add(Operator operator, String by) {
        if (operator(operator.id()).isPresent()) {
            throw new IllegalArgumentException("operator " + operator.id() + " already exists");
        }
        record(new RegistryChange.PutOperator(operator), Instant.MIN, by);
        return operator;
    }

    /**
     * Registers a new facility in force from the start of the records, its processes with an unnamed licensor
     * and no registered capacity. @throws IllegalArgumentException if it exists or its operator is unknown
     */
    public Facility add(Facility facility, String by) {
        if (facility(facility.id()).isPresent()) {
            throw new IllegalArgumentException("facility " + facility.id() + " already exists");
        }
        if (operator(facility.operator()).isEmpty()) {
            throw new IllegalArgumentException("no operator " + facility.operator() + " for facility " + facility.id());
        }
        record(new RegistryChange.PutFacility(RegisteredFacility.of(facility)), Instant.MIN, by);
        return facility;
    }
}
