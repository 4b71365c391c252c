package org.reetrace.app.demo;

import java.util.List;
import java.util.Optional;

import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.Operator;
import org.springframework.stereotype.Component;

/**
 * Puts the demo chain into the ledger through the same writer every event goes through. Loading again is
 * harmless: registry entries that exist are left alone and events already booked are answered as replays.
 */
@Component
public class DemoLoader {

    /** What the demo booked and the tokens to look at it with. */
    public record Loaded(int booked, int alreadyThere, String regulatorToken, String magnetMakerToken,
                         String separationPlantToken) {
    }

    private final StoredRegistry registry;
    private final LedgerWriter writer;
    private final ApiTokens tokens;

    public DemoLoader(StoredRegistry registry, LedgerWriter writer, ApiTokens tokens) {
        this.registry = registry;
        this.writer = writer;
        this.tokens = tokens;
    }

    public Loaded load() {
        DemoChain demo = DemoChain.build();
        for (Operator o : demo.operators()) {
            if (registry.operator(o.id()).isEmpty()) {
                registry.add(o, "demo");
            }
        }
        for (Facility f : demo.facilities()) {
            if (registry.facility(f.id()).isEmpty()) {
                registry.add(f, "demo");
            }
        }
        List<Outcome> outcomes = writer.apply(demo.events());
        int booked = 0;
        int replayed = 0;
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Booked b) {
                if (b.replay()) {
                    replayed++;
                } else {
                    booked++;
                }
            } else {
                throw new IllegalStateException("the demo chain was not accepted: " + o);
            }
        }
        return new Loaded(booked, replayed,
                tokens.issue(Caller.of("demo regulator", Role.REGULATOR)).token(),
                tokens.issue(new Caller("demo magnet maker", Role.OPERATOR, Optional.of("OP-JOHOR-MAG"))).token(),
                tokens.issue(new Caller("demo separation plant", Role.OPERATOR, Optional.of("OP-PAHANG-RE"))).token());
    }
}
