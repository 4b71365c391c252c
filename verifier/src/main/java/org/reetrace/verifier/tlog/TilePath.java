package org.reetrace.verifier.tlog;

/**
 * A resource of a tiled log (c2sp.org/tlog-tiles): a tile {@code tile/<L>/<N>[.p/<W>]} of Merkle tree hashes or an
 * entry bundle {@code tile/entries/<N>[.p/<W>]}, {@code N} written in 3-digit path elements, all but the last prefixed
 * with {@code x} ({@code x001/x234/067}).
 *
 * @param level the tile's level (0 to 63), or {@link #ENTRIES} for an entry bundle
 * @param index the tile's index within its level
 * @param width how many hashes or entries it holds: {@link #FULL} for a full tile, 1 to 255 for a partial one
 */
public record TilePath(int level, long index, int width) {

    /** The level of entry bundles. */
    public static final int ENTRIES = -1;
    /** Hashes in a full tile; a tile's height is 8. */
    public static final int FULL = 256;
    public static final int HEIGHT = 8;

    public TilePath {
        if (level < ENTRIES || level > 63 || index < 0 || width < 1 || width > FULL) {
            throw new IllegalArgumentException("no tile " + level + "/" + index + " of width " + width);
        }
    }

    public boolean entries() {
        return level == ENTRIES;
    }

    public boolean partial() {
        return width < FULL;
    }

    /** The path below the log's prefix, such as {@code tile/0/x001/234.p/5}. */
    public String path() {
        StringBuilder n = new StringBuilder();
        String digits = Long.toString(index);
        int groups = Math.max(1, (digits.length() + 2) / 3);
        String padded = "0".repeat(groups * 3 - digits.length()) + digits;
        for (int g = 0; g < groups; g++) {
            n.append(g < groups - 1 ? "x" : "").append(padded, g * 3, g * 3 + 3).append(g < groups - 1 ? "/" : "");
        }
        return "tile/" + (entries() ? "entries" : Integer.toString(level)) + "/" + n
                + (partial() ? ".p/" + width : "");
    }

    /** Reads a path below {@code tile/}: {@code 0/x001/234.p/5} or {@code entries/000}. */
    public static Parsed<TilePath> parse(String path) {
        if (path == null) {
            return Parsed.fail("no tile path");
        }
        String[] parts = path.split("/", -1);
        if (parts.length < 2) {
            return Parsed.fail("a tile path is <level>/<index>[.p/<width>]");
        }
        int level;
        if (parts[0].equals("entries")) {
            level = ENTRIES;
        } else if (parts[0].matches("0|[1-9][0-9]?") && Integer.parseInt(parts[0]) <= 63) {
            level = Integer.parseInt(parts[0]);
        } else {
            return Parsed.fail("a tile's level is 0 to 63 without leading zeroes, or 'entries'");
        }
        int end = parts.length;
        int width = FULL;
        String last = parts[end - 1];
        if (end >= 3 && parts[end - 2].endsWith(".p")) {
            if (!last.matches("[1-9][0-9]{0,2}") || Integer.parseInt(last) > 255) {
                return Parsed.fail("a partial tile's width is 1 to 255 without leading zeroes");
            }
            width = Integer.parseInt(last);
            parts[end - 2] = parts[end - 2].substring(0, parts[end - 2].length() - 2);
            end--;
        }
        if (end - 1 > 7) {
            return Parsed.fail("a tile's index has too many elements");
        }
        long index = 0;
        for (int i = 1; i < end; i++) {
            boolean lastElement = i == end - 1;
            String element = parts[i];
            if (!element.matches(lastElement ? "[0-9]{3}" : "x[0-9]{3}")) {
                return Parsed.fail("a tile's index is written in 3-digit elements, all but the last starting with x");
            }
            index = index * 1000 + Integer.parseInt(lastElement ? element : element.substring(1));
        }
        if (end - 1 > 1 && parts[1].equals("x000")) {
            return Parsed.fail("a tile's index has no leading zero element");
        }
        return Parsed.of(new TilePath(level, index, width));
    }
}
