package org.reetrace.core.pedigree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One path material took: its origin and every processing stage it passed, in order. Two parcels with the same
 * key are indistinguishable for provenance, so the pedigree of a lot is a sum over keys.
 */
public record PedigreeKey(Origin origin, List<Stage> stages) implements Comparable<PedigreeKey> {

    public PedigreeKey {
        Objects.requireNonNull(origin, "pedigree origin");
        stages = List.copyOf(stages);
    }

    /** This path followed by one more stage; a stage identical to one already passed is not repeated. */
    public PedigreeKey then(Stage stage) {
        if (stages.contains(stage)) {
            return this;
        }
        List<Stage> longer = new ArrayList<>(stages.size() + 1);
        longer.addAll(stages);
        longer.add(stage);
        return new PedigreeKey(origin, longer);
    }

    public boolean passed(StageKind kind) {
        return stages.stream().anyMatch(s -> s.kind() == kind);
    }

    @Override
    public int compareTo(PedigreeKey o) {
        int c = origin.compareTo(o.origin);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.min(stages.size(), o.stages.size()); i++) {
            c = stages.get(i).compareTo(o.stages.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(stages.size(), o.stages.size());
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" > ", origin + " > ", "");
        j.setEmptyValue(origin.toString());
        stages.forEach(s -> j.add(s.toString()));
        return stages.isEmpty() ? origin.toString() : j.toString();
    }
}
