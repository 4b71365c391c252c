package org.reetrace.app.ledger;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bytes written big-endian, as PostgreSQL's binary COPY and the ledger's stored forms are. The writer encodes every
 * row of every batch through it, so it is unsynchronised (unlike {@link java.io.ByteArrayOutputStream}, which locks
 * on each byte) and grows by chunks of a fixed size: a batch of megabytes is never copied to grow, nor held in one
 * array that the collector must treat as humongous.
 */
final class ByteSink {

    private final int shift;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk;
    /** Bytes written into {@link #chunk}. */
    private int at;

    /** A sink growing by chunks of {@code chunkSize} bytes, a power of two. */
    ByteSink(int chunkSize) {
        if (Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is not a power of two");
        }
        shift = Integer.numberOfTrailingZeros(chunkSize);
        chunk = new byte[chunkSize];
        chunks.add(chunk);
    }

    /** Bytes written so far. */
    int size() {
        return ((chunks.size() - 1) << shift) + at;
    }

    void writeByte(int v) {
        if (at == chunk.length) {
            chunk = new byte[chunk.length];
            chunks.add(chunk);
            at = 0;
        }
        chunk[at++] = (byte) v;
    }

    void writeShort(int v) {
        writeByte(v >>> 8);
        writeByte(v);
    }

    void writeInt(int v) {
        if (chunk.length - at >= 4) {
            chunk[at] = (byte) (v >>> 24);
            chunk[at + 1] = (byte) (v >>> 16);
            chunk[at + 2] = (byte) (v >>> 8);
            chunk[at + 3] = (byte) v;
            at += 4;
        } else {
            writeShort(v >>> 16);
            writeShort(v);
        }
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void write(byte[] v) {
        int from = 0;
        while (from < v.length) {
            if (at == chunk.length) {
                writeByte(v[from++]);
                continue;
            }
            int n = Math.min(v.length - from, chunk.length - at);
            System.arraycopy(v, from, chunk, at, n);
            at += n;
            from += n;
        }
    }

    /** Seven bits a byte, least significant first, the high bit set on all but the last. */
    void writeVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((int) v);
    }

    /** As {@link java.io.DataOutput#writeUTF}: a two-byte length, then the string in modified UTF-8. */
    void writeUtf(String s) {
        int n = s.length();
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            length += c >= 0x01 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a string of " + length + " bytes is longer than 65,535: "
                    + s.substring(0, 40) + "...");
        }
        writeShort(length);
        if (length == n && chunk.length - at >= n) {
            // the common case, ASCII with room left: one pass, no bounds to check per byte
            for (int i = 0; i < n; i++) {
                chunk[at + i] = (byte) s.charAt(i);
            }
            at += n;
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x01 && c < 0x80) {
                writeByte(c);
            } else if (c < 0x800) {
                writeByte(0xC0 | (c >> 6));
                writeByte(0x80 | (c & 0x3F));
            } else {
                writeByte(0xE0 | (c >> 12));
                writeByte(0x80 | ((c >> 6) & 0x3F));
                writeByte(0x80 | (c & 0x3F));
            }
        }
    }

    /** Overwrites four bytes already written, from position {@code position}. */
    void putInt(int position, int v) {
        for (int i = 0; i < 4; i++) {
            int p = position + i;
            chunks.get(p >>> shift)[p & (chunk.length - 1)] = (byte) (v >>> (24 - 8 * i));
        }
    }

    byte[] toByteArray() {
        byte[] all = new byte[size()];
        int last = chunks.size() - 1;
        for (int i = 0; i < last; i++) {
            System.arraycopy(chunks.get(i), 0, all, i << shift, chunk.length);
        }
        System.arraycopy(chunk, 0, all, last << shift, at);
        return all;
    }

    /** The bytes written so far, to read without a copy; writing more afterwards is not seen. */
    InputStream reader() {
        List<InputStream> parts = new ArrayList<>(chunks.size());
        int last = chunks.size() - 1;
        for (int i = 0; i <= last; i++) {
            parts.add(new ByteArrayInputStream(chunks.get(i), 0, i == last ? at : chunk.length));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
