package org.reetrace.app.web;

import com.fasterxml.jackson.annotation.Nulls;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * How the application's JSON mapper binds request bodies: a key given twice, a {@code null} inside a list or map,
 * a {@code null} for a number that cannot be absent, and anything after the value are errors (400, naming the
 * field) rather than silently "last wins", a null element or a default.
 */
@Configuration(proxyBeanMethods = false)
class JsonReading {

    @Bean
    JsonMapperBuilderCustomizer strictReading() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL));
    }
}
