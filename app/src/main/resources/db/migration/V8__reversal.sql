-- Reversal of events booked in error (EPCIS error declarations): the original stays in ledger_event, a REVERSE
-- event follows it, and its lots return to their state before it. What that takes is kept per event here.

-- A lot whose creating event was reversed is VOID: it weighs nothing and its id may be booked again.
alter table lot drop constraint lot_status_check;
alter table lot add constraint lot_status_check
    check (status in ('ACTIVE', 'IN_TRANSIT', 'CONSUMED', 'EXPORTED', 'DISPOSED', 'VOID'));

-- For every accepted event: the lots it changed as it left them and as they were before it (a lot it created
-- is absent from "before"), and its change to the national balance. Append-only like the events.
create table ledger_undo (
    seq    bigint primary key references ledger_event (seq),
    before jsonb not null,
    after  jsonb not null,
    -- {"extracted": [...19], "imported": [...], "lost": [...], "unexplained": [...], "adjusted": [...]}, signed
    delta  jsonb not null
);

create function ledger_undo_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'ledger_undo is append-only: % of the undo of event % refused', tg_op, old.seq;
end;
$$;

create trigger ledger_undo_append_only
    before update or delete on ledger_undo
    for each row execute function ledger_undo_is_append_only();

-- a reversal is looked up by the event it reverses
create index ledger_event_reverses on ledger_event ((payload ->> 'original')) where type = 'REVERSE';

-- GS1 lets an error declaration carry the eventID of the event it declares wrong: the repository keeps the
-- original and the declaration side by side, one row each, and a query by eventID answers with both.
alter table epcis_event add column error_declaration boolean not null default false;
alter table epcis_event drop constraint epcis_event_event_id_key;
alter table epcis_event add constraint epcis_event_event_id_key unique (event_id, error_declaration);
