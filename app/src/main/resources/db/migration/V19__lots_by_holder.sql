-- The operator's portal lists the lots an operator holds (or held last) in one status, the last booked on first, a
-- page at a time, and counts them by status: without an index each is a scan of every lot. This index costs an entry
-- with every version of every lot (V12 dropped the holder index for that cost, when nothing looked lots up by holder).
create index lot_holder_status on lot (holder_id, status, updated_seq desc);
