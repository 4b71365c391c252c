package org.reetrace.app.pages;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;

import org.reetrace.app.web.ProblemException;

/**
 * What was wrong with a submitted form, in the words the API would answer: each mistake beside the field it names,
 * and what names no field (a registry change refused as a whole, say) once at the top of the form. Built from the
 * same bean validation and the same {@link ProblemException}s as the API's, so a form refuses exactly what the API
 * refuses.
 *
 * @param fields  the field's name (as the form names its input) to the reason
 * @param general the reason that names no field of the form, or null
 */
public record FormMistakes(Map<String, String> fields, String general) {

    public static final FormMistakes NONE = new FormMistakes(Map.of(), null);

    public FormMistakes {
        fields = Map.copyOf(fields);
    }

    /** The mistakes bean validation found, each beside its field. */
    public static FormMistakes of(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : violations) {
            fields.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b);
        }
        return new FormMistakes(fields, null);
    }

    /**
     * A use case's refusal: its {@code errors} (each with a {@code field}) or its {@code field} property beside that
     * field when the form has it; otherwise the problem's detail at the top.
     *
     * @param formFields the names of the form's inputs
     * @param byType     problem types (the slug, e.g. {@code operator-exists}) that concern one field of the form
     */
    public static FormMistakes of(ProblemException problem, Collection<String> formFields, Map<String, String> byType) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.properties().get("errors") instanceof List<?> errors) {
            for (Object e : errors) {
                if (e instanceof Map<?, ?> error && error.get("field") instanceof String field
                        && formFields.contains(field)) {
                    fields.merge(field, String.valueOf(error.get("reason")), (a, b) -> a + "; " + b);
                }
            }
        }
        if (fields.isEmpty() && problem.properties().get("field") instanceof String field && formFields.contains(field)) {
            fields.put(field, problem.detail());
        }
        String slug = problem.type().getPath().substring(problem.type().getPath().lastIndexOf('/') + 1);
        if (fields.isEmpty() && byType.containsKey(slug)) {
            fields.put(byType.get(slug), problem.detail());
        }
        return new FormMistakes(fields, fields.isEmpty() ? problem.detail() : null);
    }

    /** A mistake the page itself finds (a number that is not one), beside its field. */
    public static FormMistakes at(String field, String reason) {
        return new FormMistakes(Map.of(field, reason), null);
    }

    /** The same mistakes with some fields named as the form names them (a nested member as its own input). */
    public FormMistakes renamed(Map<String, String> names) {
        Map<String, String> fields = new LinkedHashMap<>();
        this.fields.forEach((field, reason) -> fields.merge(names.getOrDefault(field, field), reason,
                (a, b) -> a + "; " + b));
        return new FormMistakes(fields, general);
    }

    public boolean any() {
        return !fields.isEmpty() || general != null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The reason beside {@code field}, or null. */
    public String get(String field) {
        return fields.get(field);
    }

    public Optional<String> generalReason() {
        return Optional.ofNullable(general);
    }
}
