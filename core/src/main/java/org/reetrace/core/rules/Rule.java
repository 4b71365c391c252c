package org.reetrace.core.rules;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.reetrace.core.registry.Validity;

/**
 * One rule as written in a pack: data, not code. {@code when} (optional) says whether the rule concerns the
 * subject at all; {@code require} must then hold, or the rule fails with its severity and message. Both are CEL
 * over the variables and functions documented in {@code rules/README.md}. {@code explain} (optional) is a CEL
 * string expression evaluated on failure to give the numbers.
 *
 * <p>{@code unknown} are the periods in which the state of the rule's law could not be established from a source
 * (e.g. after a suspension ends with nothing published on what follows): there the rule, where it concerns the
 * subject, comes out {@link Outcome#UNKNOWN} and its finding asks to {@code confirm} with the authority.
 *
 * @param confirm what to confirm with the authority in an unknown period (never blank when there is one)
 * @param line    the line of the pack file where the rule starts
 */
public record Rule(String id, Jurisdiction jurisdiction, String citation, Validity effective, List<Validity> suspended,
                   List<Validity> unknown, String confirm, Set<Subject> subjects, Severity severity, Expression when,
                   Expression require, Expression explain, String message, int line) {

    /** A CEL expression and where it starts in the pack file, for error positions. */
    public record Expression(String text, int line, int column) {
        public Expression {
            Objects.requireNonNull(text, "expression");
        }
    }

    public Rule {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(require, "require");
        suspended = List.copyOf(suspended);
        unknown = List.copyOf(unknown);
        if (!unknown.isEmpty() && (confirm == null || confirm.isBlank())) {
            throw new IllegalArgumentException("rule " + id + " has an unknown period; say what to confirm with the"
                    + " authority ('confirm:')");
        }
        if (unknown.isEmpty() && confirm != null) {
            throw new IllegalArgumentException("rule " + id + " says what to confirm but has no unknown period");
        }
        subjects = subjects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(subjects));
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " needs a citation");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " needs a message");
        }
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " applies to nothing; list the events it applies to");
        }
    }

    /** Why the rule is not in force at {@code at}, or empty when it is. */
    public Optional<String> notInForce(Instant at) {
        if (!effective.contains(at)) {
            return Optional.of("rule " + id + " is in force " + effective + ", not at " + at);
        }
        for (Validity s : suspended) {
            if (s.contains(at)) {
                return Optional.of("rule " + id + " is suspended " + s);
            }
        }
        return Optional.empty();
    }

    /** The unknown period that holds {@code at}: the state of the law there could not be established. */
    public Optional<Validity> unknownAt(Instant at) {
        return unknown.stream().filter(u -> u.contains(at)).findFirst();
    }

    public Optional<Expression> guard() {
        return Optional.ofNullable(when);
    }

    public Optional<Expression> explanation() {
        return Optional.ofNullable(explain);
    }
}
