package org.reetrace.core.rules;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A CEL map variable over one object (an event, a lot, a facility...): every key of its {@link Schema} is present
 * from the start, in schema order, but each value is computed from the object the first time it is read. Rules read
 * a few keys of a map; a lot's element table or oxide total, say, is only made for a rule that reads it.
 * Unmodifiable; not thread-safe (one per subject judged).
 *
 * @param <T> the object the values are computed from; may be null when the schema's functions allow it
 */
final class FieldMap<T> extends AbstractMap<String, Object> {

    /** The keys of one kind of map in order, and the function computing each value. Immutable, built once. */
    static final class Schema<T> {
        private final List<String> keys;
        private final List<Function<T, Object>> values;
        private final Map<String, Integer> index;

        private Schema(Map<String, Function<T, Object>> fields) {
            this.keys = List.copyOf(fields.keySet());
            this.values = List.copyOf(fields.values());
            Map<String, Integer> ix = new LinkedHashMap<>();
            keys.forEach(k -> ix.put(k, ix.size()));
            this.index = Map.copyOf(ix);
        }

        /** The map of {@code source}, its values not yet computed. */
        Map<String, Object> over(T source) {
            return new FieldMap<>(this, source);
        }
    }

    /** Collects a schema's fields in order. */
    static final class Builder<T> {
        private final Map<String, Function<T, Object>> fields = new LinkedHashMap<>();

        Builder<T> field(String key, Function<T, Object> value) {
            if (fields.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("field " + key + " twice");
            }
            return this;
        }

        Schema<T> build() {
            return new Schema<>(fields);
        }
    }

    static <T> Builder<T> schema() {
        return new Builder<>();
    }

    private final Schema<T> schema;
    private final T source;
    private final Object[] values;

    private FieldMap(Schema<T> schema, T source) {
        this.schema = schema;
        this.source = source;
        this.values = new Object[schema.keys.size()];
    }

    private Object value(int i) {
        Object v = values[i];
        if (v == null) {
            v = Objects.requireNonNull(schema.values.get(i).apply(source), schema.keys.get(i));
            values[i] = v;
        }
        return v;
    }

    @Override
    public Object get(Object key) {
        Integer i = schema.index.get(key);
        return i == null ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return schema.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return schema.keys.iterator();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(schema.keys.get(i), value(i));
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
