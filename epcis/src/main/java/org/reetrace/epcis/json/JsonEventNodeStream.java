package org.reetrace.epcis.json;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks an EPCISDocument or EPCISQueryDocument token by token and hands out the members of its event
 * list one at a time, each as a small JSON tree, so a document of any length is read in the memory of
 * one event. Everything outside the event list is collected into {@link #header()}, with the event list
 * itself left as an empty array (the shape the schema expects of a document).
 *
 * <p>The way in is fixed by the standard: {@code epcisBody.eventList} for a capture document,
 * {@code epcisBody.queryResults.resultsBody.eventList} for a query document.
 */
public final class JsonEventNodeStream implements AutoCloseable {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a field given twice is an error, not "the last wins"
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonParser parser;
    private final ObjectNode header = JsonNodeFactory.instance.objectNode();
    private final Deque<ObjectNode> open = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();
    private boolean inEventList;
    private boolean ended;
    private int nextIndex;
    private String eventListPointer = "/epcisBody/eventList";

    public JsonEventNodeStream(InputStream in) {
        this.parser = MAPPER.createParser(in);
    }

    /** The next event's tree, or null at the end of the document. */
    public JsonNode next() {
        while (!ended) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                ended = true;
                break;
            }
            if (inEventList) {
                if (token == JsonToken.END_ARRAY) {
                    inEventList = false;
                    continue;
                }
                nextIndex++;
                return parser.readValueAsTree();
            }
            switch (token) {
                case START_OBJECT -> {
                    if (open.isEmpty()) {
                        open.push(header);
                    } else {
                        throw new IllegalStateException("unexpected object at " + pointer());
                    }
                }
                case PROPERTY_NAME -> property(parser.currentName());
                case END_OBJECT -> {
                    open.pop();
                    if (!path.isEmpty()) {
                        path.pop();
                    }
                }
                default -> throw new IllegalArgumentException("an EPCIS document is a JSON object, found " + token);
            }
        }
        return null;
    }

    private void property(String name) {
        JsonToken value = parser.nextToken();
        ObjectNode here = open.peek();
        if (value == JsonToken.START_OBJECT && isContainer(name)) {
            ObjectNode child = here.putObject(name);
            open.push(child);
            path.push(name);
            return;
        }
        if (value == JsonToken.START_ARRAY && "eventList".equals(name) && isBody()) {
            here.putArray(name);
            eventListPointer = pointer() + "/eventList";
            inEventList = true;
            return;
        }
        here.set(name, parser.readValueAsTree());
    }

    private boolean isContainer(String name) {
        String where = path.peek();
        return switch (name) {
            case "epcisBody" -> where == null;
            case "queryResults" -> "epcisBody".equals(where);
            case "resultsBody" -> "queryResults".equals(where);
            default -> false;
        };
    }

    private boolean isBody() {
        String where = path.peek();
        return "epcisBody".equals(where) || "resultsBody".equals(where);
    }

    private String pointer() {
        StringBuilder sb = new StringBuilder();
        path.descendingIterator().forEachRemaining(p -> sb.append('/').append(p));
        return sb.toString();
    }

    /** Index of the event most recently returned by {@link #next()}. */
    public int lastIndex() {
        return nextIndex - 1;
    }

    /** JSON pointer of the event list, e.g. {@code /epcisBody/eventList}. */
    public String eventListPointer() {
        return eventListPointer;
    }

    /** The document without its events; complete once {@link #next()} returned null. */
    public ObjectNode header() {
        return header;
    }

    @Override
    public void close() {
        parser.close();
    }
}
