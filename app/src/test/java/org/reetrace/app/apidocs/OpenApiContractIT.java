package org.reetrace.app.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document is the API's contract: a valid OpenAPI 3.1 document, every operation described with its
 * answers and problems, and the same as the committed {@code docs/openapi.json}, from which the api-client module
 * generates and compiles a client. Run with {@code -Dopenapi.write=true} to rewrite the committed file.
 */
class OpenApiContractIT extends RunningAppIT {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final boolean WRITE = Boolean.getBoolean("openapi.write");
    /** Endpoints that exist only in tests (ProbeController) are no part of the contract. */
    private static final String TEST_ONLY = "/api/probe";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> WRITES = Set.of("put", "post", "delete", "patch");
    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    private ObjectNode document;

    @BeforeEach
    void fetch() {
        Response response = get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        document = contract((ObjectNode) response.json());
    }

    @Test
    void is_a_valid_openapi_3_1_document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(document), null, options);

        assertThat(document.path("openapi").asString()).startsWith("3.1.");
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
    }

    @Test
    void describes_every_operation_its_answers_and_its_problems() {
        List<String> offences = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        forEachOperation((path, method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            if (operation.path("summary").asString("").isBlank()) {
                offences.add(where + ": no summary");
            }
            if (operation.path("description").asString("").isBlank()) {
                offences.add(where + ": no description");
            }
            String id = operation.path("operationId").asString("");
            if (id.isBlank() || !operationIds.add(id)) {
                offences.add(where + ": operationId '" + id + "' missing or not unique");
            }
            JsonNode responses = operation.path("responses");
            if (responses.propertyNames().stream().noneMatch(status -> success(status, resolved(responses.path(status))))) {
                offences.add(where + ": no 2xx response with a schema (or 202/204, or 201 with its Location, without a body)");
            }
            for (String status : problemStatuses(path, method)) {
                if (!resolved(responses.path(status)).path("content").has(ProblemResponses.PROBLEM_JSON)) {
                    offences.add(where + ": no " + status + " problem response");
                }
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("description").asString("").isBlank()) {
                    offences.add(where + ": parameter '" + parameter.path("name").asString() + "' ("
                            + parameter.path("in").asString() + ") has no description");
                }
            }
        });

        assertThat(offences).as("%d offences in the OpenAPI document:%n  %s", offences.size(),
                String.join(System.lineSeparator() + "  ", offences)).isEmpty();
    }

    @Test
    void asks_for_the_bearer_token_wherever_the_server_does() {
        forEachOperation((path, method, operation) -> {
            assertThat(operation.path("security").isMissingNode() ? "" : operation.path("security").toString())
                    .as("security of %s %s", method, path)
                    .isEqualTo(protectedPath(path) ? "[{\"bearer\":[]}]" : "");
        });
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void swagger_ui_keeps_the_token_given_to_authorize() {
        Response config = get("/v3/api-docs/swagger-config", null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("persistAuthorization").asBoolean()).isTrue();
        // relative: Swagger UI calls the server it was loaded from, whatever host or proxy is in front of it
        assertThat(document.path("servers").path(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void is_the_committed_contract() throws IOException {
        String served = text(document);
        if (WRITE) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            System.out.println("OpenAPI document written to " + COMMITTED.toAbsolutePath().normalize());
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!served.equals(committed)) {
            // the message, not both documents: they are thousands of lines long
            fail("""
                    The served OpenAPI document differs from the committed docs/openapi.json%s.
                    If the change is meant, rewrite the file and commit it:
                      ./mvnw -B -o -pl app verify -Dtest=none -Dit.test=OpenApiContractIT -Dopenapi.write=true \
                    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false"""
                    .formatted(differences(committed.isEmpty() ? null : JSON.readTree(committed), document)));
        }
    }

    /** A response, or the shared one it refers to. */
    private JsonNode resolved(JsonNode response) {
        String ref = response.path("$ref").asString("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : response;
    }

    private static boolean success(String status, JsonNode response) {
        if (!status.startsWith("2")) {
            return false;
        }
        if (status.equals("202") || status.equals("204")) {
            return true;
        }
        if (status.equals("201") && response.path("headers").has("Location")) {
            return true; // created, and where it is: the answer needs no body
        }
        for (JsonNode media : response.path("content")) {
            if (media.has("schema")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> problemStatuses(String path, String method) {
        List<String> statuses = new ArrayList<>(List.of("400", "503"));
        // the public paths (the transparency log under /log/) take no token: nothing to refuse, nothing to limit
        if (protectedPath(path)) {
            statuses.addAll(List.of("401", "403", "429"));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (WRITES.contains(method)) {
            statuses.addAll(List.of("409", "422"));
        }
        return statuses;
    }

    private static boolean protectedPath(String path) {
        return path.startsWith("/api/") || path.equals("/epcis") || path.startsWith("/epcis/");
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        JsonNode paths = document.path("paths");
        assertThat(paths.size()).as("operations' paths").isPositive();
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.path(path);
            for (String method : item.propertyNames()) {
                if (METHODS.contains(method)) {
                    visitor.visit(path, method, item.path(method));
                }
            }
        }
    }

    /** The served document without test-only endpoints and the schemas only they used, keys in a stable order. */
    private static ObjectNode contract(ObjectNode served) {
        ObjectNode paths = (ObjectNode) served.path("paths");
        List<String> testOnly = paths.propertyNames().stream().filter(path -> path.startsWith(TEST_ONLY)).toList();
        paths.remove(testOnly);
        if (served.path("components").path("schemas") instanceof ObjectNode schemas) {
            Set<String> used = new HashSet<>();
            List<JsonNode> pending = new ArrayList<>(List.of(paths, served.path("components").path("responses")));
            while (!pending.isEmpty()) {
                Matcher refs = REF.matcher(pending.removeLast().toString());
                while (refs.find()) {
                    if (used.add(refs.group(1)) && schemas.has(refs.group(1))) {
                        pending.add(schemas.path(refs.group(1)));
                    }
                }
            }
            schemas.remove(schemas.propertyNames().stream().filter(name -> !used.contains(name)).toList());
        }
        return (ObjectNode) sorted(served);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            node.properties().forEach(member -> members.put(member.getKey(), sorted(member.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String text(JsonNode node) {
        // "name": value, two spaces, LF whatever the platform
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer().with(printer).writeValueAsString(node) + "\n";
    }

    /** Where the two documents differ, as JSON pointers (the first twenty). */
    private static String differences(JsonNode committed, JsonNode served) {
        if (committed == null) {
            return " (there is no committed file)";
        }
        List<String> pointers = new ArrayList<>();
        differences("", committed, served, pointers);
        return pointers.isEmpty() ? " (in formatting only)"
                : " at " + String.join(", ", pointers.subList(0, Math.min(20, pointers.size())))
                + (pointers.size() > 20 ? " and " + (pointers.size() - 20) + " more places" : "");
    }

    private static void differences(String at, JsonNode committed, JsonNode served, List<String> pointers) {
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    pointers.add(pointer + " (new)");
                } else if (!served.has(name)) {
                    pointers.add(pointer + " (gone)");
                } else {
                    differences(pointer, committed.path(name), served.path(name), pointers);
                }
            }
        } else if (!committed.equals(served)) {
            pointers.add(at.isEmpty() ? "/" : at);
        }
    }
}
