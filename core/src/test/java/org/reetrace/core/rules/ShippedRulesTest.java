package org.reetrace.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.rules.RuleFixture.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;

/** Every shipped rule with a case that passes and a case that fails. */
class ShippedRulesTest {

    private static final RuleBook BOOK = book();

    private static Finding finding(LedgerEvent event, LedgerFacts facts, String ruleId) {
        Evaluation ev = BOOK.evaluate(RuleContext.forEvent(event, HISTORY.asOf(event.time()), facts));
        return ev.of(ruleId).orElseThrow(() -> new AssertionError(ruleId + " did not evaluate: " + ev.findings()));
    }

    private static Finding assessed(Lot lot, Instant at, String ruleId) {
        Evaluation ev = BOOK.evaluate(RuleContext.forLot(lot, at, HISTORY.asOf(at)));
        return ev.of(ruleId).orElseThrow(() -> new AssertionError(ruleId + " did not evaluate: " + ev.findings()));
    }

    private static Export export(Lot lot, String permit) {
        return new Export(EventId.of("ev-export-" + lot.id()), JUNE_2026, lot.facility(), lot.id(),
                new CustomsDeclaration("K2-2026-001", "2846.90", permit, "Tokyo Magnet KK", JP));
    }

    private static Extract extract(GeoPoint at, long tonnes) {
        return new Extract(EventId.of("ev-extract"), JUNE_2026, MINE, LotId.of("lot-ore-new"), MaterialForm.ORE,
                Mass.ofTonnes(tonnes), kg(Element.Y, 100, Element.La, 50), at);
    }

    @Nested
    class Malaysia {

        @Test
        void a_separated_oxide_may_be_exported() {
            Lot oxide = ndprOxide(STATE_PLANT, STATE_SEP);
            Finding f = finding(export(oxide, "EP-2026-0042"), facts(Mass.ZERO, oxide), "MY-EXP-01");
            assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        void a_mixed_carbonate_declared_as_an_oxide_is_blocked_as_unprocessed() {
            Lot fake = carbonateDeclaredAsOxide(STATE_PLANT, STATE_SEP);
            Finding f = finding(export(fake, "EP-2026-0042"), facts(Mass.ZERO, fake), "MY-EXP-01");
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.blocks()).isTrue();
            assertThat(f.citation()).contains("moratorium");
            assertThat(f.detail()).contains("passed").contains("0.00 %");
        }

        @Test
        void extraction_inside_a_valid_lease_passes_and_outside_it_is_blocked() {
            assertThat(finding(extract(IN_LEASE, 10), facts(Mass.ZERO), "MY-MIN-LEASE").outcome()).isEqualTo(Outcome.PASSED);
            Finding outside = finding(extract(OUTSIDE_LEASE, 10), facts(Mass.ZERO), "MY-MIN-LEASE");
            assertThat(outside.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outside.detail()).contains("5.5").contains("no valid lease");
        }

        @Test
        void extraction_after_the_lease_expired_is_blocked() {
            Extract late = new Extract(EventId.of("ev-late"), date(2030, 3, 1), MINE, LotId.of("lot-late"),
                    MaterialForm.ORE, Mass.ofTonnes(1), kg(Element.Y, 1), IN_LEASE);
            assertThat(finding(late, facts(Mass.ZERO), "MY-MIN-LEASE").outcome()).isEqualTo(Outcome.FAILED);
        }

        @Test
        void extraction_inside_a_forest_reserve_is_blocked_even_within_the_lease() {
            assertThat(finding(extract(IN_LEASE, 10), facts(Mass.ZERO), "MY-MIN-01").outcome()).isEqualTo(Outcome.PASSED);
            Finding forest = finding(extract(IN_FOREST, 10), facts(Mass.ZERO), "MY-MIN-01");
            assertThat(forest.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(forest.detail()).contains("PERMANENT_FOREST_RESERVE");
        }

        @Test
        void extraction_within_the_annual_quota_passes_and_beyond_it_is_blocked() {
            assertThat(finding(extract(IN_LEASE, 200), facts(Mass.ofTonnes(800)), "MY-MIN-QUOTA").outcome())
                    .isEqualTo(Outcome.PASSED);
            Finding over = finding(extract(IN_LEASE, 201), facts(Mass.ofTonnes(800)), "MY-MIN-QUOTA");
            assertThat(over.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(over.detail()).contains("201000").contains("200000");
        }

        private Lot residue(FacilityId at, BigDecimal activity) {
            return lot("lot-wlp", MaterialForm.RESIDUE, at, PRIVATE_SEP, 5000, java.util.Map.of(
                    path(PERAK, stage(org.reetrace.core.pedigree.StageKind.MINING, MY, MY)), kg(Element.Th, 10)))
                    .withActivity(activity);
        }

        @Test
        void radioactive_residue_may_be_shipped_to_a_licensed_disposal_facility_only() {
            Lot wlp = residue(PRIVATE_PLANT, new BigDecimal("6.2"));
            Ship toPdf = new Ship(EventId.of("ev-ship-1"), JUNE_2026, PRIVATE_PLANT, wlp.id(), DISPOSAL);
            Ship toWarehouse = new Ship(EventId.of("ev-ship-2"), JUNE_2026, PRIVATE_PLANT, wlp.id(), WAREHOUSE);
            assertThat(finding(toPdf, facts(Mass.ZERO, wlp), "MY-RAD-SHIP").outcome()).isEqualTo(Outcome.PASSED);
            Finding f = finding(toWarehouse, facts(Mass.ZERO, wlp), "MY-RAD-SHIP");
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.detail()).contains("6.2 Bq/g").contains("WAREHOUSE");
        }

        @Test
        void residue_below_one_becquerel_per_gram_may_go_anywhere() {
            Lot clean = residue(PRIVATE_PLANT, new BigDecimal("0.4"));
            Ship toWarehouse = new Ship(EventId.of("ev-ship-3"), JUNE_2026, PRIVATE_PLANT, clean.id(), WAREHOUSE);
            assertThat(finding(toWarehouse, facts(Mass.ZERO, clean), "MY-RAD-SHIP").outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        void radioactive_residue_must_arrive_at_a_licensed_disposal_facility() {
            Lot wlp = residue(PRIVATE_PLANT, new BigDecimal("6.2"));
            Receive atPdf = new Receive(EventId.of("ev-rcv-1"), JUNE_2026, DISPOSAL, wlp.id(), Mass.ofTonnes(5));
            Receive atWarehouse = new Receive(EventId.of("ev-rcv-2"), JUNE_2026, WAREHOUSE, wlp.id(), Mass.ofTonnes(5));
            assertThat(finding(atPdf, facts(Mass.ZERO, wlp), "MY-RAD-ARRIVE").outcome()).isEqualTo(Outcome.PASSED);
            assertThat(finding(atWarehouse, facts(Mass.ZERO, wlp), "MY-RAD-ARRIVE").outcome()).isEqualTo(Outcome.FAILED);
        }

        private Transform separation(FacilityId at) {
            return new Transform(EventId.of("ev-sep-" + at), JUNE_2026, at, ProcessKind.SEPARATION,
                    List.of(new Transform.Input(LotId.of("lot-mrec"), Mass.ofTonnes(1))),
                    List.of(new Transform.Output(LotId.of("lot-ndpr"), MaterialForm.SEPARATED_COMPOUND, Mass.ofKilograms(300),
                            kg(Element.Nd, 200))), null);
        }

        @Test
        void chinese_separation_technology_is_flagged_at_an_operator_that_is_not_state_linked() {
            assertThat(finding(separation(STATE_PLANT), facts(Mass.ZERO), "MY-TECH-CN").outcome()).isEqualTo(Outcome.PASSED);
            Finding f = finding(separation(PRIVATE_PLANT), facts(Mass.ZERO), "MY-TECH-CN");
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.alerts()).isTrue();
            assertThat(f.blocks()).isFalse();
            assertThat(f.detail()).contains("is not state-linked").contains("0 %");
        }

        @Test
        void a_foreign_registered_operator_is_judged_by_its_link_to_the_state_where_its_plant_is() {
            // registered in Japan, wholly owned by the Malaysian state, running Chinese separation in Malaysia
            OperatorId foreign = OperatorId.of("op-foreign-sep");
            FacilityId plant = FacilityId.of("fac-foreign-sep");
            RegistrySnapshot registry = HISTORY.asOf(JUNE_2026)
                    .with(new RegistryChange.PutOperator(new Operator(foreign, "Foreign RE Separation KK", JP)))
                    .with(new RegistryChange.SetShareholders(foreign, List.of(new Shareholding(foreign,
                            new Shareholder.State(MY, "Minister of Finance Incorporated"), new BigDecimal("100")))))
                    .with(new RegistryChange.PutFacility(RegisteredFacility.of(plant, foreign, "Foreign-run separation",
                            FacilityKind.SEPARATION_PLANT, MY, new GeoPoint(3.99, 103.40), List.of(new ProcessTechnology(
                                    ProcessKind.SEPARATION, "Sino RE Tech Co", CN, Mass.ofTonnes(5000))))));

            Finding f = BOOK.evaluate(RuleContext.forEvent(separation(plant), registry, facts(Mass.ZERO)))
                    .of("MY-TECH-CN").orElseThrow();

            assertThat(f.outcome()).as(f.detail()).isEqualTo(Outcome.PASSED);
            assertThat(registry.stateLink(foreign).linked()).as("against its own country's state").isFalse();
        }

        @Test
        void an_export_needs_a_valid_permit_of_the_exporter() {
            Lot oxide = ndprOxide(STATE_PLANT, STATE_SEP);
            assertThat(finding(export(oxide, "EP-2026-0042"), facts(Mass.ZERO, oxide), "MY-EXP-PERMIT").outcome())
                    .isEqualTo(Outcome.PASSED);
            Finding none = finding(export(oxide, null), facts(Mass.ZERO, oxide), "MY-EXP-PERMIT");
            assertThat(none.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(none.detail()).contains("no permit");
            Lot atPrivate = ndprOxide(PRIVATE_PLANT, PRIVATE_SEP);
            assertThat(finding(export(atPrivate, "EP-2026-0042"), facts(Mass.ZERO, atPrivate), "MY-EXP-PERMIT").outcome())
                    .as("another operator's permit").isEqualTo(Outcome.FAILED);
        }

        @Test
        void the_moratorium_blocks_through_2030_and_after_2030_asks_to_confirm_without_blocking() {
            Lot fake = carbonateDeclaredAsOxide(STATE_PLANT, STATE_SEP);
            Export late2030 = new Export(EventId.of("ev-export-2030"), date(2030, 12, 31), fake.facility(), fake.id(),
                    new CustomsDeclaration("K2-2030-001", "2846.90", "EP-2026-0042", "Tokyo Magnet KK", JP));
            Export in2031 = new Export(EventId.of("ev-export-2031"), date(2031, 1, 1), fake.facility(), fake.id(),
                    new CustomsDeclaration("K2-2031-001", "2846.90", "EP-2026-0042", "Tokyo Magnet KK", JP));
            assertThat(finding(late2030, facts(Mass.ZERO, fake), "MY-EXP-01").outcome()).isEqualTo(Outcome.FAILED);
            Finding f = finding(in2031, facts(Mass.ZERO, fake), "MY-EXP-01");
            assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(f.blocks()).isFalse();
            assertThat(f.message()).contains("after 2030");
        }

        @Test
        void an_export_of_an_unprocessed_lot_is_rejected_naming_the_rule_and_its_citation() {
            Lot fake = carbonateDeclaredAsOxide(STATE_PLANT, STATE_SEP);
            Evaluation ev = BOOK.evaluate(RuleContext.forEvent(export(fake, "EP-2026-0042"), REGISTRY, facts(Mass.ZERO, fake)));
            assertThat(ev.block()).hasValueSatisfying(b -> {
                assertThat(b.ruleId()).isEqualTo("MY-EXP-01");
                assertThat(b.pack()).isEqualTo("my");
                assertThat(b.packVersion()).isEqualTo("2026.12");
                assertThat(b.packDigest()).hasSize(64);
            });
        }
    }

    @Nested
    class China {

        @Test
        void china_origin_dysprosium_needs_a_chinese_dual_use_licence() {
            Finding without = assessed(magnetWithChinaMinedDy(STATE_PLANT, STATE_SEP), JUNE_2026, "CN-EXP-18");
            assertThat(without.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(without.detail()).contains("Dy");
            Finding with = assessed(magnetWithChinaMinedDy(PRIVATE_PLANT, PRIVATE_SEP), JUNE_2026, "CN-EXP-18");
            assertThat(with.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(assessed(magnetAllMalaysian(STATE_PLANT, STATE_SEP), JUNE_2026, "CN-EXP-18").outcome())
                    .isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void the_value_rule_is_suspended_until_2026_11_10_and_unknown_after() {
            // no source establishes what MOFCOM decided for after 2026-11-10: the rule asks to confirm, never passes
            Lot magnet = magnetWithChinaMinedDy(STATE_PLANT, STATE_SEP);
            Finding suspended = assessed(magnet, JUNE_2026, "CN-EXP-61");
            assertThat(suspended.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(suspended.message()).contains("suspended");
            Finding after = assessed(magnet, date(2026, 12, 1), "CN-EXP-61");
            assertThat(after.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(after.message()).startsWith("confirm with the authority").contains("Announcement No. 61");
            assertThat(after.detail()).contains("from 2026-11-10").contains("would fail");
            Finding licensed = assessed(magnetWithChinaMinedDy(PRIVATE_PLANT, PRIVATE_SEP), date(2026, 12, 1), "CN-EXP-61");
            assertThat(licensed.outcome()).as("with a licence").isEqualTo(Outcome.UNKNOWN);
            assertThat(licensed.detail()).contains("would pass");
        }

        @Test
        void the_announcement_57_rule_never_applied_and_is_unknown_after_its_suspension() {
            Lot dyOnly = magnetWithChinaMinedDy(STATE_PLANT, STATE_SEP);
            assertThat(assessed(dyOnly, JUNE_2026, "CN-EXP-57").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(assessed(dyOnly, date(2026, 12, 1), "CN-EXP-57").outcome()).as("no Ho, Er, Tm, Eu or Yb from China")
                    .isIn(Outcome.NOT_APPLICABLE, Outcome.UNKNOWN);
        }
    }

    @Nested
    class UnitedStates {

        @Test
        void china_mined_material_passes_now_and_its_2027_step_asks_to_confirm() {
            // what section 848 of the FY2026 NDAA made of the 2027 step is not established: it asks to confirm
            Lot magnet = magnetWithChinaMinedDy(STATE_PLANT, STATE_SEP);
            Evaluation now = BOOK.assess("us", "2026.12", RuleContext.forLot(magnet, JUNE_2026, REGISTRY));
            // the step is dated midnight in Washington, when it is already mid-day in Kuala Lumpur
            Instant newYear = java.time.LocalDate.of(2027, 1, 1).atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant();
            Evaluation justBefore = BOOK.assess("us", "2026.12", RuleContext.forLot(magnet, newYear.minusSeconds(1), REGISTRY));
            assertThat(justBefore.of("US-DFARS-7052").orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
            assertThat(justBefore.of("US-DFARS-7052-2027").orElseThrow().outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            Evaluation then = BOOK.assess("us", "2026.12", RuleContext.forLot(magnet, newYear, REGISTRY));
            assertThat(now.of("US-DFARS-7052").orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
            assertThat(now.of("US-DFARS-7052-2027").orElseThrow().outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(then.of("US-DFARS-7052").orElseThrow().outcome()).as("melted or produced holds on")
                    .isEqualTo(Outcome.PASSED);
            Finding f = then.of("US-DFARS-7052-2027").orElseThrow();
            assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(f.message()).contains("section 848");
            assertThat(f.detail()).contains("would fail").contains("MINING@CN");
            assertThat(then.verdict()).isEqualTo(Verdict.CONFIRM);
        }

        @Test
        void alloy_melted_in_china_fails_the_rule_in_force_now_and_from_2027() {
            Finding f = assessed(magnetMeltedInChina(STATE_PLANT, STATE_SEP), JUNE_2026, "US-DFARS-7052");
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.detail()).contains("METAL_MAKING@CN");
            assertThat(assessed(magnetMeltedInChina(STATE_PLANT, STATE_SEP), date(2027, 6, 1), "US-DFARS-7052").outcome())
                    .isEqualTo(Outcome.FAILED);
        }

        @Test
        void a_magnet_processed_outside_covered_countries_would_pass_the_2027_step_but_asks_to_confirm() {
            Finding f = assessed(magnetAllMalaysian(STATE_PLANT, STATE_SEP), date(2027, 6, 1), "US-DFARS-7052-2027");
            assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(f.detail()).contains("would pass");
        }
    }

    @Nested
    class EuropeanUnion {

        private Lot oxide(String id, org.reetrace.core.pedigree.Origin origin, org.reetrace.core.registry.CountryCode separatedIn,
                          long kgNd) {
            return lot(id, MaterialForm.SEPARATED_COMPOUND, STATE_PLANT, STATE_SEP, kgNd, java.util.Map.of(
                    path(origin, stage(org.reetrace.core.pedigree.StageKind.MINING, origin.country(), origin.country()),
                            stage(org.reetrace.core.pedigree.StageKind.SEPARATION, separatedIn, separatedIn)),
                    kg(Element.Nd, kgNd)));
        }

        @Test
        void a_supply_separated_seventy_percent_in_one_third_country_fails_the_65_percent_benchmark() {
            // mined 40 % MY, 30 % AU, 30 % CN; separated 70 % CN
            List<Lot> supply = List.of(oxide("lot-a", PERAK, CN, 400), oxide("lot-b", MT_WELD, CN, 300),
                    oxide("lot-c", BAYAN_OBO, MY, 300));
            Finding f = BOOK.evaluate(RuleContext.forSupply(supply, JUNE_2026, REGISTRY)).of("EU-CRMA-65").orElseThrow();
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.detail()).startsWith("SEPARATION: CN 70");
        }

        @Test
        void a_supply_spread_over_countries_at_every_stage_passes() {
            List<Lot> supply = List.of(oxide("lot-a", PERAK, CN, 300), oxide("lot-b", MT_WELD, MY, 300),
                    oxide("lot-c", BAYAN_OBO, JP, 400));
            Finding f = BOOK.evaluate(RuleContext.forSupply(supply, JUNE_2026, REGISTRY)).of("EU-CRMA-65").orElseThrow();
            assertThat(f.outcome()).as(f.toString()).isEqualTo(Outcome.PASSED);
        }

        @Test
        void one_lot_alone_is_judged_as_its_own_supply() {
            Finding f = assessed(oxide("lot-a", PERAK, CN, 300), JUNE_2026, "EU-CRMA-65");
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.detail()).startsWith("MINING: MY 100");
        }
    }
}
