-- Verification covers everything stored: what it cannot work out again from the ledger's hash chain, it finds under
-- a chain of its own.
--
-- 1. ledger_event.recorded_at is outside the events' hash chain (an event's link is fixed before the batch that
--    books it is written). The last event of every batch carries a receipt instead, chained from batch to batch:
--    receipt = SHA-256(previous receipt + "\n" + seq + " " + hash + " " + recorded_at in microseconds since 1970).
--    Every event of a batch was recorded at its receipt's instant, so one receipt seals the whole batch at the cost
--    of one hash per transaction.
-- 2. Rows that are records in their own right (the registry's versions, alerts and their audit trail, rule packs
--    and their audit trail) are sealed as they are inserted: each carries the hash of the one before it in its
--    table and its own, over all its columns but those that are derived and checked from elsewhere (an alert's
--    status, a pack's being in force). The head of each chain and its length are kept in ledger_seal, so that the
--    last row going, or a row appended, is found too.
--
-- A migration that adds a column to a sealed table changes what its rows hash to: it reseals the table with
-- select reseal('<table>', '<order>', '<columns left out>').

alter table ledger_event add column receipt text;

-- Writes the receipts of the books from the first event: for those of earlier releases, whose batches are the runs
-- of events recorded at the same instant.
create function write_receipts() returns void language plpgsql as
$$
declare
    previous text := repeat('0', 64);
    r record;
begin
    alter table ledger_event disable trigger ledger_event_append_only;
    update ledger_event set receipt = null where receipt is not null;
    for r in select seq, hash, recorded_at from (
                 select seq, hash, recorded_at, lead(recorded_at) over (order by seq) as next_recorded_at
                 from ledger_event) e
             where next_recorded_at is distinct from recorded_at order by seq loop
        previous := encode(sha256(convert_to(previous || E'\n' || r.seq || ' ' || r.hash || ' '
                        || (extract(epoch from r.recorded_at) * 1000000)::bigint, 'UTF8')), 'hex');
        update ledger_event set receipt = previous where seq = r.seq;
    end loop;
    alter table ledger_event enable trigger ledger_event_append_only;
end;
$$;

select write_receipts();

create table ledger_seal (
    -- the sealed table
    chain text primary key,
    rows  bigint not null,
    head  text not null
);

-- The link of a sealed row: its content as JSON (keys sorted, timestamps in UTC), without its own links and the
-- columns checked from elsewhere.
create function seal_link(previous text, content jsonb, excluded text[]) returns text
    language sql immutable as
$$
select encode(sha256(convert_to(previous || E'\n'
           || (content - coalesce(excluded, '{}') - 'previous_hash' - 'hash')::text, 'UTF8')), 'hex')
$$;

create function seal_of(previous text, content anyelement, excluded text[]) returns text
    language plpgsql stable set timezone to 'UTC' set extra_float_digits to 1 as
$$
begin
    return seal_link(previous, to_jsonb(content), excluded);
end;
$$;

-- Seals a row as it is inserted, after the last of its table; rows are sealed in the order their transactions take
-- the head, which verification follows link by link. The first row a transaction seals locks the table's seal;
-- its head then goes on in a transaction-local setting (undone with the transaction or a savepoint, as the rows
-- are) and is written to ledger_seal once, at commit: updating one row once per sealed row would leave a
-- transaction of thousands of alerts walking as many versions of it.
create function seal_row() returns trigger language plpgsql as
$$
declare
    head_setting text := 'reetrace.seal_head_' || tg_table_name;
    rows_setting text := 'reetrace.seal_rows_' || tg_table_name;
    h text := nullif(current_setting(head_setting, true), '');
begin
    if h is null then
        select head into h from ledger_seal where chain = tg_table_name for update;
        if not found then
            raise exception 'no seal for table %', tg_table_name;
        end if;
    end if;
    new.previous_hash := h;
    new.hash := seal_of(h, new, tg_argv);
    perform set_config(head_setting, new.hash, true);
    perform set_config(rows_setting,
        (coalesce(nullif(current_setting(rows_setting, true), ''), '0')::bigint + 1)::text, true);
    return new;
end;
$$;

-- At commit: the head and count the transaction's rows left, written once (later calls find nothing to add).
create function seal_head() returns trigger language plpgsql as
$$
declare
    head_setting text := 'reetrace.seal_head_' || tg_table_name;
    rows_setting text := 'reetrace.seal_rows_' || tg_table_name;
    added bigint := coalesce(nullif(current_setting(rows_setting, true), ''), '0')::bigint;
begin
    if added > 0 then
        update ledger_seal set head = current_setting(head_setting), rows = rows + added where chain = tg_table_name;
        perform set_config(rows_setting, '0', true);
    end if;
    return null;
end;
$$;

-- Seals a table's rows again from the first, in the given order, leaving out the columns named (as its trigger does).
create function reseal(t text, ordering text, left_out text[]) returns void
    language plpgsql set timezone to 'UTC' set extra_float_digits to 1 as
$$
declare
    h text := repeat('0', 64);
    link text;
    n bigint := 0;
    r record;
begin
    execute format('alter table %I disable trigger user', t);
    for r in execute format('select ctid as id, to_jsonb(x) as content from %I x order by %s', t, ordering) loop
        link := seal_link(h, r.content, left_out);
        execute format('update %I set previous_hash = $1, hash = $2 where ctid = $3', t) using h, link, r.id;
        h := link;
        n := n + 1;
    end loop;
    execute format('alter table %I enable trigger user', t);
    insert into ledger_seal (chain, rows, head) values (t, n, h)
    on conflict (chain) do update set rows = excluded.rows, head = excluded.head;
end;
$$;

alter table registry_version add column previous_hash text, add column hash text;
alter table alert add column previous_hash text, add column hash text;
alter table alert_audit add column previous_hash text, add column hash text;
alter table rule_pack add column previous_hash text, add column hash text;
alter table rule_pack_audit add column previous_hash text, add column hash text;

-- An alert's status and last change follow from its audit trail, a pack's being in force from its own.
create trigger registry_version_sealed before insert on registry_version for each row execute function seal_row();
create trigger alert_sealed before insert on alert for each row execute function seal_row('status', 'updated_at');
create trigger alert_audit_sealed before insert on alert_audit for each row execute function seal_row();
create trigger rule_pack_sealed before insert on rule_pack for each row execute function seal_row('enabled');
create trigger rule_pack_audit_sealed before insert on rule_pack_audit for each row execute function seal_row();
create constraint trigger registry_version_seal_head after insert on registry_version deferrable initially deferred
    for each row execute function seal_head();
create constraint trigger alert_seal_head after insert on alert deferrable initially deferred
    for each row execute function seal_head();
create constraint trigger alert_audit_seal_head after insert on alert_audit deferrable initially deferred
    for each row execute function seal_head();
create constraint trigger rule_pack_seal_head after insert on rule_pack deferrable initially deferred
    for each row execute function seal_head();
create constraint trigger rule_pack_audit_seal_head after insert on rule_pack_audit deferrable initially deferred
    for each row execute function seal_head();

select reseal('registry_version', 'seq', '{}');
select reseal('alert', 'id', '{status, updated_at}');
select reseal('alert_audit', 'id', '{}');
select reseal('rule_pack', 'loaded_at, name, version', '{enabled}');
select reseal('rule_pack_audit', 'id', '{}');

-- The registry's projection is worked out again from its versions by verification: a row was created with the
-- first version that put it, by that version's author.
update operator o set created_at = v.recorded_at, created_by = v.author
from (select distinct on (change ->> 'id') change ->> 'id' as id, recorded_at, author from registry_version
      where kind = 'PutOperator' order by change ->> 'id', seq) v
where v.id = o.id;
update facility f set created_at = v.recorded_at, created_by = v.author
from (select distinct on (change ->> 'id') change ->> 'id' as id, recorded_at, author from registry_version
      where kind = 'PutFacility' order by change ->> 'id', seq) v
where v.id = f.id;
