package org.reetrace.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reetrace.core.rules.RuleFixture.*;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;

class RuleBookTest {

    private static final String GOOD = """
            pack: test
            version: 1
            jurisdiction: MY
            param limit: 500.0

            rule: T-1
            citation: Test Act 2026 s.1
            effective: 2024-01-01..
            applies-to: EXPORT LOT
            severity: BLOCK
            require: lot.massKg <= params.limit
            explain: string(lot.massKg) + ' kg'
            message: Lots over the limit may not leave.
            """;

    /** Line 8 holds the condition; the error is the unknown function at column 10 of the file. */
    private static final String BAD_CEL = """
            pack: test
            version: 2
            jurisdiction: MY

            rule: T-1
            citation: Test Act 2026 s.1
            effective: 2024-01-01..
            applies-to: EXPORT
            severity: BLOCK
            require: lot.massKg > 0.0 &&
              nosuchFunction(lot)
            message: x
            """;

    @Test
    void a_pack_with_a_cel_error_is_refused_with_rule_id_line_and_column_and_the_book_is_unchanged() {
        RuleBook book = new RuleBook(ENGINE);
        book.load("good.rules", GOOD, true);
        assertThatThrownBy(() -> book.load("bad.rules", BAD_CEL, true))
                .isInstanceOfSatisfying(RulePackException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleProblem p = e.problems().getFirst();
                    assertThat(p.ruleId()).isEqualTo("T-1");
                    assertThat(p.line()).isEqualTo(11);
                    assertThat(p.column()).isEqualTo(17);
                    assertThat(p.message()).contains("nosuchFunction");
                    assertThat(e.getMessage()).contains("bad.rules").contains("T-1 at line 11, column 17");
                });
        assertThat(book.list()).extracting(RuleBook.Entry::key).containsExactly("test@1");
        assertThat(book.list().getFirst().enabled()).isTrue();
    }

    @Test
    void a_syntax_error_on_the_first_line_of_a_condition_points_into_that_line() {
        String text = GOOD.replace("require: lot.massKg <= params.limit", "require: lot.massKg <=> params.limit");
        assertThatThrownBy(() -> ENGINE.load("x.rules", text)).isInstanceOfSatisfying(RulePackException.class, e -> {
            RuleProblem p = e.problems().getFirst();
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isBetween(21, 24);
        });
    }

    @Test
    void a_condition_that_is_not_boolean_is_refused() {
        String text = GOOD.replace("require: lot.massKg <= params.limit", "require: lot.massKg + 1.0");
        assertThatThrownBy(() -> ENGINE.load("x.rules", text)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("T-1 at line 11");
    }

    @Test
    void an_unknown_jurisdiction_is_refused() {
        assertThatThrownBy(() -> ENGINE.load("x.rules", GOOD.replace("jurisdiction: MY", "jurisdiction: XX")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("unknown jurisdiction XX");
    }

    @Test
    void unknown_keys_subjects_and_severities_are_refused_with_their_lines() {
        String text = GOOD.replace("severity: BLOCK", "severity: WARN").replace("applies-to: EXPORT LOT", "applies-to: EXPROT");
        assertThatThrownBy(() -> ENGINE.load("x.rules", text)).isInstanceOfSatisfying(RulePackException.class, e ->
                assertThat(e.problems()).extracting(RuleProblem::line).contains(9, 10));
    }

    @Test
    void a_loaded_version_cannot_be_replaced_by_different_text() {
        RuleBook book = new RuleBook(ENGINE);
        book.load("a", GOOD, true);
        book.load("a", GOOD, true);
        assertThatThrownBy(() -> book.load("b", GOOD.replace("500.0", "600.0"), true))
                .isInstanceOf(RulePackException.class).hasMessageContaining("new version");
    }

    @Test
    void enabling_a_version_disables_the_others_and_disabled_packs_are_not_evaluated() {
        RuleBook book = new RuleBook(ENGINE);
        book.load("v1", GOOD, true);
        book.load("v2", GOOD.replace("version: 1", "version: 2").replace("500.0", "5000.0"), false);
        Lot oxide = ndprOxide(STATE_PLANT, STATE_SEP);
        RuleContext ctx = RuleContext.forLot(oxide, JUNE_2026, REGISTRY);
        assertThat(book.evaluate(ctx).of("T-1").orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
        book.enable("test", "2");
        assertThat(book.list()).extracting(RuleBook.Entry::enabled).containsExactly(false, true);
        assertThat(book.evaluate(ctx).of("T-1").orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
        book.disable("test", "2");
        assertThat(book.evaluate(ctx).findings()).isEmpty();
        assertThat(book.assess("test", "1", ctx).of("T-1").orElseThrow().detail()).isEqualTo("1000.0 kg");
    }

    @Test
    void the_customs_precheck_reports_each_jurisdiction_asked_for() {
        RuleBook book = book();
        Lot fake = carbonateDeclaredAsOxide(STATE_PLANT, STATE_SEP);
        RuleContext ctx = RuleContext.forExport(fake, new CustomsDeclaration("K2-1", "2846.90", "EP-2026-0042",
                "Buyer GmbH", DE()), JUNE_2026, REGISTRY, facts(Mass.ZERO, fake));
        Evaluation ev = book.evaluate(ctx, java.util.Set.of(Jurisdiction.MY, Jurisdiction.CN));
        assertThat(ev.findings()).extracting(Finding::jurisdiction).containsOnly(Jurisdiction.MY, Jurisdiction.CN);
        assertThat(ev.block()).map(Finding::ruleId).hasValue("MY-EXP-01");
        assertThat(ev.of("MY-EXP-PERMIT").orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(ev.of("CN-EXP-18").orElseThrow().outcome()).as("China-origin Dy? none here").isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void a_rule_whose_function_meets_an_unknown_name_is_an_error_finding_that_alerts_but_never_blocks() {
        RuleBook book = new RuleBook(ENGINE);
        book.load("x", GOOD.replace("require: lot.massKg <= params.limit", "require: stageShare('SMELTING', 'CN') < 0.5"), true);
        Finding f = book.evaluate(RuleContext.forLot(ndprOxide(STATE_PLANT, STATE_SEP), JUNE_2026, REGISTRY))
                .of("T-1").orElseThrow();
        assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(f.detail()).contains("unknown stage 'SMELTING'");
        assertThat(f.alerts()).isTrue();
        assertThat(f.blocks()).isFalse();
    }

    /** T-1 as GOOD, whose law could not be established from 2026-11-10. */
    private static final String UNKNOWN_AFTER = GOOD.replace("version: 1", "version: u1")
            .replace("effective: 2024-01-01..", """
                    effective: 2024-01-01..
                    unknown: 2026-11-10..
                    confirm: whether the Test Act still applies after its sunset""");

    @Test
    void where_a_rule_s_law_is_unknown_it_asks_to_confirm_with_the_authority_alerts_and_never_blocks_or_passes() {
        RuleBook book = new RuleBook(ENGINE);
        book.load("u.rules", UNKNOWN_AFTER, true);
        Lot heavy = ndprOxide(STATE_PLANT, STATE_SEP);
        Instant december = date(2026, 12, 1);

        Finding before = book.evaluate(RuleContext.forLot(heavy, JUNE_2026, REGISTRY)).of("T-1").orElseThrow();
        Evaluation after = book.evaluate(RuleContext.forLot(heavy, december, REGISTRY));
        Finding f = after.of("T-1").orElseThrow();

        assertThat(before.outcome()).as("known before the date").isIn(Outcome.PASSED, Outcome.FAILED);
        assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(f.message()).startsWith("confirm with the authority: whether the Test Act still applies")
                .contains("Test Act 2026 s.1");
        assertThat(f.detail()).contains("from 2026-11-10").contains("as written, the rule would");
        assertThat(f.blocks()).isFalse();
        assertThat(f.alerts()).isTrue();
        assertThat(after.block()).isEmpty();
        assertThat(after.unknown()).containsExactly(f);
        assertThat(after.verdict()).isEqualTo(Verdict.CONFIRM);
    }

    @Test
    void an_unknown_period_needs_what_to_confirm_and_what_to_confirm_needs_an_unknown_period() {
        String noConfirm = UNKNOWN_AFTER.replace("confirm: whether the Test Act still applies after its sunset\n", "");
        String noPeriod = UNKNOWN_AFTER.replace("unknown: 2026-11-10..\n", "");
        assertThatThrownBy(() -> ENGINE.load("a.rules", noConfirm)).isInstanceOfSatisfying(RulePackException.class,
                e -> assertThat(e.getMessage()).contains("say what to confirm"));
        assertThatThrownBy(() -> ENGINE.load("b.rules", noPeriod)).isInstanceOfSatisfying(RulePackException.class,
                e -> assertThat(e.getMessage()).contains("no unknown period"));
    }

    @Test
    void a_verdict_fails_on_a_failed_rule_asks_to_confirm_on_an_unknown_one_and_passes_only_clean() {
        Finding passed = finding(Outcome.PASSED);
        Finding unknown = finding(Outcome.UNKNOWN);
        Finding failed = finding(Outcome.FAILED);
        assertThat(Verdict.of(java.util.List.of(passed, finding(Outcome.NOT_APPLICABLE)))).isEqualTo(Verdict.PASS);
        assertThat(Verdict.of(java.util.List.of(passed, unknown))).isEqualTo(Verdict.CONFIRM);
        assertThat(Verdict.of(java.util.List.of(unknown, failed))).isEqualTo(Verdict.FAIL);
        assertThat(Verdict.CONFIRM.passes()).isFalse();
    }

    private static Finding finding(Outcome outcome) {
        return new Finding("p", "1", "d", "R-" + outcome, Jurisdiction.MY, "c", Severity.FLAG, outcome, "m", "", JUNE_2026);
    }

    @Test
    void the_bundled_packs_load_and_list() {
        assertThat(book().list()).extracting(RuleBook.Entry::key)
                .containsExactly("cn@2026.12", "eu@2026.12", "my@2026.12", "us@2026.12");
        assertThat(book().pack("my", "2026.12").pack().rules()).hasSize(8);
        assertThat(book().pack("cn", "2026.12").param("valueThreshold")).hasValue(0.001);
    }

    /** Looks a lot up in the books, which for one lot id first waits for another thread: see below. */
    private static LedgerFacts pausingAt(String lotId, Runnable pause) {
        return new LedgerFacts() {
            @Override
            public Optional<Lot> lot(LotId id) {
                if (id.value().equals(lotId)) {
                    pause.run();
                }
                return Optional.empty();
            }

            @Override
            public Mass extractedInYear(FacilityId mine, int year) {
                return Mass.ZERO;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void packs_shared_by_threads_judge_each_thread_s_own_subject_while_another_is_judged() throws Exception {
        // the first function (a books look-up) of A waits until B is inside its own evaluation; A's second
        // function then runs while B is being judged, and must still see A's extraction, inside the lease
        RuleBook book = new RuleBook(ENGINE);
        book.load("t", """
                pack: threads
                version: 1
                jurisdiction: MY
                rule: T-1
                citation: Test Act 2026 s.1
                effective: 2024-01-01..
                applies-to: EXTRACT
                severity: FLAG
                require: !processed({'id': 'probe'}) && inLease()
                message: x
                """, true);
        var aInside = new CountDownLatch(1);
        var bInside = new CountDownLatch(1);
        var aDone = new CountDownLatch(1);
        var a = new Extract(EventId.of("a"), JUNE_2026, MINE, LotId.of("lot-a"), MaterialForm.ORE, Mass.ofTonnes(1),
                kg(Element.Y, 1), IN_LEASE);
        var b = new Extract(EventId.of("b"), JUNE_2026, MINE, LotId.of("lot-b"), MaterialForm.ORE, Mass.ofTonnes(1),
                kg(Element.Y, 1), OUTSIDE_LEASE);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            var judgedA = threads.submit(() -> {
                try {
                    return book.evaluate(RuleContext.forEvent(a, REGISTRY, pausingAt("probe", () -> {
                        aInside.countDown();
                        await(bInside);
                    }))).of("T-1").orElseThrow();
                } finally {
                    aDone.countDown();
                }
            });
            await(aInside);
            var judgedB = threads.submit(() -> book.evaluate(RuleContext.forEvent(b, REGISTRY, pausingAt("probe", () -> {
                bInside.countDown();
                await(aDone);
            }))).of("T-1").orElseThrow());
            assertThat(judgedA.get().outcome()).isEqualTo(Outcome.PASSED);
            assertThat(judgedB.get().outcome()).isEqualTo(Outcome.FAILED);
        } finally {
            threads.shutdownNow();
        }
    }

    private static org.reetrace.core.registry.CountryCode DE() {
        return org.reetrace.core.registry.CountryCode.of("DE");
    }
}
