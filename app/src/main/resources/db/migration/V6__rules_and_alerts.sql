-- Rule packs as loaded by the regulator (their text, so the rule book is rebuilt after a restart), what was
-- done to them and by whom, and the alerts that FLAG rules raise at ingest with their audit trail.

create table rule_pack (
    name         text not null,
    version      text not null,
    jurisdiction text not null,
    title        text not null,
    digest       text not null,
    source       text not null,
    text         text not null,
    enabled      boolean not null,
    loaded_at    timestamptz not null,
    loaded_by    text not null,
    primary key (name, version)
);

-- at most one version of a pack is in force
create unique index rule_pack_one_enabled on rule_pack (name) where enabled;

create table rule_pack_audit (
    id      bigserial primary key,
    name    text not null,
    version text not null,
    action  text not null check (action in ('LOADED', 'ENABLED', 'DISABLED')),
    author  text not null,
    at      timestamptz not null
);

create table alert (
    id            bigserial primary key,
    event_seq     bigint not null references ledger_event (seq),
    event_id      text not null,
    facility_id   text not null references facility (id),
    operator_id   text not null references operator (id),
    event_time    timestamptz not null,
    raised_at     timestamptz not null,
    pack          text not null,
    pack_version  text not null,
    pack_digest   text not null,
    rule_id       text not null,
    jurisdiction  text not null,
    citation      text not null,
    outcome       text not null check (outcome in ('FAILED', 'ERROR')),
    message       text not null,
    detail        text not null,
    status        text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    updated_at    timestamptz not null
);

create index alert_status on alert (status, id);
create index alert_rule on alert (rule_id);
create index alert_facility on alert (facility_id);

create table alert_audit (
    id       bigserial primary key,
    alert_id bigint not null references alert (id),
    status   text not null,
    comment  text not null,
    author   text not null,
    at       timestamptz not null
);

create index alert_audit_alert on alert_audit (alert_id, id);
