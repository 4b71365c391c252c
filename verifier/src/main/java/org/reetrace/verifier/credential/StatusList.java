package org.reetrace.verifier.credential;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * A W3C Bitstring Status List's {@code encodedList}: multibase base64url (prefix {@code u}, no padding) of the GZIP of
 * the bitstring, whose bit 0 is the most significant bit of the first byte.
 */
public final class StatusList {

    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private StatusList(byte[] bits) {
        this.bits = bits;
    }

    /** @throws IllegalArgumentException if it is not such an encoding */
    public static StatusList decode(String encodedList) {
        String text = encodedList.startsWith("u") ? encodedList.substring(1) : encodedList;
        byte[] zipped = Base64.getUrlDecoder().decode(text);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length > MAX_BYTES) {
                throw new IllegalArgumentException("a status list larger than " + MAX_BYTES + " bytes");
            }
            return new StatusList(bits);
        } catch (IOException e) {
            throw new IllegalArgumentException("the status list is not GZIP: " + e.getMessage());
        }
    }

    /** How many entries the list has. */
    public long size() {
        return bits.length * 8L;
    }

    /** @throws IllegalArgumentException for an index outside the list */
    public boolean isSet(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index " + index + " is outside the list of " + size());
        }
        return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
    }
}
