package org.reetrace.epcis.json;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.IndexedEvent;
import org.reetrace.epcis.document.MalformedEventException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an EPCIS 2.0 JSON-LD document (EPCISDocument or EPCISQueryDocument) one event at a time.
 *
 * <p>Memory stays that of one event as long as {@code @context} comes before the events, as every GS1
 * example but one writes it. JSON objects are unordered, so a document may put {@code @context} last;
 * its events cannot be resolved before then, and they are held until it arrives. That is the price of
 * such a document, not of the usual one.
 *
 * <p>{@link #next()} throws {@link MalformedEventException} (with index and JSON pointer) for an event
 * that cannot be a record; the reader can go on with the following event. Schema validation is the
 * business of {@code org.reetrace.epcis.validation}.
 */
public final class JsonDocumentReader implements Iterator<IndexedEvent>, AutoCloseable {
    private final JsonEventNodeStream nodes;
    private final TreeWatcher watcher;
    private final JsonLdContext context = new JsonLdContext();
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private boolean contextSeen;
    private boolean exhausted;

    private record Pending(int index, JsonNode node) {
    }

    /**
     * Sees each event's JSON tree as it is read, before it becomes an event: a check of the trees (the schema's)
     * runs in the same pass over the document as the reading.
     */
    @FunctionalInterface
    public interface TreeWatcher {
        /** {@code pointer} is where the event sits, e.g. /epcisBody/eventList/3. */
        void read(int index, String pointer, JsonNode tree);
    }

    private JsonDocumentReader(InputStream in, TreeWatcher watcher) {
        this.nodes = new JsonEventNodeStream(in);
        this.watcher = watcher;
    }

    public static JsonDocumentReader open(InputStream in) {
        return new JsonDocumentReader(in, (index, pointer, tree) -> { });
    }

    /** Reads as {@link #open(InputStream)} does, showing {@code watcher} each event's tree as it is read. */
    public static JsonDocumentReader open(InputStream in, TreeWatcher watcher) {
        return new JsonDocumentReader(in, watcher);
    }

    /** Parses one event written on its own (as POST /events receives it). */
    public static EpcisEvent readEvent(String json) {
        return readEvent(JsonEventNodeStream.MAPPER.readTree(json));
    }

    /** Reads one event already parsed as JSON, as if written on its own (its own @context only). */
    public static EpcisEvent readEvent(JsonNode node) {
        return JsonEventMapper.toEvent(node, 0, "", new JsonLdContext());
    }

    @Override
    public boolean hasNext() {
        if (!waiting.isEmpty() && contextSeen) {
            return true;
        }
        while (!exhausted) {
            JsonNode node = nodes.next();
            noteContext();
            if (node == null) {
                exhausted = true;
                contextSeen = true; // no @context will come any more: resolve with what is known
                break;
            }
            watcher.read(nodes.lastIndex(), nodes.eventListPointer() + "/" + nodes.lastIndex(), node);
            waiting.add(new Pending(nodes.lastIndex(), node));
            if (contextSeen) {
                return true;
            }
        }
        return !waiting.isEmpty();
    }

    @Override
    public IndexedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Pending p = waiting.poll();
        String pointer = nodes.eventListPointer() + "/" + p.index();
        return new IndexedEvent(p.index(), JsonEventMapper.toEvent(p.node(), p.index(), pointer, context));
    }

    private void noteContext() {
        if (!contextSeen && nodes.header().has("@context")) {
            context.add(nodes.header().get("@context"));
            contextSeen = true;
        }
    }

    /**
     * The document's header. Header fields may follow the events in JSON, so it is complete only once
     * {@link #hasNext()} answered false.
     */
    public EpcisHeader header() {
        ObjectNode h = nodes.header();
        DocumentType type = "EPCISQueryDocument".equals(h.path("type").asString(""))
                ? DocumentType.EPCISQueryDocument : DocumentType.EPCISDocument;
        JsonNode results = h.path("epcisBody").path("queryResults");
        return new EpcisHeader(type, h.path("schemaVersion").asString(null), instant(h.path("creationDate")),
                context.urls(), context.declared(), h.path("instanceIdentifier").asString(null),
                h.path("sender").asString(null), h.path("receiver").asString(null),
                results.path("queryName").asString(null), results.path("subscriptionID").asString(null));
    }

    /**
     * The document outside its events, as JSON (its event list left empty, the shape the schema expects of a
     * document); complete only once {@link #hasNext()} answered false.
     */
    public ObjectNode headerTree() {
        return nodes.header();
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isString() ? OffsetDateTime.parse(node.asString()).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        nodes.close();
    }
}
