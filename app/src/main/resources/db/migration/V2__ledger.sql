-- The ledger: accepted events (append-only, hash-chained) and the state they produce, written in the same
-- transaction by the single ledger writer.

create table ledger_event (
    seq            bigint primary key check (seq > 0),
    event_id       text not null unique,
    type           text not null,
    facility_id    text not null references facility (id),
    event_time     timestamptz not null,
    recorded_at    timestamptz not null,
    -- SHA-256 of the event's canonical form: the same id with other content is a conflict
    content_digest text not null,
    -- the event in the native JSON form, normalised (compositions in mg)
    payload        jsonb not null,
    lots           text[] not null,
    previous_hash  text not null,
    hash           text not null unique
);

create index ledger_event_facility_time on ledger_event (facility_id, event_time);

-- History is never rewritten: corrections are new events.
create function ledger_event_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'ledger_event is append-only: % of event % refused', tg_op, old.event_id;
end;
$$;

create trigger ledger_event_append_only
    before update or delete on ledger_event
    for each row execute function ledger_event_is_append_only();

create table lot (
    id             text primary key,
    form           text not null,
    mass_mg        bigint not null check (mass_mg >= 0),
    composition    bigint[] not null check (cardinality(composition) = 19),
    facility_id    text not null references facility (id),
    holder_id      text not null references operator (id),
    status         text not null check (status in ('ACTIVE', 'IN_TRANSIT', 'CONSUMED', 'EXPORTED', 'DISPOSED')),
    destination_id text references facility (id),
    activity_bq_g  numeric,
    -- [{"origin": {"kind", "source", "country"}, "stages": [{"kind", "country", "technologyCountry"}], "mg": [...19]}]
    pedigree       jsonb not null,
    created_seq    bigint not null references ledger_event (seq),
    updated_seq    bigint not null references ledger_event (seq)
);

create index lot_facility_active on lot (facility_id) where status = 'ACTIVE';
create index lot_holder on lot (holder_id);

-- parent went, in part or whole, into child
create table lineage (
    parent_id text not null references lot (id),
    child_id  text not null references lot (id),
    seq       bigint not null references ledger_event (seq),
    primary key (parent_id, child_id)
);

create index lineage_child on lineage (child_id);

-- element masses of the active lots at each facility
create table facility_stock (
    facility_id text primary key references facility (id),
    composition bigint[] not null check (cardinality(composition) = 19),
    updated_seq bigint not null
);

-- the national element account and the head of the chain; one row
create table ledger_balance (
    singleton   boolean primary key default true check (singleton),
    seq         bigint not null,
    head        text not null,
    extracted   bigint[] not null,
    imported    bigint[] not null,
    lost        bigint[] not null,
    unexplained bigint[] not null,
    adjusted    bigint[] not null
);

insert into ledger_balance (seq, head, extracted, imported, lost, unexplained, adjusted)
values (0, repeat('0', 64), array_fill(0::bigint, array[19]), array_fill(0::bigint, array[19]),
        array_fill(0::bigint, array[19]), array_fill(0::bigint, array[19]), array_fill(0::bigint, array[19]));
