package org.reetrace.app.epcis;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description of the query parameters of the EPCIS event queries ({@link EventQueryParameters}). */
@Configuration(proxyBeanMethods = false)
class EpcisApiDocs {

    @Bean
    OperationCustomizer eventQueryParameters() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(EventQueryParameters.class)) {
                EventQuery.PARAMETERS.forEach((name, description) -> operation.addParametersItem(new QueryParameter()
                        .name(name).description(description).required(false).schema(new StringSchema())));
            }
            return operation;
        };
    }
}
