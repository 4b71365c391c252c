package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rows a summarised trace reads, kept by the writer as it books, and worked out again for earlier books. */
class TraceRowsIT extends RunningAppIT {

    @Autowired
    private DemoLoader loader;

    @Autowired
    private JdbcTemplate template;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private LedgerVerification verification;

    @Test
    void the_writer_keeps_each_transformations_sides_and_links_and_the_migration_finds_the_same_from_the_undo_data()
            throws Exception {
        loader.load();
        String groups = "select seq, output, form, facility_id, holder_id, origin, lots, masses::text from trace_group"
                + " order by 1, 2, 3, 4, 5, 6";
        String edges = "select seq, parent from trace_edge order by 1, 2";
        List<Map<String, Object>> kept = template.queryForList(groups);
        List<Map<String, Object>> links = template.queryForList(edges);
        assertThat(template.queryForObject("select count(distinct seq) from trace_group", Long.class))
                .isEqualTo(template.queryForObject("select count(distinct seq) from lineage", Long.class));
        // the magnet maker took the whole alloy in: what it took is the alloy as the metal plant made it
        assertThat(template.queryForObject("""
                select g.masses[1] from trace_group g join lineage l on l.seq = g.seq and l.lot_id = 'MAG-2026-0001'
                where not g.output""", Long.class)).isEqualTo(1_036_379_631L);
        assertThat(links).isNotEmpty();

        template.update("delete from trace_group");
        template.update("delete from trace_edge");
        assertThat(verification.verify().clean()).isFalse();
        try (Connection c = dataSource.getConnection()) {
            V20__Trace_rows.fill(c);
        }
        assertThat(template.queryForList(groups)).isEqualTo(kept);
        assertThat(template.queryForList(edges)).isEqualTo(links);
        assertThat(verification.verify().clean()).isTrue();
    }
}
