package org.reetrace.verifier.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and signature lines
 * {@code — <key name> base64(key id || signature)}.
 *
 * @param text       the signed text, with its final newline
 * @param signatures its signature lines, in order
 */
public record SignedNote(String text, List<Signature> signatures) {

    private static final String DASH = "\u2014 ";
    /** How many signatures a note may carry before it is refused as too big; the spec asks for at least 16. */
    public static final int MAX_SIGNATURES = 100;

    /**
     * A signature line.
     *
     * @param name  the key's name
     * @param keyId the key's 32-bit id
     * @param bytes the signature proper (after the id)
     */
    public record Signature(String name, int keyId, byte[] bytes) {

        public Signature {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The line, without its newline. */
        public String line() {
            byte[] all = ByteBuffer.allocate(4 + bytes.length).putInt(keyId).put(bytes).array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(all);
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** The note as it is published: the text, a blank line, one line per signature. */
    public String encoded() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(s -> note.append(s.line()).append('\n'));
        return note.toString();
    }

    /** The bytes the signatures sign. */
    public byte[] signed() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a note from its bytes, which must be UTF-8. */
    public static Parsed<SignedNote> parse(byte[] note) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            return Parsed.fail("the note is not UTF-8");
        }
    }

    /** Reads a note. */
    public static Parsed<SignedNote> parse(String note) {
        if (note == null || note.isEmpty()) {
            return Parsed.fail("the note is empty");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n' || Character.isSurrogate(c) && !validSurrogate(note, i)) {
                return Parsed.fail("the note holds a control character at offset " + i);
            }
        }
        if (!note.endsWith("\n")) {
            return Parsed.fail("the note does not end with a newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            return Parsed.fail("the note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n", -1);
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            Parsed<Signature> signature = signature(lines[i]);
            if (!signature.ok()) {
                return Parsed.fail(signature.verdict().failure());
            }
            signatures.add(signature.get());
        }
        if (signatures.isEmpty()) {
            return Parsed.fail("the note carries no signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            return Parsed.fail("the note carries more than " + MAX_SIGNATURES + " signatures");
        }
        return Parsed.of(new SignedNote(text, signatures));
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static Parsed<Signature> signature(String line) {
        if (!line.startsWith(DASH)) {
            return Parsed.fail("a signature line does not start with an em dash and a space: " + shorten(line));
        }
        String rest = line.substring(DASH.length());
        int space = rest.indexOf(' ');
        if (space <= 0) {
            return Parsed.fail("a signature line has no key name and signature: " + shorten(line));
        }
        String name = rest.substring(0, space);
        if (!validName(name)) {
            return Parsed.fail("the key name " + shorten(name) + " is not valid");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            return Parsed.fail("the signature of " + name + " is not base64");
        }
        if (all.length < 5) {
            return Parsed.fail("the signature of " + name + " is too short");
        }
        return Parsed.of(new Signature(name, ByteBuffer.wrap(all).getInt(),
                Arrays.copyOfRange(all, 4, all.length)));
    }

    /** A key name: not empty, no Unicode space, no plus. */
    public static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints().noneMatch(
                c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
