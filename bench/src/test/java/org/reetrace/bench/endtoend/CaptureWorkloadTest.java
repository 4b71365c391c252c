package org.reetrace.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.sim.ScenarioRegistry;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.scenario.Scenario;

class CaptureWorkloadTest {
    private static final Scenario YEAR = Scenario.malaysia().clean().withMonths(12);

    private static List<CaptureWorkload.Document> documents(List<LedgerEvent> stream, int size) {
        ScenarioRegistry chain = new ScenarioRegistry(YEAR);
        return CaptureWorkload.documents(stream, f -> chain.facility(f).orElseThrow().operator().value(), size);
    }

    @Test
    void a_simulated_year_is_cut_into_documents_of_one_operator_that_follow_the_shipments_they_receive() {
        List<LedgerEvent> stream = new ArrayList<>();
        Simulation.run(YEAR, 1, stream::add);
        List<CaptureWorkload.Document> docs = documents(stream, 100);

        assertThat(docs.stream().mapToInt(d -> d.events().size()).sum()).isEqualTo(stream.size());
        assertThat(docs).allSatisfy(d -> assertThat(d.events()).hasSizeBetween(1, 100));
        assertThat(docs.stream().map(CaptureWorkload.Document::operator).distinct()).hasSize(11);
        Map<String, CaptureWorkload.Document> documentOf = new HashMap<>();
        docs.forEach(d -> d.events().forEach(e -> documentOf.put(e.id().value(), d)));
        Map<String, Integer> shippedIn = new HashMap<>();
        int receipts = 0;
        for (LedgerEvent e : stream) {
            if (e instanceof Ship s) {
                shippedIn.put(s.lot().value(), documentOf.get(e.id().value()).number());
            } else if (e instanceof Receive r) {
                int shipment = shippedIn.get(r.lot().value());
                CaptureWorkload.Document receipt = documentOf.get(e.id().value());
                if (receipt.number() != shipment) {
                    assertThat(receipt.after()).as("document %d receives a lot shipped in %d", receipt.number(),
                            shipment).contains(shipment);
                    receipts++;
                }
            }
        }
        assertThat(receipts).isPositive();
    }

    @Test
    void documents_come_after_those_they_follow_even_when_opened_before_them() {
        List<LedgerEvent> stream = new ArrayList<>();
        Simulation.run(YEAR, 1, stream::add);
        List<CaptureWorkload.Document> docs = documents(stream, 50);

        Set<Integer> sent = new HashSet<>();
        boolean openedBeforeOneItFollows = false;
        for (CaptureWorkload.Document d : docs) {
            assertThat(sent).as("document %d follows %s", d.number(), d.after()).containsAll(d.after());
            openedBeforeOneItFollows |= d.after().stream().anyMatch(n -> n > d.number());
            sent.add(d.number());
        }
        assertThat(openedBeforeOneItFollows).as("the order of opening would not do").isTrue();
    }

    @Test
    void documents_that_wait_on_each_other_are_refused() {
        LedgerEvent any = firstEvent();
        List<CaptureWorkload.Document> docs = List.of(
                new CaptureWorkload.Document(0, "OP-A", List.of(any), Set.of()),
                new CaptureWorkload.Document(1, "OP-B", List.of(any), Set.of(2)),
                new CaptureWorkload.Document(2, "OP-C", List.of(any), Set.of(1)));

        assertThatThrownBy(() -> CaptureWorkload.inOrder(docs)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wait on each other");
    }

    private static LedgerEvent firstEvent() {
        List<LedgerEvent> one = new ArrayList<>();
        Simulation.run(YEAR.withMonths(1), 1, e -> {
            if (one.isEmpty()) {
                one.add(e);
            }
        });
        return one.getFirst();
    }
}
