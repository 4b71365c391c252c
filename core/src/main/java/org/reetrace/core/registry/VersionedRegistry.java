package org.reetrace.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's history: every change with the instant it takes effect and who made it, so that an event is
 * always checked against the registry as it stood at the event's time ({@link #asOf(Instant)}), whatever was
 * changed since. A change may take effect in the past (a late registration) or the future; it is accepted only if
 * every state of the registry from its effective instant on stays valid, and a refused change leaves the history
 * as it was.
 *
 * <p>Thread-safe: writes are serialised, and readers get immutable snapshots. Registry changes are rare next to
 * events, so each accepted change replays the history (linear in the number of changes) to rebuild one snapshot
 * per effective instant; {@code asOf} is then a tree look-up.
 */
public final class VersionedRegistry implements Registry {

    private static final Comparator<RegistryVersion> ORDER = Comparator.comparing(RegistryVersion::effective)
            .thenComparingLong(RegistryVersion::sequence);

    private List<RegistryVersion> history = List.of();
    private volatile TreeMap<Instant, RegistrySnapshot> snapshots = new TreeMap<>();

    /** Rebuilds a registry from its stored history, checking it as it goes. */
    public static VersionedRegistry restore(List<RegistryVersion> versions) {
        VersionedRegistry r = new VersionedRegistry();
        List<RegistryVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingLong(RegistryVersion::sequence));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).sequence() != i + 1) {
                throw new IllegalArgumentException("registry history has a gap: version " + (i + 1) + " missing, found "
                        + sorted.get(i).sequence());
            }
        }
        r.snapshots = replay(sorted);
        r.history = List.copyOf(sorted);
        return r;
    }

    /**
     * Records a change. @return the version as stored
     * @throws IllegalArgumentException naming the change, its effective instant and the reason; nothing changed
     */
    public synchronized RegistryVersion record(RegistryChange change, Instant effective, String author, Instant recorded) {
        RegistryVersion v = new RegistryVersion(history.size() + 1L, effective, recorded, author, change);
        List<RegistryVersion> next = new ArrayList<>(history);
        next.add(v);
        TreeMap<Instant, RegistrySnapshot> rebuilt = replay(next);
        history = List.copyOf(next);
        snapshots = rebuilt;
        return v;
    }

    private static TreeMap<Instant, RegistrySnapshot> replay(List<RegistryVersion> versions) {
        List<RegistryVersion> ordered = new ArrayList<>(versions);
        ordered.sort(ORDER);
        TreeMap<Instant, RegistrySnapshot> m = new TreeMap<>();
        RegistrySnapshot s = RegistrySnapshot.EMPTY;
        for (RegistryVersion v : ordered) {
            try {
                s = s.with(v.change());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("registry change " + v.sequence() + " by " + v.author()
                        + " effective " + v.effective() + " refused: " + e.getMessage(), e);
            }
            m.put(v.effective(), s);
        }
        return m;
    }

    /** The registry as it stood at {@code at}: every change effective at or before it, in effective order. */
    public RegistrySnapshot asOf(Instant at) {
        Map.Entry<Instant, RegistrySnapshot> e = snapshots.floorEntry(at);
        return e == null ? RegistrySnapshot.EMPTY : e.getValue();
    }

    /** The registry with every recorded change applied, including those that take effect later. */
    public RegistrySnapshot latest() {
        Map.Entry<Instant, RegistrySnapshot> e = snapshots.lastEntry();
        return e == null ? RegistrySnapshot.EMPTY : e.getValue();
    }

    public synchronized List<RegistryVersion> history() {
        return history;
    }

    @Override
    public Optional<Facility> facility(FacilityId id) {
        return latest().facility(id);
    }

    @Override
    public Optional<Operator> operator(OperatorId id) {
        return latest().operator(id);
    }
}
