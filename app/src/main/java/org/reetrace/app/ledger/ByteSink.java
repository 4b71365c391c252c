package org.reetrace.app.ledger;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A growable byte array written big-endian, as PostgreSQL's binary COPY and the ledger's stored forms are. The
 * writer encodes every row of every batch through it, so it is unsynchronised (unlike
 * {@link java.io.ByteArrayOutputStream}, which locks on each byte) and hands its bytes on without copying them.
 */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    void writeByte(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void write(byte[] v) {
        ensure(v.length);
        System.arraycopy(v, 0, bytes, size, v.length);
        size += v.length;
    }

    /** Seven bits a byte, least significant first, the high bit set on all but the last. */
    void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
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
        ensure(2 + length);
        bytes[size++] = (byte) (length >>> 8);
        bytes[size++] = (byte) length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x01 && c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** Overwrites four bytes already written, at {@code at}. */
    void putInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written so far, to read without a copy; writing more afterwards is not seen. */
    InputStream reader() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
