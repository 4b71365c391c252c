-- Lineage as one row per lot and transformation, with the side it was on: a transformation of m input lots into
-- n output lots is m + n rows rather than m × n pairs. A separation batch takes in hundreds of lots.
create table lineage_lot (
    seq    bigint  not null references ledger_event (seq),
    lot_id text    not null references lot (id),
    -- false: the lot went in; true: the lot came out
    output boolean not null,
    primary key (lot_id, output, seq)
);

insert into lineage_lot (seq, lot_id, output)
select distinct seq, parent_id, false from lineage
union
select distinct seq, child_id, true from lineage;

drop table lineage;
alter table lineage_lot rename to lineage;
alter index lineage_lot_pkey rename to lineage_pkey;
create index lineage_seq on lineage (seq, output);
