package org.reetrace.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FieldMapTest {

    private final AtomicInteger computed = new AtomicInteger();

    private final FieldMap.Schema<String> schema = FieldMap.<String>schema()
            .field("text", s -> s == null ? "" : s)
            .field("length", s -> {
                computed.incrementAndGet();
                return s == null ? 0.0 : (double) s.length();
            })
            .field("present", s -> s != null)
            .build();

    @Test
    void a_value_is_computed_when_first_read_and_only_once() {
        Map<String, Object> m = schema.over("monazite");
        assertThat(m.containsKey("length")).isTrue();
        assertThat(m.size()).isEqualTo(3);
        assertThat(computed).hasValue(0);
        assertThat(m.get("length")).isEqualTo(8.0);
        assertThat(m.get("length")).isEqualTo(8.0);
        assertThat(computed).hasValue(1);
    }

    @Test
    void it_is_the_map_of_every_key_in_schema_order() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("text", "");
        expected.put("length", 0.0);
        expected.put("present", false);
        Map<String, Object> m = schema.over(null);
        assertThat(m).isEqualTo(expected);
        assertThat(expected).isEqualTo(m);
        assertThat(m.hashCode()).isEqualTo(expected.hashCode());
        assertThat(List.copyOf(m.keySet())).containsExactly("text", "length", "present");
        assertThat(m.entrySet()).extracting(Map.Entry::getKey).containsExactly("text", "length", "present");
    }

    @Test
    void an_unknown_key_is_absent_and_the_map_cannot_be_changed() {
        Map<String, Object> m = schema.over("x");
        assertThat(m.containsKey("mass")).isFalse();
        assertThat(m.get("mass")).isNull();
        assertThat(m.keySet().contains("mass")).isFalse();
        assertThatThrownBy(() -> m.put("mass", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.remove("text")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_schema_refuses_a_key_twice() {
        assertThatThrownBy(() -> FieldMap.<String>schema().field("a", s -> s).field("a", s -> s))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
