package org.reetrace.app.transparency;

/**
 * A tile or an entry bundle of the log (c2sp.org/tlog-tiles), as served.
 *
 * @param path  its path below the log's prefix
 * @param bytes its content: 32-byte hashes, or entries each prefixed by its length as a big-endian uint16
 */
public record LogResource(String path, byte[] bytes) {
}
