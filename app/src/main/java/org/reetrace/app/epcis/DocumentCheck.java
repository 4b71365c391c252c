package org.reetrace.app.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.document.IndexedEvent;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.profile.ProfileReading;
import org.reetrace.epcis.validation.JsonSchemaValidator;
import org.reetrace.epcis.validation.ValidationProblem;
import org.reetrace.epcis.validation.XmlSchemaValidator;
import org.reetrace.epcis.xml.XmlDocumentReader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

/**
 * What is checked before a capture is accepted (and so answered with 400, 403 or 413 instead of a job): the
 * number of events, the GS1 schema, the profile's rules for events that claim it, and that the caller is the
 * operator of every event's facility. Each event is mapped once ({@link CapturedEvent#checked}) for the profile
 * and the facility both. A JSON document is read in one streaming pass that checks each event's tree against the
 * schema as it reads it; an XML document in two, the reading and the XSD validator's (which reads the document
 * its own way). Neither holds the document whole.
 */
@Component
class DocumentCheck {
    private final JsonSchemaValidator json = new JsonSchemaValidator();
    private final XmlSchemaValidator xml = new XmlSchemaValidator();
    private final StoredRegistry registry;
    private final EpcisSettings settings;

    DocumentCheck(StoredRegistry registry, EpcisSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /** An event the caller may not capture, and why. */
    record Forbidden(int eventIndex, String message) {
    }

    /** What one pass found, in the order it is answered. */
    private final class Findings {
        final List<ValidationProblem> schema = new ArrayList<>();
        final List<ValidationProblem> unreadable = new ArrayList<>();
        final List<ValidationProblem> profile = new ArrayList<>();
        final List<Forbidden> forbidden = new ArrayList<>();
        int count;

        /** Counts an event, refusing the document as soon as it passes the limit. */
        void count() {
            count++;
            if (count > settings.captureLimit()) {
                throw EpcisProblems.tooLarge("the document holds more than " + settings.captureLimit()
                        + " events (GS1-EPCIS-Capture-Limit)", settings);
            }
        }

        /** The profile and the facility of an event read. */
        void inspect(IndexedEvent next, Binding binding, Caller caller) {
            CapturedEvent e = CapturedEvent.checked(next.index(), next.event());
            if (e.reading() instanceof ProfileReading.Invalid invalid) {
                profile.add(new ValidationProblem(e.index(), eventPointer(binding, e.index()) + invalid.field(),
                        "rare-earth profile: " + invalid.message()));
            }
            authorise(caller, e.index(), e.facility()).ifPresent(forbidden::add);
        }
    }

    /** Checks the document and answers its number of events, or throws the problem to answer. */
    int check(Path document, Binding binding, Caller caller) {
        Findings found = new Findings();
        if (binding == Binding.JSON) {
            readJson(document, caller, found);
        } else {
            readXml(document, caller, found);
            found.schema.addAll(validateXml(document));
        }
        if (!found.schema.isEmpty()) {
            throw EpcisProblems.invalid(found.schema, binding == Binding.XML);
        }
        if (!found.unreadable.isEmpty()) {
            throw EpcisProblems.invalid(found.unreadable, binding == Binding.XML);
        }
        if (found.count == 0) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(ValidationProblem.DOCUMENT, "",
                    "the document holds no events")), binding == Binding.XML);
        }
        if (!found.profile.isEmpty()) {
            throw EpcisProblems.invalid(found.profile, binding == Binding.XML);
        }
        if (!found.forbidden.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    found.forbidden.size() + " events are not at a facility of operator "
                            + caller.operatorId().orElse("(none)") + "; first: event "
                            + found.forbidden.getFirst().eventIndex() + ": " + found.forbidden.getFirst().message(),
                    Map.of("errors", found.forbidden.stream().limit(EpcisProblems.MAX_LISTED).toList()));
        }
        return found.count;
    }

    /**
     * One pass: each event's tree is checked against the schema as it is read, then read as an event with the
     * document's @context. An event the schema accepts but that cannot be read is a problem of the same list, in
     * its place; one the schema refuses is reported by the schema alone.
     */
    private void readJson(Path document, Caller caller, Findings found) {
        Set<Integer> refused = new HashSet<>();
        JsonDocumentReader.TreeWatcher schema = (index, pointer, tree) -> {
            List<ValidationProblem> problems = json.validateEvent(index, pointer, tree);
            if (!problems.isEmpty()) {
                found.schema.addAll(problems);
                refused.add(index);
            }
        };
        try (InputStream in = Files.newInputStream(document); JsonDocumentReader events = JsonDocumentReader.open(in, schema)) {
            while (events.hasNext()) {
                IndexedEvent next;
                try {
                    next = events.next();
                } catch (MalformedEventException e) {
                    found.count++;
                    if (!refused.contains(e.eventIndex())) {
                        found.schema.add(new ValidationProblem(e.eventIndex(), e.location(), e.reason()));
                    }
                    continue;
                }
                found.count();
                found.inspect(next, Binding.JSON, caller);
            }
            found.schema.addAll(json.validateHeader(events.headerTree()));
        } catch (ProblemException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
            found.schema.add(new ValidationProblem(ValidationProblem.DOCUMENT, "", "not an EPCIS JSON document: "
                    + e.getMessage()));
        } catch (RuntimeException e) {
            found.unreadable.add(new ValidationProblem(ValidationProblem.DOCUMENT, "", "cannot be read: "
                    + e.getMessage()));
        }
    }

    /** The reading pass of an XML document: count, then profile and facility of each event. */
    private void readXml(Path document, Caller caller, Findings found) {
        try (InputStream in = Files.newInputStream(document); XmlDocumentReader events = XmlDocumentReader.open(in)) {
            while (true) {
                IndexedEvent next;
                try {
                    if (!events.hasNext()) {
                        break;
                    }
                    next = events.next();
                } catch (MalformedEventException e) {
                    found.count++;
                    found.unreadable.add(new ValidationProblem(e.eventIndex(), e.location(), e.reason()));
                    continue;
                }
                found.count();
                found.inspect(next, Binding.XML, caller);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a broken stream ends reading; the schema pass says where
            found.unreadable.add(new ValidationProblem(ValidationProblem.DOCUMENT, "", "cannot be read: "
                    + e.getMessage()));
        }
    }

    private List<ValidationProblem> validateXml(Path document) {
        try (InputStream in = Files.newInputStream(document)) {
            return xml.validate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An operator captures only at its own registered facilities (docs/design.md section 8); naming a place that is not
     * its own, or not registered, is refused.
     */
    Optional<Forbidden> authorise(Caller caller, int eventIndex, Optional<FacilityId> facility) {
        String why;
        if (caller.operatorId().isEmpty()) {
            why = "only operators capture events";
        } else if (facility.isEmpty()) {
            // names no place at all: the capturing operator's own record (a profile event cannot be one)
            return Optional.empty();
        } else {
            Optional<Facility> f = registry.facility(facility.get());
            if (f.isEmpty()) {
                why = "facility " + facility.get() + " is not in the registry";
            } else if (!caller.actsFor(f.get().operator().value())) {
                why = "facility " + facility.get() + " belongs to another operator";
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Forbidden(eventIndex, why));
    }

    private static String eventPointer(Binding binding, int index) {
        // XML has no pointer; the profile's field names are the same in both bindings, so say event and field
        return binding == Binding.JSON ? "/epcisBody/eventList/" + index : "";
    }

    /** The schema's check of one event, for POST /events: validated as one event of a document. */
    JsonSchemaValidator jsonValidator() {
        return json;
    }
}
