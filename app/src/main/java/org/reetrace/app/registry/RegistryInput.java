package org.reetrace.app.registry;

import java.util.Map;
import java.util.function.Supplier;

import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.OperatorId;
import org.springframework.http.HttpStatus;

/** How the registry's use cases build domain values from what they are given, and name what they cannot find. */
final class RegistryInput {

    private RegistryInput() {
    }

    static OperatorId operatorId(String id, String field) {
        return built(field, () -> OperatorId.of(id));
    }

    /** Builds a domain value; a broken invariant is a 422 naming the field. */
    static <T> T built(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw Instants.unprocessable(field, String.valueOf(e.getMessage()));
        }
    }

    static ProblemException noOperator(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no operator " + id + " in the registry", Map.of("id", id));
    }
}
