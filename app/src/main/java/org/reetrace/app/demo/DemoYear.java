package org.reetrace.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.reetrace.core.registry.CountryCode;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.scenario.ScenarioParser;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated national chain, so that the regulator has analytics to look at: the Malaysia scenario for
 * fifteen months (2026-01 to 2027-03, the first twelve the mines' fingerprint baseline), seed 2026, scale 1, its
 * facilities renamed {@code MY-...-91} and its operators {@code OPS-...} so that they stand beside the demo chain's
 * (and its Perak clay field moved 5 km south, out of the demo's forest reserve). The packs refuse the exports of
 * heavy rare-earth group oxide, a mixed compound by MY-EXP-01 (its two main elements are about half of it): those
 * never leave, so the partners' statistics do not show them either.
 * Its frauds are those the shipped rule packs let through and the analytics must find: an abrupt theft at the
 * metal plant, illegal ore laundered through a licensed clay mine, radioactive residue kept at a separation plant,
 * exports declared 15 % light, and Chinese technology at an operator that is not state-linked (a FLAG rule). Event
 * and lot ids start with {@code demo-sim-}.
 */
@Component
public class DemoYear {

    public static final String PREFIX = "demo-sim-";
    public static final long SEED = 2026;
    public static final String METAL = "MY-MLK-MET-91";
    public static final String SEPARATION = "MY-PHG-SEP-91";
    public static final String MINE = "MY-PRK-ISL-91";

    private final SimulatedChain chain;

    public DemoYear(SimulatedChain chain) {
        this.chain = chain;
    }

    public static Scenario scenario() {
        String text;
        try (InputStream in = Scenario.class.getResourceAsStream("/org/reetrace/sim/malaysia.scenario")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the default scenario ships with the simulator", e);
        }
        // the demo chain's forest reserve HSK-PRK-0231 begins at 5.266 N: the simulated Kenering field moves south of it
        text = text.replace("lat=5.25 lon=101.12 lease=5.20,101.05,5.30,101.20", "lat=5.20 lon=101.12 lease=5.15,101.05,5.25,101.20");
        text = text.replaceAll("\\bMY-([A-Z]{3})-([A-Z]{3})-01\\b", "MY-$1-$2-91").replaceAll("\\bOP-", "OPS-");
        YearMonth y2027 = YearMonth.of(2027, 1);
        return ScenarioParser.parse(text).withMonths(15).withScale(1).withFrauds(List.of(
                new FraudSpec(FraudType.ABRUPT_THEFT, METAL, y2027, 0.08, null, null, 0),
                new FraudSpec(FraudType.LAUNDERED_ORE, MINE, y2027, 2, null, "illegal-clay", 0),
                new FraudSpec(FraudType.RESIDUE_NOT_DISPOSED, SEPARATION, y2027, 0, null, null, 0),
                new FraudSpec(FraudType.UNDER_DECLARED_EXPORT, "MY-PHG-PRT-91", y2027, 0.15, CountryCode.of("JP"), null, 0),
                new FraudSpec(FraudType.CHINESE_TECHNOLOGY_UNLINKED, SEPARATION, YearMonth.of(2026, 1), 0, null, null, 0)));
    }

    /** Books the year (again: already booked events are replays). */
    public SimulatedChain.Booked load() {
        return chain.book(scenario(), SEED, PREFIX);
    }
}
