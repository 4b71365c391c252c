-- Round trips the regulator confirmed: the imported lot is the exported lot coming back. The ledger keeps the import
-- as booked (its events, hashes and chain are never rewritten); a pedigree read of the imported lot applies the
-- correction and gives it the exported lot's pedigree (docs/design.md, "Round trips"). One confirmation per lot.
create table round_trip (
    imported_lot text primary key,
    exported_lot text not null,
    alert_id     bigint not null references alert (id),
    confirmed_by text not null,
    confirmed_at timestamptz not null,
    comment      text not null,
    -- sealed as inserted (V14): a confirmation changes what the lot's pedigree and certificates say
    previous_hash text,
    hash          text
);

create index round_trip_exported on round_trip (exported_lot);

create trigger round_trip_sealed before insert on round_trip for each row execute function seal_row();
create constraint trigger round_trip_seal_head after insert on round_trip deferrable initially deferred
    for each row execute function seal_head();
select reseal('round_trip', 'confirmed_at, imported_lot', '{}');
