-- The registry's history: one row per recorded change (org.reetrace.core.registry.RegistryVersion), with the
-- instant it takes effect and who made it. The application restores the versioned registry from these rows at
-- start; the tables operator, facility and facility_process of V1 stay the current projection that the ledger's
-- foreign keys point at. Areas are stored as WKT inside the change.

create table registry_version (
    seq         bigint primary key check (seq > 0),
    -- null: in force from the start of the records (a registration that predates the ledger)
    effective   timestamptz,
    recorded_at timestamptz not null,
    author      text not null check (author <> ''),
    kind        text not null,
    change      jsonb not null
);

create index registry_version_effective on registry_version (effective);

create function registry_version_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'registry_version is append-only: % of version % refused', tg_op, old.seq;
end;
$$;

create trigger registry_version_append_only
    before update or delete on registry_version
    for each row execute function registry_version_is_append_only();
