package org.reetrace.core.text;

import java.util.Locale;

/**
 * Which characters text may hold to be kept: those XML 1.0 allows (its {@code Char} production), so that what
 * one binding accepts the other can write and PostgreSQL can store. Refused: the C0 control characters other
 * than tab, line feed and carriage return (NUL above all, which PostgreSQL's text and jsonb cannot hold), the
 * non-characters U+FFFE and U+FFFF, and surrogates that are not part of a pair (they cannot be encoded as
 * UTF-8, so what would be stored is not what was sent).
 */
public final class StorableText {

    private StorableText() {
    }

    /** The index of the first character that may not be kept, or -1 when all may. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c == 0xFFFE || c == 0xFFFF) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why the text may not be kept, or null when it may: "holds U+0000 at character 3". */
    public static String refusal(CharSequence text) {
        int at = firstRefused(text);
        return at < 0 ? null : "holds " + describe(text.charAt(at)) + " at character " + (at + 1)
                + " (control characters other than tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates are refused)";
    }

    static String describe(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (c == 0) {
            return code + " (NUL)";
        }
        if (Character.isSurrogate(c)) {
            return code + " (an unpaired surrogate)";
        }
        return c < 0x20 ? code + " (a control character)" : code + " (a non-character)";
    }
}
