package org.reetrace.epcis.document;

import java.util.List;
import java.util.Objects;

/**
 * A user extension: a namespaced field with a text value, child fields, or both (an ordered tree).
 *
 * <p>JSON arrays become repeated siblings of the same name, which is how XML writes them; that makes
 * one tree for both bindings. {@code kind} remembers whether JSON wrote the value as a number or a
 * boolean (XML says so with {@code xsi:type}), so that writing back gives the same JSON types.
 */
public record Extension(String namespace, String localName, String value, Kind kind, List<Extension> children) {

    /** How the value was typed on the wire. */
    public enum Kind { STRING, NUMBER, BOOLEAN }

    public Extension {
        Objects.requireNonNull(namespace, "namespace (empty for none)");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(kind, "kind");
        children = List.copyOf(children);
    }

    public static Extension text(String namespace, String localName, String value) {
        return new Extension(namespace, localName, value, Kind.STRING, List.of());
    }

    public static Extension parent(String namespace, String localName, List<Extension> children) {
        return new Extension(namespace, localName, null, Kind.STRING, children);
    }

    /** The expanded name as the event hash writes it: {@code {namespace}localName}. */
    public String expandedName() {
        return "{" + namespace + "}" + localName;
    }
}
