package org.reetrace.app.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamWriteFeature;

/**
 * How the application writes JSON: decimals as plain numbers ({@code 490000}, not {@code 4.9E+5}), since masses and
 * shares are read by people and by programs that may not take exponents.
 */
@Configuration(proxyBeanMethods = false)
class JsonWriting {

    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
