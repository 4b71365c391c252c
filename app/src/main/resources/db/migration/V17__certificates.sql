-- Certificates of origin: W3C verifiable credentials signed by the regulator's key, kept as issued (the compact JWS)
-- with what revokes them. Each holds one entry of a Bitstring Status List (list, index); revoking sets its bit.
create table certificate (
    id            text primary key,
    lot_id        text not null references lot (id),
    issued_at     timestamptz not null,
    issued_by     text not null,
    key_id        text not null,
    status_list   integer not null check (status_list > 0),
    status_index  integer not null check (status_index >= 0),
    -- the compact JWS, exactly as signed
    jws           text not null,
    -- the ledger events behind it (event ids) and every lot of its upstream trace, so that a reversal of any of
    -- them finds the certificates it invalidates; neither is shown to the public beyond what the credential says
    event_ids     text[] not null,
    trace_lots    text[] not null,
    revoked_at    timestamptz,
    revoked_reason text,
    constraint certificate_status_entry unique (status_list, status_index),
    constraint certificate_revocation check ((revoked_at is null) = (revoked_reason is null))
);

create index certificate_lot on certificate (lot_id, issued_at);
create index certificate_event_ids on certificate using gin (event_ids);
create index certificate_trace_lots on certificate using gin (trace_lots);

-- status list entries are handed out in order; the sequence survives deletions and concurrent issuers
create sequence certificate_status_entry_seq minvalue 0 start with 0;
