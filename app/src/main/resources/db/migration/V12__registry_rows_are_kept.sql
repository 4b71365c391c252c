-- The books name facilities and operators in every event and lot they write. A key from each of those rows into the
-- registry cost a look-up per event and per lot written, about a fifth of the database's share of ingest, to guard
-- one thing: that a facility or operator the books name is never removed. That is guarded here instead, where it can
-- happen and once: the registry's current projection keeps every row it ever had (a closed facility is a new
-- version in registry_version, never a deleted row), and the writer books only events at facilities that the
-- registry knows at their time.
alter table ledger_event drop constraint ledger_event_facility_id_fkey;
alter table lot drop constraint lot_facility_id_fkey;
alter table lot drop constraint lot_holder_id_fkey;
alter table lot drop constraint lot_destination_id_fkey;
alter table epcis_event drop constraint epcis_event_facility_id_fkey;
alter table epcis_event drop constraint epcis_event_operator_id_fkey;

create function registry_row_is_kept() returns trigger language plpgsql as
$$
begin
    raise exception '% rows are kept: the books may name them (% refused)', tg_table_name, tg_op;
end;
$$;

create trigger operator_is_kept before delete or truncate on operator
    for each statement execute function registry_row_is_kept();
create trigger facility_is_kept before delete or truncate on facility
    for each statement execute function registry_row_is_kept();

-- Nothing looks lots up by holder; the index only cost an entry with every version of every lot.
drop index lot_holder;
