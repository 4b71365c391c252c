package org.reetrace.app.certificate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The certificates issued, as signed, and their revocations; and the ledger events a certificate refers to. */
@Repository
public class CertificateStore {

    /** Entries per status list: 131,072, the W3C Bitstring Status List's minimum for herd privacy (16 KiB). */
    public static final int LIST_SIZE = 131_072;

    /** A certificate as stored. */
    public record StoredCertificate(String id, String lot, Instant issuedAt, String issuedBy, String keyId,
                                    int statusList, int statusIndex, String jws, long ledgerSeq,
                                    Optional<Instant> revokedAt, Optional<String> revokedReason) {
    }

    /** A status list entry: the list (from 1) and the index in it. */
    public record StatusEntry(int list, int index) {
    }

    /** A ledger event in brief, with the lots it names. */
    public record LedgerEventRow(long sequence, String eventId, String hash, String type, Instant time,
                                 List<String> lots) {
    }

    private final JdbcClient jdbc;

    public CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next free status list entry; never handed out twice. */
    public StatusEntry nextStatusEntry() {
        long n = jdbc.sql("select nextval('certificate_status_entry_seq')").query(Long.class).single();
        return new StatusEntry((int) (n / LIST_SIZE) + 1, (int) (n % LIST_SIZE));
    }

    public void insert(StoredCertificate c) {
        jdbc.sql("""
                insert into certificate (id, lot_id, issued_at, issued_by, key_id, status_list, status_index, jws,
                                         ledger_seq)
                values (:id, :lot, :at, :by, :key, :list, :index, :jws, :seq)
                """)
                .param("id", c.id()).param("lot", c.lot()).param("at", Timestamp.from(c.issuedAt()))
                .param("by", c.issuedBy()).param("key", c.keyId()).param("list", c.statusList())
                .param("index", c.statusIndex()).param("jws", c.jws())
                .param("seq", c.ledgerSeq())
                .update();
    }

    public Optional<StoredCertificate> find(String id) {
        return jdbc.sql("select * from certificate where id = :id").param("id", id)
                .query((rs, n) -> certificate(rs)).optional();
    }

    /** A lot's certificates, oldest first. */
    public List<StoredCertificate> forLot(String lot) {
        return jdbc.sql("select * from certificate where lot_id = :lot order by issued_at, id").param("lot", lot)
                .query((rs, n) -> certificate(rs)).list();
    }

    /** The revoked indexes of one status list. */
    public List<Integer> revoked(int list) {
        return jdbc.sql("select status_index from certificate where status_list = :list and revoked_at is not null")
                .param("list", list).query(Integer.class).list();
    }

    /** Whether any certificate holds an entry of this list (a list no certificate uses does not exist). */
    public boolean listExists(int list) {
        return jdbc.sql("select exists (select 1 from certificate where status_list = :list)").param("list", list)
                .query(Boolean.class).single();
    }

    /** The last event in the books, 0 for none. */
    public long head() {
        return jdbc.sql("select coalesce(max(seq), 0) from ledger_event").query(Long.class).single();
    }

    /**
     * Revokes every certificate not yet revoked, issued before the reversal at {@code reversalSeq}, whose lot is one
     * of {@code lots} (those the reversal changed) or downstream of one of them.
     *
     * @return the ids of the certificates revoked
     */
    public List<String> revokeFor(long reversalSeq, List<String> lots, String reason, Instant at) {
        return jdbc.sql("""
                with recursive down(lot_id) as (
                    select unnest(cast(:lots as text[]))
                    union
                    select o.lot_id from down d join lineage i on i.lot_id = d.lot_id and not i.output
                                                join lineage o on o.seq = i.seq and o.output)
                update certificate set revoked_at = :at, revoked_reason = :reason
                where revoked_at is null and ledger_seq < :seq and lot_id in (select lot_id from down)
                returning id
                """)
                .param("at", Timestamp.from(at)).param("reason", reason).param("seq", reversalSeq)
                .param("lots", lots.toArray(String[]::new))
                .query(String.class).list();
    }

    /** A reversal as stored: its sequence, the lots it changed, and why (for the revocation's reason). */
    public record StoredReversal(long seq, List<String> lots, String reason) {
    }

    /**
     * The reversals booked after the oldest certificate not yet revoked was issued: those that may revoke one, as a
     * reversal committed just before a stop left them to do.
     */
    public List<StoredReversal> reversalsAfterUnrevoked() {
        return jdbc.sql("""
                select seq, lots, 'event ' || (payload ->> 'original') || ' was reversed by ' || event_id || ': '
                                  || (payload ->> 'reason')
                from ledger_event
                where type = 'REVERSE'
                  and seq > (select coalesce(min(ledger_seq), 9223372036854775807) from certificate
                             where revoked_at is null)
                order by seq
                """)
                .query((rs, n) -> new StoredReversal(rs.getLong(1), strings(rs.getArray(2)), rs.getString(3)))
                .list();
    }

    /** The ledger events at these sequence numbers, in order. */
    public List<LedgerEventRow> events(List<Long> sequences) {
        return jdbc.sql("""
                select seq, event_id, hash, type, event_time, lots from ledger_event where seq = any(:seqs) order by seq
                """)
                .param("seqs", sequences.toArray(Long[]::new))
                .query((rs, n) -> new LedgerEventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), strings(rs.getArray(6))))
                .list();
    }

    private static StoredCertificate certificate(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new StoredCertificate(rs.getString("id"), rs.getString("lot_id"),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), rs.getString("key_id"),
                rs.getInt("status_list"), rs.getInt("status_index"), rs.getString("jws"),
                rs.getLong("ledger_seq"),
                Optional.ofNullable(revoked).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("revoked_reason")));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> list = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            list.add((String) o);
        }
        return list;
    }
}
