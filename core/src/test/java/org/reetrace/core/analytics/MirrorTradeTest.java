package org.reetrace.core.analytics;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.core.event.EventId;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.CountryCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MirrorTradeTest {

    private static final CountryCode MY = CountryCode.of("MY");
    private static final CountryCode CN = CountryCode.of("CN");
    private static final MirrorTrade TRADE = new MirrorTrade(
            new MirrorTradeSettings(MY, new BigDecimal("0.12"), 0.03, 20_000, 0));

    private static final String CSV = """
            # China's imports from Malaysia, UN Comtrade style
            reporter,partner,hs_code,period,net_mass_kg,trade_value_usd
            CN,MY,2846.90,2026-01,500000,5000000
            CN,MY,2846.90,2026-02,700000,7000000
            CN,AU,2846.90,2026-02,999000,9990000
            """;

    private static DeclaredExport export(String id, String month, long tonnes) {
        return new DeclaredExport(EventId.of(id), LotId.of("lot-" + id), CN, "2846.90", YearMonth.parse(month),
                tonnes * 1_000_000_000L);
    }

    @Test
    void the_gap_is_partner_imports_less_declared_exports_valued_at_the_partners_unit_value() {
        List<PartnerImport> partner = PartnerImportCsv.read(new StringReader(CSV));
        // 1,200 t reported by China, 1,000 t declared: 200 t at 10 USD/kg = 2,000,000 USD, 12 % royalty = 240,000
        MirrorTradeReport r = TRADE.compare(partner, List.of(export("x1", "2026-01", 600), export("x2", "2026-02", 400)),
                YearMonth.of(2026, 1), YearMonth.of(2026, 2)).orElseThrow();

        assertThat(r.lines()).hasSize(1);
        MirrorTradeReport.Line line = r.lines().getFirst();
        assertThat(line.partner()).isEqualTo(CN);
        assertThat(line.hs6()).isEqualTo("284690");
        assertThat(line.partnerKg()).isEqualTo(1_200_000);
        assertThat(line.declaredKg()).isEqualTo(1_000_000);
        assertThat(line.gapKg()).isEqualTo(200_000);
        assertThat(line.gapValueUsd()).isEqualByComparingTo("2000000");
        assertThat(line.lostRoyaltyUsd()).isEqualByComparingTo("240000");
        assertThat(r.total().gapKg()).isEqualTo(200_000);
    }

    @Test
    void the_gap_alerts_in_the_month_the_cumulative_gap_passes_the_tolerance() {
        List<PartnerImport> partner = PartnerImportCsv.read(new StringReader(CSV));
        // January: 500 t vs 600 t declared, no gap; February: 1,200 t vs 1,000 t, 200 t > 3 % x 1,000 + 20 t = 50 t
        MirrorTradeReport r = TRADE.compare(partner, List.of(export("x1", "2026-01", 600), export("x2", "2026-02", 400)),
                YearMonth.of(2026, 1), YearMonth.of(2026, 2)).orElseThrow();

        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.MIRROR_TRADE_GAP);
            assertThat(a.period()).isEqualTo(YearMonth.of(2026, 2));
            assertThat(a.subject()).isEqualTo("CN/284690");
            assertThat(a.figures()).containsEntry("gap t", "200.000");
            assertThat(a.events()).containsExactly(EventId.of("x1"), EventId.of("x2"));
        });
    }

    @Test
    void a_bad_row_is_refused_with_its_line_and_reason() {
        String bad = CSV + "CN,MY,2846.90,2026-03,lots,100\n";

        assertThatThrownBy(() -> PartnerImportCsv.read(new StringReader(bad)))
                .isInstanceOf(PartnerImportFormatException.class)
                .hasMessage("line 6: net_mass_kg 'lots' is not a whole number of kg")
                .satisfies(e -> assertThat(((PartnerImportFormatException) e).line()).isEqualTo(6));
    }

    @Test
    void a_bad_month_and_a_bad_country_are_named_too() {
        assertThatThrownBy(() -> PartnerImportCsv.read(new StringReader(CSV + "CN,MY,2846.90,March,1,1\n")))
                .hasMessage("line 6: period 'March' is not a month like 2026-03");
        assertThatThrownBy(() -> PartnerImportCsv.read(new StringReader(CSV + "China,MY,2846.90,2026-03,1,1\n")))
                .hasMessage("line 6: reporter 'China' is not an ISO 3166 alpha-2 code");
    }

    @Test
    void a_period_with_no_trade_on_either_side_says_so_instead_of_a_zero_gap() {
        Outcome<MirrorTradeReport> r = TRADE.compare(PartnerImportCsv.read(new StringReader(CSV)), List.of(),
                YearMonth.of(2027, 1), YearMonth.of(2027, 12));

        assertThat(r).isInstanceOf(Outcome.NoData.class);
        assertThat(((Outcome.NoData<MirrorTradeReport>) r).reason()).contains("2027-01").contains("2027-12");
    }

    @Test
    void written_statistics_read_back_the_same() {
        List<PartnerImport> rows = PartnerImportCsv.read(new StringReader(CSV));

        assertThat(PartnerImportCsv.read(new StringReader(PartnerImportCsv.write(rows)))).isEqualTo(rows);
    }

    @Test
    void with_a_one_month_shipping_lag_the_partners_february_is_compared_with_the_declared_january() {
        MirrorTrade lagged = new MirrorTrade(new MirrorTradeSettings(MY, new BigDecimal("0.12"), 0.03, 20_000, 1));
        List<PartnerImport> partner = PartnerImportCsv.read(new StringReader(CSV));

        MirrorTradeReport r = lagged.compare(partner, List.of(export("x1", "2026-01", 700)), YearMonth.of(2026, 1),
                YearMonth.of(2026, 1)).orElseThrow();

        // China's February (700 t) is January's shipment; its January (500 t) belongs to December, outside
        assertThat(r.total().partnerKg()).isEqualTo(700_000);
        assertThat(r.total().gapKg()).isZero();
        assertThat(r.alerts()).isEmpty();
    }
}
