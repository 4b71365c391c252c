package org.reetrace.epcis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.reetrace.epcis.xml.SecureXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates EPCIS 2.0 XML (capture and query documents) against GS1's XSDs as a stream: a JDK
 * {@link Validator} is fed by the secure StAX reader, so the document is never held whole and never
 * resolves entities. The XSDs constrain element order and types; each problem carries line:column and
 * the index of the event being read when it was found (or {@link ValidationProblem#DOCUMENT}).
 */
public final class XmlSchemaValidator {
    private final Schema schema;

    public XmlSchemaValidator() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The XSDs import each other by relative location from the class path, which is a plain folder, a jar, or
            // a jar nested in the application jar (Spring Boot's jar:nested: URLs); nothing else is fetched.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file,nested,jar:nested");
            URL query = XmlSchemaValidator.class.getResource("xsd/EPCglobal-epcis-query-2_0.xsd");
            this.schema = factory.newSchema(new StreamSource(query.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("GS1 EPCIS XSDs do not compile", e);
        }
    }

    public List<ValidationProblem> validate(InputStream in) {
        List<ValidationProblem> problems = new ArrayList<>();
        EventCounting reader;
        try {
            reader = new EventCounting(SecureXml.reader(in));
        } catch (IllegalArgumentException e) {
            // refused before the first element: not XML, or not XML 1.0
            return List.of(new ValidationProblem(ValidationProblem.DOCUMENT, "", e.getMessage()));
        }
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(problem(reader.index(), e));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        try {
            validator.validate(new StAXSource(reader));
        } catch (SAXParseException e) {
            problems.add(problem(reader.index(), e));
        } catch (SAXException | IOException | RuntimeException e) {
            var at = reader.getLocation();
            problems.add(new ValidationProblem(reader.index(), at.getLineNumber() + ":" + at.getColumnNumber(),
                    rootCause(e)));
        }
        return problems;
    }

    private static ValidationProblem problem(int index, SAXParseException e) {
        return new ValidationProblem(index, e.getLineNumber() + ":" + e.getColumnNumber(), e.getMessage());
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Passes the stream through and notes which member of EventList is being read. */
    private static final class EventCounting extends StreamReaderDelegate {
        private final Deque<String> open = new ArrayDeque<>();
        private int index = -1;
        private int eventDepth = -1;
        private boolean leavingEvent;

        EventCounting(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int e = super.next();
            if (leavingEvent) {
                // An event's end tag is reported after next() returns, so the event ends one step later.
                eventDepth = -1;
                leavingEvent = false;
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                if ("EventList".equals(open.peek())) {
                    index++;
                    eventDepth = open.size();
                }
                open.push(getLocalName());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                open.pop();
                leavingEvent = open.size() == eventDepth;
            }
            return e;
        }

        /** The event being read, or DOCUMENT outside the event list. */
        int index() {
            return eventDepth >= 0 ? index : ValidationProblem.DOCUMENT;
        }
    }
}
