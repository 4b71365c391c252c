-- Named queries of the EPCIS REST binding (/epcis/queries/{name}) and their webhook subscriptions. A named query is
-- a SimpleEventQuery kept under a name by whoever made it; running it shows the runner only what the runner may see.
-- These rows are working state, not records: they are changed and deleted, and are not sealed.
create table named_query (
    name          text primary key,
    -- who made it: the caller's name, role and, for operators, its operator (whose events a run may show)
    owner_name    text not null,
    owner_role    text not null,
    owner_operator text,
    -- the query parameters as the binding's query object gives them: {"EQ_bizStep": ["shipping"], ...}
    query         jsonb not null,
    created_at    timestamptz not null
);

create index named_query_owner on named_query (owner_name, owner_role, created_at, name);

-- A webhook subscription delivers, at least once and in order, the events of its query after its cursor (the seq of
-- the last event the destination took). The cursor only moves once the destination answered 2xx, so that a
-- restart, or a destination that keeps failing, loses nothing.
create table query_subscription (
    id                  uuid primary key,
    query_name          text not null references named_query (name) on delete cascade,
    dest                text not null,
    signature_token     text,
    -- stream: every new event as soon as it is found; otherwise the cron-like schedule (JSON, as the binding says)
    stream              boolean not null,
    schedule            jsonb,
    report_if_empty     boolean not null,
    initial_record_time timestamptz,
    created_at          timestamptz not null,
    cursor_seq          bigint not null,
    last_notified_at    timestamptz,
    -- failed deliveries in a row, the last one's error, and when the next attempt (or scheduled run) is due
    failures            integer not null default 0,
    last_error          text,
    next_attempt_at     timestamptz not null,
    check (stream <> (schedule is not null))
);

create index query_subscription_query on query_subscription (query_name, created_at, id);
create index query_subscription_due on query_subscription (next_attempt_at);
