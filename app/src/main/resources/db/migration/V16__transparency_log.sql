-- The transparency log (docs/transparency.md): an RFC 9162 Merkle tree whose leaves are the ledger's event hashes,
-- entry i being the event of seq i + 1, published as C2SP tiles and signed checkpoints. The leaves themselves are
-- ledger_event.hash; what is stored here is what the tree adds: its full tiles (256 hashes each, level 0 the leaf
-- hashes, level L + 1 the hashes of level L's full tiles), written in the transaction of the batch that completes
-- them, and the signed checkpoints. Both are checked by verification against the ledger's events.

create table log_tile (
    level  smallint not null,
    idx    bigint not null,
    hashes bytea not null,
    primary key (level, idx)
);

-- A checkpoint as it was signed and published (c2sp.org/tlog-checkpoint): origin, size and root are in the note.
create table log_checkpoint (
    size bigint primary key,
    note text not null
);
