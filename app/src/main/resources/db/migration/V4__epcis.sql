-- EPCIS 2.0: every captured event (profile or not), capture jobs and their errors, tombstone-style.
-- Events that follow the rare-earth profile are also in ledger_event; this table is what the EPCIS query
-- interface answers from, in the standard's terms.

create table epcis_event (
    seq            bigserial primary key,
    -- the event's own eventID, or the one the capture assigned (urn:uuid from the event hash)
    event_id       text not null unique,
    -- GS1 CBV 2.0 event hash (ni:///sha-256;...?ver=CBV2.0): same event in XML or JSON, same hash
    event_hash     text not null,
    event_type     text not null,
    event_time     timestamptz not null,
    record_time    timestamptz not null,
    action         text,
    biz_step       text,
    disposition    text,
    read_point     text,
    biz_location   text,
    -- the facility (bizLocation, else readPoint) and its operator at capture: who may read the event
    facility_id    text references facility (id),
    operator_id    text references operator (id),
    -- epcList and childEPCs (MATCH_epc); with parentID, inputEPCList, outputEPCList (MATCH_anyEPC)
    epcs           text[] not null,
    any_epcs       text[] not null,
    -- quantityList and childQuantityList (MATCH_epcClass); with input and output lists (MATCH_anyEPCClass)
    epc_classes    text[] not null,
    any_epc_classes text[] not null,
    -- the ledger event it was booked as, for profile events
    ledger_event   text,
    capture_id     text,
    -- the event as a standalone JSON-LD object with its own @context: what queries answer with
    body           text not null
);

create index epcis_event_time on epcis_event (event_time);
create index epcis_event_record_time on epcis_event (record_time);
create index epcis_event_operator on epcis_event (operator_id, seq);
create index epcis_event_any_epcs on epcis_event using gin (any_epcs);
create index epcis_event_any_classes on epcis_event using gin (any_epc_classes);

create table capture_job (
    id              text primary key,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    running         boolean not null,
    success         boolean not null,
    error_behaviour text not null check (error_behaviour in ('rollback', 'proceed')),
    -- who captured: the caller's name and, for operators, its operator (who may read the job)
    created_by      text not null,
    operator_id     text,
    event_count     integer not null,
    stored_count    integer not null default 0
);

create index capture_job_operator on capture_job (operator_id, created_at);

-- one row per refused event (or per job-level failure, event_index null): the job's errors
create table capture_error (
    capture_id  text not null references capture_job (id),
    position    integer not null,
    event_index integer,
    event_id    text,
    type        text not null,
    title       text not null,
    detail      text not null,
    pointer     text,
    primary key (capture_id, position)
);
