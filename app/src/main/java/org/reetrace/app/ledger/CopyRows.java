package org.reetrace.app.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format: the fastest way to append many rows, with
 * neither a statement to parse nor parameters to bind per row. Values are escaped as the format requires (backslash,
 * tab, newline and carriage return; {@code \N} for null), arrays and byte strings are written in their text forms.
 */
final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();

    private final String table;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private long rows;

    /** Rows for {@code table (columns)}, e.g. {@code "lineage (seq, lot_id, output)"}. */
    CopyRows(String table) {
        this.table = table;
    }

    CopyRows text(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value);
        }
        return this;
    }

    CopyRows number(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyRows bool(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    CopyRows time(Instant value) {
        separate();
        text.append(value);
        return this;
    }

    /** A bytea, in the hex form; its leading backslash escaped for the copy format. */
    CopyRows bytes(byte[] value) {
        separate();
        text.append("\\\\x");
        HEX.formatHex(text, value);
        return this;
    }

    /** A text[]: every element quoted, quotes and backslashes inside escaped for the array literal, then for copy. */
    CopyRows textArray(List<String> values) {
        separate();
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String v = values.get(i);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        escape(literal.append('}').toString());
        return this;
    }

    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    /** Sends the rows on {@code connection} (in its transaction); answers how many the server took. */
    long copy(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
