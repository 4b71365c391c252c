package org.reetrace.app.epcis;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import org.reetrace.epcis.document.IndexedEvent;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.xml.XmlDocumentReader;

/** The two EPCIS 2.0 document bindings, told apart by media type. */
enum Binding {
    JSON, XML;

    static Optional<Binding> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/json", "application/ld+json" -> Optional.of(JSON);
            case "application/xml", "text/xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /** The document's events one at a time, in the memory of one event. */
    Events open(InputStream in) {
        return this == JSON ? new Events(JsonDocumentReader.open(in)) : new Events(XmlDocumentReader.open(in));
    }

    /** Either reader behind one face: both iterate indexed events. */
    static final class Events implements Iterator<IndexedEvent>, AutoCloseable {
        private final JsonDocumentReader json;
        private final XmlDocumentReader xml;

        Events(JsonDocumentReader json) {
            this.json = json;
            this.xml = null;
        }

        Events(XmlDocumentReader xml) {
            this.json = null;
            this.xml = xml;
        }

        @Override
        public boolean hasNext() {
            return json != null ? json.hasNext() : xml.hasNext();
        }

        @Override
        public IndexedEvent next() {
            return json != null ? json.next() : xml.next();
        }

        @Override
        public void close() {
            if (json != null) {
                json.close();
            } else {
                xml.close();
            }
        }
    }
}
