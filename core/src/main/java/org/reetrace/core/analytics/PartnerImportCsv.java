package org.reetrace.core.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.reetrace.core.registry.CountryCode;

/**
 * Reads partner-country import statistics from CSV, the shape UN Comtrade exports reduce to:
 * <pre>
 * reporter,partner,hs_code,period,net_mass_kg,trade_value_usd
 * CN,MY,2846.90,2026-03,120500,4820000
 * </pre>
 * Blank lines and lines starting with {@code #} are skipped. The first bad row stops the reading with its line
 * number and what is wrong with it; half a file of statistics would understate a gap without saying so.
 */
public final class PartnerImportCsv {

    public static final String HEADER = "reporter,partner,hs_code,period,net_mass_kg,trade_value_usd";

    private PartnerImportCsv() {
    }

    public static List<PartnerImport> read(Reader source) {
        List<PartnerImport> rows = new ArrayList<>();
        BufferedReader in = new BufferedReader(source);
        int line = 0;
        boolean header = false;
        try {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                String s = text.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!s.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        throw new PartnerImportFormatException(line, "expected the header '" + HEADER + "', found '" + s + "'");
                    }
                    header = true;
                    continue;
                }
                rows.add(row(line, s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading partner statistics failed after line " + line, e);
        }
        if (!header) {
            throw new PartnerImportFormatException(Math.max(1, line), "no header line '" + HEADER + "'");
        }
        return rows;
    }

    private static PartnerImport row(int line, String s) {
        String[] f = s.split(",", -1);
        if (f.length != 6) {
            throw new PartnerImportFormatException(line, "expected 6 fields, found " + f.length + ": '" + s + "'");
        }
        CountryCode reporter = country(line, "reporter", f[0]);
        CountryCode partner = country(line, "partner", f[1]);
        String hs;
        try {
            hs = Hs.six(f[2]);
        } catch (IllegalArgumentException e) {
            throw new PartnerImportFormatException(line, "hs_code: " + e.getMessage());
        }
        YearMonth month;
        try {
            month = YearMonth.parse(f[3].strip());
        } catch (DateTimeParseException e) {
            throw new PartnerImportFormatException(line, "period '" + f[3].strip() + "' is not a month like 2026-03");
        }
        long kg;
        try {
            kg = Long.parseLong(f[4].strip());
        } catch (NumberFormatException e) {
            throw new PartnerImportFormatException(line, "net_mass_kg '" + f[4].strip() + "' is not a whole number of kg");
        }
        if (kg < 0) {
            throw new PartnerImportFormatException(line, "net_mass_kg " + kg + " is negative");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(f[5].strip());
        } catch (NumberFormatException e) {
            throw new PartnerImportFormatException(line, "trade_value_usd '" + f[5].strip() + "' is not a number");
        }
        if (value.signum() < 0) {
            throw new PartnerImportFormatException(line, "trade_value_usd " + value + " is negative");
        }
        return new PartnerImport(reporter, partner, hs, month, kg, value);
    }

    private static CountryCode country(int line, String field, String v) {
        try {
            return CountryCode.of(v.strip());
        } catch (IllegalArgumentException e) {
            throw new PartnerImportFormatException(line, field + " '" + v.strip() + "' is not an ISO 3166 alpha-2 code");
        }
    }

    /** The CSV text of rows, header first: what the simulator writes and {@link #read} reads back. */
    public static String write(List<PartnerImport> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (PartnerImport r : rows) {
            b.append(r.reporter()).append(',').append(r.partner()).append(',').append(r.hs6(), 0, 4).append('.')
                    .append(r.hs6(), 4, 6).append(',').append(r.month()).append(',').append(r.netMassKg()).append(',')
                    .append(r.valueUsd().toPlainString()).append('\n');
        }
        return b.toString();
    }
}
