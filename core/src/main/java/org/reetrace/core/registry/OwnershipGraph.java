package org.reetrace.core.registry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns whom: every company's shareholders with their percentages, through holding companies up to states.
 * Immutable, and valid by construction: no company has holdings adding up to more than 100 %, and no company
 * owns itself through a chain (a cycle would make the effective ownership an infinite series and usually means a
 * data-entry error; cross-holdings that really exist must be entered net).
 *
 * <p>Effective ownership is the sum over every chain from the state down to the company of the product of the
 * percentages along the chain: a state holding 60 % of H1 which holds 50 % of X, and 100 % of H2 which holds 20 % of
 * X, owns 0.6 x 0.5 + 1.0 x 0.2 = 50 % of X.
 */
public final class OwnershipGraph {

    public static final OwnershipGraph EMPTY = new OwnershipGraph(Map.of());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Holdings in each company. */
    private final Map<OperatorId, List<Shareholding>> holders;

    private OwnershipGraph(Map<OperatorId, List<Shareholding>> holders) {
        this.holders = holders;
    }

    /** @throws IllegalArgumentException naming the company and the numbers, on shares over 100 % or a cycle */
    public static OwnershipGraph of(Collection<Shareholding> holdings) {
        Map<OperatorId, List<Shareholding>> m = new LinkedHashMap<>();
        for (Shareholding s : holdings) {
            List<Shareholding> list = m.computeIfAbsent(s.company(), k -> new ArrayList<>());
            if (list.stream().anyMatch(o -> o.holder().equals(s.holder()))) {
                throw new IllegalArgumentException(s.holder() + " is listed twice as a shareholder of " + s.company());
            }
            list.add(s);
        }
        m.forEach((company, list) -> {
            BigDecimal sum = list.stream().map(Shareholding::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("shareholdings in " + company + " add up to " + sum.toPlainString()
                        + " %, more than 100 %: " + list.stream().map(s -> s.holder() + " " + s.percent().toPlainString() + " %").toList());
            }
        });
        Map<OperatorId, List<Shareholding>> frozen = new LinkedHashMap<>();
        m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        OwnershipGraph g = new OwnershipGraph(java.util.Collections.unmodifiableMap(frozen));
        g.refuseCycles();
        return g;
    }

    /** This graph with {@code company}'s shareholders replaced by {@code holdings} (all must be in that company). */
    public OwnershipGraph withHolders(OperatorId company, List<Shareholding> holdings) {
        for (Shareholding s : holdings) {
            if (!s.company().equals(company)) {
                throw new IllegalArgumentException("holding in " + s.company() + " listed among the shareholders of " + company);
            }
        }
        List<Shareholding> all = new ArrayList<>();
        holders.forEach((k, v) -> {
            if (!k.equals(company)) {
                all.addAll(v);
            }
        });
        all.addAll(holdings);
        return of(all);
    }

    public List<Shareholding> holdersOf(OperatorId company) {
        return holders.getOrDefault(company, List.of());
    }

    public Collection<Shareholding> all() {
        List<Shareholding> all = new ArrayList<>();
        holders.values().forEach(all::addAll);
        return all;
    }

    /** Every chain of holdings from {@code company} up to {@code state}, and the effective share they add up to. */
    public StateLink stateLink(OperatorId company, CountryCode state, BigDecimal thresholdPercent) {
        List<OwnershipPath> paths = new ArrayList<>();
        walk(company, state, new ArrayDeque<>(), paths);
        BigDecimal share = BigDecimal.ZERO;
        for (OwnershipPath p : paths) {
            share = share.add(p.share(), MathContext.DECIMAL64);
        }
        return new StateLink(company, state, share.stripTrailingZeros(), thresholdPercent, paths);
    }

    private void walk(OperatorId company, CountryCode state, Deque<Shareholding> chain, List<OwnershipPath> out) {
        for (Shareholding s : holdersOf(company)) {
            chain.addLast(s);
            switch (s.holder()) {
                case Shareholder.State st -> {
                    if (st.country().equals(state)) {
                        out.add(new OwnershipPath(new ArrayList<>(chain)));
                    }
                }
                case Shareholder.Company c -> walk(c.id(), state, chain, out);
            }
            chain.removeLast();
        }
    }

    private void refuseCycles() {
        Map<OperatorId, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        for (OperatorId start : holders.keySet()) {
            Deque<OperatorId> stack = new ArrayDeque<>();
            visit(start, state, stack);
        }
    }

    private void visit(OperatorId company, Map<OperatorId, Integer> state, Deque<OperatorId> stack) {
        Integer s = state.get(company);
        if (s != null && s == 2) {
            return;
        }
        if (s != null) {
            List<OperatorId> cycle = new ArrayList<>();
            boolean in = false;
            for (OperatorId o : stack) {
                in |= o.equals(company);
                if (in) {
                    cycle.add(o);
                }
            }
            cycle.add(company);
            throw new IllegalArgumentException("ownership cycle: " + String.join(" is held by ",
                    cycle.stream().map(OperatorId::value).toList()));
        }
        state.put(company, 1);
        stack.addLast(company);
        for (Shareholding h : holdersOf(company)) {
            if (h.holder() instanceof Shareholder.Company c) {
                visit(c.id(), state, stack);
            }
        }
        stack.removeLast();
        state.put(company, 2);
    }

    /** Companies that appear in the graph, as owned or as owners. */
    public Set<OperatorId> companies() {
        Set<OperatorId> s = new HashSet<>(holders.keySet());
        holders.values().forEach(l -> l.forEach(h -> {
            if (h.holder() instanceof Shareholder.Company c) {
                s.add(c.id());
            }
        }));
        return s;
    }
}
