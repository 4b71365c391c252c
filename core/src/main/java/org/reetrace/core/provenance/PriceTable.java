package org.reetrace.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.reetrace.core.element.Element;

/**
 * A price per element, used to weigh element masses by value. Prices are per tonne of the reporting oxide, as
 * markets quote them; {@link #valuePerMg(Element)} turns that into value per mg of element with the oxide factor.
 * Elements without a price are worth 0. The bundled table ({@code /prices.csv}) states its basis and sources.
 */
public final class PriceTable {

    private final double[] perMgElement = new double[Element.count()];
    private final Map<Element, BigDecimal> perTonneOxide;
    private final String basis;

    private PriceTable(Map<Element, BigDecimal> perTonneOxide, String basis) {
        this.perTonneOxide = Map.copyOf(perTonneOxide);
        this.basis = basis;
        perTonneOxide.forEach((e, p) -> perMgElement[e.ordinal()] = p.doubleValue() * e.oxideFactor() / 1e9);
    }

    public static PriceTable of(Map<Element, BigDecimal> perTonneOxide, String basis) {
        perTonneOxide.forEach((e, p) -> {
            if (p.signum() < 0) {
                throw new IllegalArgumentException("price of " + e + " must not be negative: " + p.toPlainString());
            }
        });
        return new PriceTable(perTonneOxide, basis);
    }

    /** The table shipped with core: China domestic spot, CNY per tonne of oxide. */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/prices.csv")) {
            if (in == null) {
                throw new IllegalStateException("prices.csv is missing from the core jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "CNY per tonne of oxide, China domestic spot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code element,price,...} rows; {@code #} lines and the header are skipped. */
    public static PriceTable parse(String csv, String basis) {
        Map<Element, BigDecimal> m = new EnumMap<>(Element.class);
        String[] lines = csv.split("\r?\n");
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", 3);
            int n = i + 1;
            Element e = Element.bySymbol(f[0].strip()).orElseThrow(
                    () -> new IllegalArgumentException("prices line " + n + ": unknown element " + f[0]));
            BigDecimal p;
            try {
                p = new BigDecimal(f[1].strip());
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("prices line " + n + ": price is not a number: " + line);
            }
            if (m.put(e, p) != null) {
                throw new IllegalArgumentException("prices line " + n + ": second price for " + e);
            }
        }
        return of(m, basis);
    }

    public double valuePerMg(Element e) {
        return perMgElement[e.ordinal()];
    }

    public Map<Element, BigDecimal> perTonneOxide() {
        return perTonneOxide;
    }

    public String basis() {
        return basis;
    }
}
