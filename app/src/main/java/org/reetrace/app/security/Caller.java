package org.reetrace.app.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.reetrace.app.web.ProblemException;

/**
 * Who is making the request: resolved from the bearer token before any {@code /api/**} handler runs,
 * and injected into any controller method that declares a {@code Caller} parameter. The checks throw
 * 403 problems, so a controller states its rule in one line.
 *
 * @param operatorId the operator an {@link Role#OPERATOR} acts for; empty for every other role
 */
public record Caller(String name, Role role, Optional<String> operatorId) {

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(operatorId, "operatorId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("caller name is blank");
        }
        if ((role == Role.OPERATOR) != operatorId.isPresent()) {
            throw new IllegalArgumentException(role == Role.OPERATOR
                    ? "operator caller " + name + " acts for no operator"
                    : role + " caller " + name + " cannot act for operator " + operatorId.get());
        }
    }

    public static Caller of(String name, Role role) {
        return new Caller(name, role, Optional.empty());
    }

    /** Whoever runs the command line on the server's own database, and so acts as the regulator. */
    public static Caller localAdministrator() {
        return of("local administrator", Role.REGULATOR);
    }

    public static Caller operator(String name, String operatorId) {
        return new Caller(name, Role.OPERATOR, Optional.of(operatorId));
    }

    public boolean isRegulator() {
        return role == Role.REGULATOR;
    }

    /** Whether this caller is the operator {@code operatorId} itself. */
    public boolean actsFor(String operatorId) {
        return this.operatorId.filter(operatorId::equals).isPresent();
    }

    /** Lets only the given roles through. */
    public Caller requireRole(Role... allowed) {
        if (Arrays.asList(allowed).contains(role)) {
            return this;
        }
        throw ProblemException.forbidden(describe() + " may not do this; allowed roles: " + Arrays.toString(allowed));
    }

    public Caller requireRegulator() {
        return requireRole(Role.REGULATOR);
    }

    /**
     * Lets through the regulator, who reads everything, and the operator {@code operatorId} itself;
     * never a competitor (docs/design.md section 8).
     */
    public Caller requireRegulatorOrOperator(String operatorId) {
        if (isRegulator() || actsFor(operatorId)) {
            return this;
        }
        throw ProblemException.forbidden(describe() + " may not act on records of operator " + operatorId);
    }

    /**
     * Lets through those who read every record (regulator, customs, auditors) and the operator
     * {@code operatorId} itself.
     */
    public Caller requireReader(String operatorId) {
        if (readsAll() || actsFor(operatorId)) {
            return this;
        }
        throw ProblemException.forbidden(describe() + " may not read records of operator " + operatorId);
    }

    /** The regulator, customs and auditors read every record; operators only their own; the public none. */
    public boolean readsAll() {
        return role == Role.REGULATOR || role == Role.CUSTOMS || role == Role.AUDITOR;
    }

    /** Lets through only the operator {@code operatorId} itself, e.g. to write events for its facilities. */
    public Caller requireOperator(String operatorId) {
        if (actsFor(operatorId)) {
            return this;
        }
        throw ProblemException.forbidden(describe() + " may not write for operator " + operatorId);
    }

    private String describe() {
        return "caller '" + name + "' (" + role + operatorId.map(id -> " of " + id).orElse("") + ")";
    }
}
