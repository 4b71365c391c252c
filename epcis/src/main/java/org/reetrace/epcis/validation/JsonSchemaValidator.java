package org.reetrace.epcis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.json.JsonEventNodeStream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Validates EPCIS 2.0 JSON-LD against GS1's JSON Schema (draft-07), event by event as the document
 * streams past, with format assertions on: without them {@code date-time} and {@code uri} are not
 * checked, and GS1's own validator (ajv) checks them. Each event is checked against the schema's
 * {@code EPCIS-Document-Event} definition, the header (the document without its events) against the
 * whole schema, so memory stays that of one event.
 */
public final class JsonSchemaValidator {
    private static final String SCHEMA_ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";

    private final Schema document;
    private final Schema event;

    public JsonSchemaValidator() {
        String text = resource("EPCIS-JSON-Schema.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER).build())
                .schemas(Map.of(SCHEMA_ID, text)));
        this.document = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
        this.event = registry.getSchema(SchemaLocation.of(SCHEMA_ID + "#/definitions/EPCIS-Document-Event"));
    }

    private static String resource(String name) {
        try (InputStream in = JsonSchemaValidator.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of one event; {@code pointer} is where the event sits, e.g. /epcisBody/eventList/3. */
    public List<ValidationProblem> validateEvent(int index, String pointer, JsonNode node) {
        return problems(event.validate(node), index, pointer);
    }

    /** Problems of the document outside its events (context, type, version, creation date, ...). */
    public List<ValidationProblem> validateHeader(JsonNode header) {
        return problems(document.validate(header), ValidationProblem.DOCUMENT, "");
    }

    /**
     * Streams a whole document and collects every problem: schema errors per event and of the header,
     * and, for events the schema accepts, anything that still keeps them from being read as records.
     */
    public List<ValidationProblem> validate(InputStream in) {
        List<ValidationProblem> problems = new ArrayList<>();
        try (JsonEventNodeStream nodes = new JsonEventNodeStream(in)) {
            JsonNode node;
            while ((node = nodes.next()) != null) {
                int index = nodes.lastIndex();
                String pointer = nodes.eventListPointer() + "/" + index;
                List<ValidationProblem> found = validateEvent(index, pointer, node);
                problems.addAll(found);
                if (found.isEmpty()) {
                    problems.addAll(readable(index, pointer, node));
                }
            }
            problems.addAll(validateHeader(nodes.header()));
        } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new ValidationProblem(ValidationProblem.DOCUMENT, "", "not an EPCIS JSON document: "
                    + e.getMessage()));
        }
        return problems;
    }

    private static List<ValidationProblem> readable(int index, String pointer, JsonNode node) {
        try {
            JsonDocumentReader.readEvent(node);
            return List.of();
        } catch (MalformedEventException e) {
            return List.of(new ValidationProblem(index, pointer + e.location(), e.reason()));
        }
    }

    private static List<ValidationProblem> problems(List<Error> errors, int index, String pointer) {
        List<ValidationProblem> out = new ArrayList<>();
        for (Error e : errors) {
            out.add(new ValidationProblem(index, pointer + e.getInstanceLocation().toString()
                    .replaceFirst("^\\$", ""), e.getMessage()));
        }
        return out;
    }
}
