package org.reetrace.app.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} (committed as {@code docs/openapi.json}, see {@code docs/api.md}):
 * what the API is, a tag per capability, the bearer token where the server asks for it, and the problems every
 * operation can answer with. Controllers describe their own operations; this adds what they all share.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

    static final String BEARER = "bearer";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    static {
        // a JSON tree in an answer is any JSON, not a bean with isArray, isNumber, ... properties
        SpringDocUtils.getConfig()
                .replaceWithSchema(JsonNode.class, new Schema<>().description("Any JSON value"))
                .replaceWithSchema(ObjectNode.class, ProblemResponses.typed("object").additionalProperties(true))
                .replaceWithSchema(ArrayNode.class, ProblemResponses.typed("array").items(new Schema<>()));
    }

    @Bean
    OpenAPI reetraceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("reetrace API")
                        .version(version())
                        .description("""
                                Chain of custody for rare-earth material, mine to magnet: a hash-chained ledger of \
                                events, the registry of operators and facilities, rule packs, alerts, analytics, and \
                                the GS1 EPCIS 2.0 REST binding.

                                Every request to `/api/**` and `/epcis/**` carries `Authorization: Bearer <token>`; \
                                a token belongs to a caller with a role (`REGULATOR`, `OPERATOR`, `CUSTOMS`, \
                                `AUDITOR`, `PUBLIC`) and is issued with `reetrace token`.

                                Every error is an RFC 9457 problem detail (`application/problem+json`, the \
                                `ProblemDetail` schema) whose `type` clients may switch on. Bad input is a 4xx \
                                problem naming its place, and nothing is stored.""")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(
                        new Server().url("/").description("The server that serves this document"),
                        new Server().url("http://localhost:8080").description("`reetrace serve` on its default port")))
                .tags(Arrays.stream(Capability.values()).map(Capability::asTag).toList())
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("rtk_...")
                        .description("A token issued with `reetrace token` (or `POST /api/tokens`), sent as"
                                + " `Authorization: Bearer <token>`. In Swagger UI's Authorize, give the token alone:"
                                + " it adds `Bearer ` itself.")));
    }

    /**
     * Tags an operation with its controller's capability (unless the controller names its own tag) and gives it
     * its method's name as operation id (unless it names its own), so that ids do not depend on scan order.
     */
    @Bean
    OperationCustomizer capabilityTags() {
        return (operation, handler) -> {
            Class<?> controller = handler.getBeanType();
            boolean ownTag = AnnotatedElementUtils.hasAnnotation(controller, io.swagger.v3.oas.annotations.tags.Tag.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), io.swagger.v3.oas.annotations.tags.Tag.class);
            if (!ownTag) {
                Capability.of(controller).ifPresent(capability -> operation.setTags(List.of(capability.tag())));
            }
            return operation;
        };
    }

    /** The bearer requirement and the problem responses, on each operation. */
    @Bean
    OpenApiCustomizer securityAndProblems(ObjectProvider<TokenPaths> tokenPaths) {
        TokenPaths needToken = tokenPaths.getIfAvailable(() -> new TokenPaths(List.of()));
        return api -> {
            ProblemResponses.describe(api.getComponents());
            api.setSecurity(null);
            Paths paths = api.getPaths();
            if (paths == null) {
                return;
            }
            // a path mapped with and without a trailing slash is one resource: document it once
            paths.keySet().removeIf(path -> path.length() > 1 && path.endsWith("/")
                    && paths.containsKey(path.substring(0, path.length() - 1)));
            paths.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean token = needToken.needToken(path);
                if (token) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
                }
                declarePathParameters(path, item, operation);
                typeHeaders(operation);
                ProblemResponses.addTo(operation, path, method, token);
            }));
            OperationIds.makeStable(paths);
        };
    }

    /** Our answers' headers (Location, Link, GS1-*) are text; a header without a schema stops client generators. */
    private static void typeHeaders(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().values().stream()
                .filter(response -> response.getHeaders() != null)
                .flatMap(response -> response.getHeaders().values().stream())
                .filter(header -> header.getSchema() == null && header.get$ref() == null && header.getContent() == null)
                .forEach(header -> header.setSchema(new StringSchema()));
    }

    /**
     * Declares each variable of {@code path} that {@code operation} does not, as OpenAPI requires: a handler mapped
     * to several paths (EPCIS's OPTIONS) reads none of them. The description is that of a sibling operation's.
     */
    private static void declarePathParameters(String path, PathItem item, Operation operation) {
        Matcher variables = PATH_VARIABLE.matcher(path);
        while (variables.find()) {
            String name = variables.group(1);
            if (declared(item.getParameters(), name) || declared(operation.getParameters(), name)) {
                continue;
            }
            String description = item.readOperations().stream()
                    .flatMap(sibling -> sibling.getParameters() == null ? Stream.empty() : sibling.getParameters().stream())
                    .filter(parameter -> isPath(parameter, name) && parameter.getDescription() != null)
                    .map(Parameter::getDescription)
                    .findFirst()
                    .orElse("The `" + name + "` this path names");
            operation.addParametersItem(new Parameter().in("path").name(name).required(true).description(description)
                    .schema(ProblemResponses.typed("string")));
        }
    }

    private static boolean declared(List<Parameter> parameters, String name) {
        return parameters != null && parameters.stream().anyMatch(parameter -> isPath(parameter, name));
    }

    private static boolean isPath(Parameter parameter, String name) {
        return "path".equals(parameter.getIn()) && name.equals(parameter.getName());
    }

    private static String version() {
        try (InputStream in = ApiDocumentConfiguration.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
