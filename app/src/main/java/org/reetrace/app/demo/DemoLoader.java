package org.reetrace.app.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.certificate.IssueCertificate;
import org.reetrace.app.certificate.ReadCertificate;
import org.reetrace.app.database.DatabaseSettings;
import org.reetrace.app.ledger.BookEvents;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.registry.ChangeRegistry;
import org.reetrace.app.registry.ReadRegistry;
import org.reetrace.app.security.IssueToken;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.RegistryVersion;
import org.springframework.stereotype.Component;

/**
 * Puts the demo chain into the registry and the ledger through the same paths everything goes through (the
 * versioned registry, the single writer with the rule packs in force). Loading again is harmless: registry changes
 * already recorded (the same change, effective at the same instant) are not recorded again, and events already
 * booked are answered as replays. The tokens printed are those of the last start while they are valid.
 */
@Component
public class DemoLoader {

    /** What the demo booked and the tokens to look at it with. */
    public record Loaded(int registryChanges, int booked, int alreadyThere, String regulatorToken,
                         String magnetMakerToken, String separationPlantToken, String customsToken,
                         String auditorToken, Certificate certificate) {
    }

    /** The certificate of origin of the exported magnets: its id and public URL. */
    public record Certificate(String id, String url) {
    }

    /** The magnet maker, who holds the exported magnets and asks for their certificate. */
    static final Caller MAGNET_MAKER = Caller.operator("demo magnet maker", "OP-JOHOR-MAG");

    static final String AUTHOR = "demo";

    /** The demo records its registry as the regulator would. */
    static final Caller REGULATOR = Caller.of(AUTHOR, Role.REGULATOR);

    private final ReadRegistry read;
    private final ChangeRegistry change;
    private final BookEvents book;
    private final DemoTokens tokens;
    private final IssueCertificate issueCertificate;
    private final ReadCertificate readCertificate;

    public DemoLoader(ReadRegistry read, ChangeRegistry change, BookEvents book, IssueToken tokens,
                      DatabaseSettings database, IssueCertificate issueCertificate, ReadCertificate readCertificate) {
        this.read = read;
        this.change = change;
        this.book = book;
        this.issueCertificate = issueCertificate;
        this.readCertificate = readCertificate;
        this.tokens = new DemoTokens(DemoTokens.besides(database.dataDir()), tokens);
    }

    public Loaded load() {
        DemoChain demo = DemoChain.build();
        record Key(Object change, java.time.Instant effective) {
        }
        Set<Key> recorded = new HashSet<>();
        for (RegistryVersion v : read.versions(REGULATOR)) {
            recorded.add(new Key(v.change(), v.effective()));
        }
        List<ChangeRegistry.Dated> missing = new ArrayList<>();
        for (DemoChain.Dated d : demo.registryChanges()) {
            if (!recorded.contains(new Key(d.change(), d.effective()))) {
                missing.add(new ChangeRegistry.Dated(d.change(), d.effective()));
            }
        }
        if (!missing.isEmpty()) {
            change.record(REGULATOR, missing);
        }
        List<Outcome> outcomes = book.bookAsSystem(demo.events());
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
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("regulator", Caller.of("demo regulator", Role.REGULATOR));
        callers.put("magnet-maker", MAGNET_MAKER);
        callers.put("separation-plant", Caller.operator("demo separation plant", "OP-PAHANG-RE"));
        callers.put("customs", Caller.of("demo customs officer", Role.CUSTOMS));
        callers.put("auditor", Caller.of("demo auditor", Role.AUDITOR));
        Map<String, String> issued = tokens.tokensFor(callers);
        return new Loaded(missing.size(), booked, replayed, issued.get("regulator"), issued.get("magnet-maker"),
                issued.get("separation-plant"), issued.get("customs"), issued.get("auditor"), certificate());
    }

    /** The exported magnets' certificate: the one issued at an earlier start, or a new one. */
    private Certificate certificate() {
        String lot = DemoChain.MAGNETS.value();
        return readCertificate.ofLot(MAGNET_MAKER, lot).stream().filter(c -> c.status().equals("VALID")).findFirst()
                .map(c -> new Certificate(c.id(), c.url()))
                .orElseGet(() -> {
                    IssueCertificate.Issued issued = issueCertificate.issue(MAGNET_MAKER, lot);
                    return new Certificate(issued.id(), issued.url());
                });
    }
}
