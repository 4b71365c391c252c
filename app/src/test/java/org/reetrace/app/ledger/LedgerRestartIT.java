package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.demo.DemoChain;
import org.reetrace.app.demo.DemoLoader;
import org.reetrace.app.lot.LotQueries;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The books survive a restart: a second process on the same data folder goes on from where the first stopped. */
class LedgerRestartIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ReetraceApplication.class).web(WebApplicationType.NONE)
                .run("--reetrace.database.data-dir=" + dataDir);
    }

    @Test
    void the_ledger_goes_on_after_a_restart_with_its_lots_chain_and_balance_intact() {
        Path dataDir = TestDataDirs.fresh("restart");
        String magnetsBefore;
        String head;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            DemoLoader.Loaded loaded = first.getBean(DemoLoader.class).load();
            assertThat(loaded.booked()).isEqualTo(DemoChain.build().events().size());
            magnetsBefore = first.getBean(LotQueries.class).lot(DemoChain.MAGNETS.value()).orElseThrow().lot().toString();
            head = first.getBean(LedgerVerification.class).verify().head();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(LotQueries.class).lot(DemoChain.MAGNETS.value()).orElseThrow().lot().toString())
                    .isEqualTo(magnetsBefore);
            assertThat(second.getBean(DemoLoader.class).load().alreadyThere()).isEqualTo(DemoChain.build().events().size());
            List<Outcome> more = second.getBean(LedgerWriter.class).apply(List.of(new Extract(EventId.of("after-restart"),
                    Instant.parse("2026-07-01T00:00:00Z"), DemoChain.ISL_MINE, LotId.of("ISL-2026-0002"),
                    MaterialForm.ORE, Mass.ofTonnes(10), Composition.of(Element.La, 1_000_000), null)));

            Outcome.Booked booked = (Outcome.Booked) more.getFirst();
            assertThat(booked.sequence()).isEqualTo(DemoChain.build().events().size() + 1);
            LedgerVerification.Report report = second.getBean(LedgerVerification.class).verify();
            assertThat(report.clean()).as(String.valueOf(report.firstViolation())).isTrue();
            assertThat(report.events()).isEqualTo(booked.sequence());
            assertThat(report.head()).isNotEqualTo(head).isEqualTo(booked.hash());
        }
    }
}
