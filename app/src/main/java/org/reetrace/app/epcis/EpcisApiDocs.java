package org.reetrace.app.epcis;

import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API description of the EPCIS interface cannot say in annotations without repeating it on every
 * operation: the SimpleEventQuery's query parameters ({@link EventQueryParameters}), the GS1 version headers of
 * every answer ({@link EpcisWeb}) and the GS1 discovery headers of every {@code OPTIONS} answer ({@link Discovery}).
 */
@Configuration(proxyBeanMethods = false)
class EpcisApiDocs {
    private static final Map<String, String> VERSION_HEADERS = Map.of(
            "GS1-EPCIS-Version", "The EPCIS version of the answer: " + EpcisWeb.EPCIS_VERSION,
            "GS1-CBV-Version", "The CBV version of the answer: " + EpcisWeb.CBV_VERSION);
    private static final Map<String, String> DISCOVERY_HEADERS = Map.of(
            "Allow", "The methods the resource allows",
            "GS1-EPCIS-Min", "The lowest EPCIS version spoken", "GS1-EPCIS-Max", "The highest EPCIS version spoken",
            "GS1-CBV-Min", "The lowest CBV version spoken", "GS1-CBV-Max", "The highest CBV version spoken",
            "GS1-EPC-Format", "How EPCs are written: Never_Translates (as captured)",
            "GS1-CBV-XML-Format", "How CBV values are written in XML: Always_URN",
            "GS1-Extensions", "The extension namespaces known: ree, the rare-earth profile");

    @Bean
    OperationCustomizer epcisOperations() {
        return (operation, handler) -> {
            Class<?> controller = handler.getBeanType();
            if (controller != CaptureController.class && controller != QueryController.class) {
                return operation;
            }
            if (handler.hasMethodAnnotation(EventQueryParameters.class)) {
                EventQuery.PARAMETERS.forEach((name, description) -> {
                    // a filter the path fixes (eventType of /eventTypes/{eventType}/events) is not asked again
                    boolean taken = operation.getParameters() != null
                            && operation.getParameters().stream().anyMatch(p -> p.getName().equals(name));
                    if (!taken) {
                        operation.addParametersItem(new QueryParameter().name(name).description(description)
                                .required(false).schema(new StringSchema()));
                    }
                });
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    add(response, VERSION_HEADERS);
                    if (status.equals("204")) {
                        add(response, DISCOVERY_HEADERS);
                    }
                });
            }
            return operation;
        };
    }

    private static void add(ApiResponse response, Map<String, String> headers) {
        headers.forEach((name, description) -> {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
            }
        });
    }
}
