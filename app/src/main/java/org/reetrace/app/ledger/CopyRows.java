package org.reetrace.app.ledger;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its binary format: the fastest way to append many rows, with
 * no statement to parse, no parameters to bind and no text to escape or decode per row (a bytea in the text format
 * travels as hex and costs the server more to decode than to store). Each value is written in the server's binary
 * form of its column type, in the order of the columns named.
 */
public final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int TEXT_OID = 25;
    private static final int BIGINT_OID = 20;
    /** 2000-01-01T00:00:00Z, where PostgreSQL counts timestamps from, in seconds since 1970. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private final String target;
    private final int columns;
    private final ByteSink out = new ByteSink(1 << 16);
    private int fields;
    private long rows;

    /** Rows for {@code table}'s {@code columns}, given in the order their values will be. */
    public CopyRows(String table, String... columns) {
        this.target = table + " (" + String.join(", ", columns) + ")";
        this.columns = columns.length;
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
    }

    public CopyRows text(String value) {
        return value == null ? field(-1) : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A json column: its binary form is its text. */
    public CopyRows json(String value) {
        return text(value);
    }

    public CopyRows number(long value) {
        field(8).out.writeLong(value);
        return this;
    }

    public CopyRows integer(int value) {
        field(4).out.writeInt(value);
        return this;
    }

    public CopyRows bool(boolean value) {
        field(1).out.writeByte(value ? 1 : 0);
        return this;
    }

    /** A timestamptz: microseconds since 2000, rounded as the server rounds text input. */
    public CopyRows time(Instant value) {
        long micros = Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L)
                + Math.round(value.getNano() / 1000.0);
        return number(micros);
    }

    public CopyRows bytes(byte[] value) {
        field(value.length).out.write(value);
        return this;
    }

    /** A bytea written in place by {@code encoder}, its length filled in after: no array to build and copy. */
    CopyRows bytes(Consumer<ByteSink> encoder) {
        field(0);
        int start = out.size();
        encoder.accept(out);
        out.putInt(start - 4, out.size() - start);
        return this;
    }

    /** A one-dimensional bigint[], as {@link #textArray(List)} is written. */
    public CopyRows bigintArray(long[] values) {
        field(12 + (values.length == 0 ? 0 : 8) + values.length * 12);
        out.writeInt(values.length == 0 ? 0 : 1);
        out.writeInt(0);
        out.writeInt(BIGINT_OID);
        if (values.length > 0) {
            out.writeInt(values.length);
            out.writeInt(1); // lower bound
            for (long v : values) {
                out.writeInt(8);
                out.writeLong(v);
            }
        }
        return this;
    }

    /** A one-dimensional text[]: dimensions, no nulls, the element type, then each element. */
    public CopyRows textArray(List<String> values) {
        List<byte[]> elements = values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        int length = 12 + (elements.isEmpty() ? 0 : 8) + elements.stream().mapToInt(e -> 4 + e.length).sum();
        field(length);
        out.writeInt(elements.isEmpty() ? 0 : 1);
        out.writeInt(0);
        out.writeInt(TEXT_OID);
        if (!elements.isEmpty()) {
            out.writeInt(elements.size());
            out.writeInt(1); // lower bound
            for (byte[] e : elements) {
                out.writeInt(e.length);
                out.write(e);
            }
        }
        return this;
    }

    public CopyRows endRow() {
        if (fields != columns) {
            throw new IllegalStateException("a row of " + target + " has " + fields + " values, not " + columns);
        }
        fields = 0;
        rows++;
        return this;
    }

    /** The statement that takes these rows in. */
    String statement() {
        return "copy " + target + " from stdin with (format binary)";
    }

    long rows() {
        return rows;
    }

    /** Ends the rows with COPY's trailer, and answers them to send, once. */
    InputStream finish() {
        out.writeShort(-1);
        return out.reader();
    }

    /** Starts a field of {@code length} bytes (-1: null), and the row with its field count if it is the first. */
    private CopyRows field(int length) {
        if (fields == 0) {
            out.writeShort(columns);
        }
        fields++;
        out.writeInt(length);
        return this;
    }
}
