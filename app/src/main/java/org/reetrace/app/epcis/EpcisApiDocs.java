package org.reetrace.app.epcis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API description of the EPCIS interface cannot say in annotations without repeating it on every
 * operation: the SimpleEventQuery's query parameters ({@link EventQueryParameters}) and the headers of its pages,
 * the GS1 version headers of every request and answer and the 406 of a version not spoken ({@link EpcisWeb}),
 * and the GS1 discovery headers of every {@code OPTIONS} answer ({@link Discovery}). (The path variables of the
 * discovery operations, whose one handler serves paths with and without them, are declared for every operation by
 * the document's own configuration.)
 */
@Configuration(proxyBeanMethods = false)
class EpcisApiDocs {
    // in a fixed order, so that the description reads the same from one start to the next
    private static final Map<String, String> VERSION_HEADERS = ordered(
            "GS1-EPCIS-Version", "The EPCIS version of the answer: " + EpcisWeb.EPCIS_VERSION,
            "GS1-CBV-Version", "The CBV version of the answer: " + EpcisWeb.CBV_VERSION);
    private static final Map<String, String> DISCOVERY_HEADERS = ordered(
            "Allow", "The methods the resource allows",
            "GS1-EPCIS-Min", "The lowest EPCIS version spoken", "GS1-EPCIS-Max", "The highest EPCIS version spoken",
            "GS1-CBV-Min", "The lowest CBV version spoken", "GS1-CBV-Max", "The highest CBV version spoken",
            "GS1-EPC-Format", "How EPCs are written: Never_Translates (as captured)",
            "GS1-CBV-XML-Format", "How CBV values are written in XML: Always_URN",
            "GS1-Extensions", "The extension namespaces known: ree, the rare-earth profile");

    private static final Map<String, String> VERSION_REQUEST_HEADERS = ordered(
            "GS1-EPCIS-Min", "The lowest EPCIS version the client takes; above " + EpcisWeb.EPCIS_VERSION + ": 406",
            "GS1-EPCIS-Max", "The highest EPCIS version the client takes; below " + EpcisWeb.EPCIS_VERSION + ": 406",
            "GS1-CBV-Min", "The lowest CBV version the client takes; above " + EpcisWeb.CBV_VERSION + ": 406",
            "GS1-CBV-Max", "The highest CBV version the client takes; below " + EpcisWeb.CBV_VERSION + ": 406");
    private static final Map<String, String> PAGE_HEADERS = ordered(
            "GS1-Extensions", "The extension namespaces the events may use: ree, the rare-earth profile",
            "GS1-Next-Page-Token-Expires", "With a next page: when its nextPageToken stops being taken (UTC "
                    + "date-time); after it the token is refused (400 epcisException:QueryParameterException)");
    private static final String NOT_ACCEPTABLE = "A GS1-EPCIS-Min/Max or GS1-CBV-Min/Max header that leaves out "
            + "the version spoken here (" + EpcisWeb.EPCIS_VERSION + "): epcisException:NotAcceptableException";

    static final String JSON_LD = "An EPCISQueryDocument in JSON-LD (GS1 EPCIS 2.0), its events in "
            + "epcisBody.queryResults.resultsBody.eventList";
    static final String XML = "An EPCISQueryDocument in XML, as GS1's EPCIS 2.0 XSD defines it";
    private static final String QUERY_DOCUMENT = "An EPCISQueryDocument (JSON-LD, or XML when the Accept header "
            + "names application/xml or text/xml before any JSON); a further page is linked in a Link header";

    @Bean
    OperationCustomizer epcisOperations() {
        return (operation, handler) -> {
            Class<?> controller = handler.getBeanType();
            if (controller != CaptureController.class && controller != QueryController.class) {
                return operation;
            }
            boolean paged = handler.hasMethodAnnotation(EventQueryParameters.class);
            if (paged) {
                // parameters whose names carry a type, a unit or a field cannot be listed one by one: said here
                StringBuilder families = new StringBuilder(String.valueOf(operation.getDescription()))
                        .append("\n\nAlso the parameters named with a type, a unit or an extension field:");
                EventQuery.FAMILIES.forEach((name, description) -> families.append("\n- `").append(name)
                        .append("`: ").append(description));
                operation.setDescription(families.toString());
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
            VERSION_REQUEST_HEADERS.forEach((name, description) -> operation.addParametersItem(
                    new HeaderParameter().name(name).description(description).required(false)
                            .schema(new StringSchema())));
            if (paged && operation.getResponses() != null) {
                operation.getResponses().addApiResponse("200", queryDocument());
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    add(response, VERSION_HEADERS);
                    if (status.equals("204")) {
                        add(response, DISCOVERY_HEADERS);
                    }
                    if (paged && status.equals("200")) {
                        add(response, PAGE_HEADERS);
                    }
                });
                operation.getResponses().addApiResponse("406", new ApiResponse().description(NOT_ACCEPTABLE)
                        .content(new Content().addMediaType("application/problem+json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
            }
            return operation;
        };
    }

    /** The answer of every query: a query document in JSON-LD or XML, a further page linked. */
    private static ApiResponse queryDocument() {
        return new ApiResponse().description(QUERY_DOCUMENT)
                .content(new Content()
                        .addMediaType("application/ld+json", new MediaType().schema(new ObjectSchema()
                                .description(JSON_LD)))
                        .addMediaType("application/json", new MediaType().schema(new ObjectSchema()
                                .description(JSON_LD)))
                        .addMediaType("application/xml", new MediaType().schema(new StringSchema().description(XML))))
                .addHeaderObject("Link", new Header().style(Header.StyleEnum.SIMPLE).description("The next page, if any: <...&nextPageToken=...>; "
                        + "rel=\"next\"").schema(new StringSchema()));
    }

    private static Map<String, String> ordered(String... namesAndDescriptions) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            m.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static void add(ApiResponse response, Map<String, String> headers) {
        headers.forEach((name, description) -> {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
            }
        });
    }
}
