-- Every accepted event writes its row, its undo data, the lots it changed and, for a transformation, its lineage;
-- at national ingest rates each index and key check on those rows is paid tens of thousands of times a second.

-- References between the ledger's own tables are written by the single writer in one transaction and checked by
-- verification, which replays the chain; a key check per row adds nothing to that. Keys into the registry stay.
alter table lot drop constraint lot_created_seq_fkey;
alter table lot drop constraint lot_updated_seq_fkey;
alter table lineage drop constraint lineage_lot_seq_fkey;
alter table lineage drop constraint lineage_lot_lot_id_fkey;
alter table ledger_undo drop constraint ledger_undo_binary_seq_fkey;

-- The chain is ordered by seq and verified link by link; a unique index on random 64-character hashes costs a
-- random page write per event and guards nothing the chain does not.
alter table ledger_event drop constraint ledger_event_hash_key;

-- The payload is written once and read whole; json keeps it as written (and queryable with ->>) without the
-- conversion to jsonb's binary form on every insert.
alter table ledger_event alter column payload type json using payload::text::json;

-- Room on each page for a lot's next version, so that updates which change no indexed column stay on the page.
alter table lot set (fillfactor = 85);
