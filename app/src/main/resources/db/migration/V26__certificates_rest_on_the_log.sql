-- A certificate no longer lists the events and lots of its lot's upstream trace (at 10 M events a magnet's trace holds
-- some 115,000 lots, and listing them made issuing cost a trace): it proves its lot's own last event in the
-- transparency log, and records the ledger's head when it was issued. The trace behind it is the lot's upstream trace
-- in the books up to that head, served beside it; a reversal booked after it revokes it when the reversal changed its
-- lot or a lot upstream of it, found by the reversal's downstream trace.
alter table certificate add column ledger_seq bigint;
update certificate c set ledger_seq = coalesce((select max(seq) from ledger_event e where e.recorded_at <= c.issued_at), 0);
alter table certificate alter column ledger_seq set not null;
comment on column certificate.ledger_seq is 'the last event in the books when the certificate was issued';
alter table certificate drop column event_ids, drop column trace_lots;
