package org.reetrace.verifier.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP checkpoint's text (c2sp.org/tlog-checkpoint): the log's origin, its tree size and the base64 root hash, one
 * per line, then optional extension lines. Signed as a {@link SignedNote}.
 *
 * @param origin     the log's identity, such as {@code regulator.example/reetrace/log}
 * @param size       the number of leaves
 * @param root       the RFC 9162 root hash at that size
 * @param extensions further lines, opaque
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

    public Checkpoint {
        root = root.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note text: the lines, each ending in a newline. */
    public String text() {
        StringBuilder text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Reads a checkpoint from a note's text. */
    public static Parsed<Checkpoint> parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            return Parsed.fail("the checkpoint does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            return Parsed.fail("a checkpoint has at least three lines: origin, tree size, root hash");
        }
        if (Arrays.stream(lines).anyMatch(String::isEmpty)) {
            return Parsed.fail("a checkpoint has no empty line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            return Parsed.fail("the checkpoint's tree size is not a decimal number without leading zeroes");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            return Parsed.fail("the checkpoint's tree size is too large");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            return Parsed.fail("the checkpoint's root hash is not base64");
        }
        if (root.length != Hashes.SIZE) {
            return Parsed.fail("the checkpoint's root hash is not " + Hashes.SIZE + " bytes");
        }
        return Parsed.of(new Checkpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length)));
    }

    /**
     * Reads and checks a signed checkpoint: signed by one of {@code keys}, and from the log {@code origin}.
     */
    public static Parsed<Checkpoint> open(String note, String origin, List<VerifierKey> keys) {
        return VerifierKey.open(note, keys).then(n -> parse(n.text())).then(c -> c.origin.equals(origin) ? Parsed.of(c)
                : Parsed.fail("the checkpoint is from the log " + c.origin + ", not " + origin));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size && Arrays.equals(c.root, root)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return origin + " @ " + size;
    }
}
