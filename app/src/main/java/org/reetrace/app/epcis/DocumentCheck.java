package org.reetrace.app.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.document.IndexedEvent;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.profile.ProfileReading;
import org.reetrace.epcis.profile.RareEarthProfile;
import org.reetrace.epcis.validation.JsonSchemaValidator;
import org.reetrace.epcis.validation.ValidationProblem;
import org.reetrace.epcis.validation.XmlSchemaValidator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What is checked before a capture is accepted (and so answered with 400, 403 or 413 instead of a job): the
 * number of events, the GS1 schema, the profile's rules for events that claim it, and that the caller is the
 * operator of every event's facility. Two streaming passes over the spooled document; neither holds it whole.
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

    /** Checks the document and answers its number of events, or throws the problem to answer. */
    int check(Path document, Binding binding, Caller caller) {
        List<ValidationProblem> unreadable = new ArrayList<>();
        List<ValidationProblem> profile = new ArrayList<>();
        List<Map<String, Object>> forbidden = new ArrayList<>();
        int count = 0;
        // First pass: count (refusing as soon as the limit is passed), then profile and facility of each event.
        try (InputStream in = Files.newInputStream(document); Binding.Events events = binding.open(in)) {
            while (true) {
                IndexedEvent next;
                try {
                    if (!events.hasNext()) {
                        break;
                    }
                    next = events.next();
                } catch (MalformedEventException e) {
                    count++;
                    unreadable.add(new ValidationProblem(e.eventIndex(), e.location(), e.reason()));
                    continue;
                }
                count++;
                if (count > settings.captureLimit()) {
                    throw EpcisProblems.tooLarge("the document holds more than " + settings.captureLimit()
                            + " events (GS1-EPCIS-Capture-Limit)", settings);
                }
                if (CapturedEvent.reading(next.index(), next.event(), Instant.EPOCH, "check")
                        instanceof ProfileReading.Invalid invalid) {
                    profile.add(new ValidationProblem(next.index(), eventPointer(binding, next.index()) + invalid.field(),
                            "rare-earth profile: " + invalid.message()));
                }
                authorise(caller, next.index(), RareEarthProfile.facilityOf(next.event())).ifPresent(forbidden::add);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a broken stream ends reading; the schema pass below says where
            unreadable.add(new ValidationProblem(ValidationProblem.DOCUMENT, "", "cannot be read: " + e.getMessage()));
        }
        List<ValidationProblem> schema = validate(document, binding);
        if (!schema.isEmpty()) {
            throw EpcisProblems.invalid(schema, binding == Binding.XML);
        }
        if (!unreadable.isEmpty()) {
            throw EpcisProblems.invalid(unreadable, binding == Binding.XML);
        }
        if (count == 0) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(ValidationProblem.DOCUMENT, "",
                    "the document holds no events")), binding == Binding.XML);
        }
        if (!profile.isEmpty()) {
            throw EpcisProblems.invalid(profile, binding == Binding.XML);
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    forbidden.size() + " events are not at a facility of operator " + caller.operatorId().orElse("(none)")
                            + "; first: event " + forbidden.getFirst().get("eventIndex") + ": "
                            + forbidden.getFirst().get("message"),
                    Map.of("errors", forbidden.stream().limit(EpcisProblems.MAX_LISTED).toList()));
        }
        return count;
    }

    /**
     * An operator captures only at its own registered facilities (docs/design.md section 8); naming a place that is not
     * its own, or not registered, is refused.
     */
    Optional<Map<String, Object>> authorise(Caller caller, int eventIndex, Optional<FacilityId> facility) {
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
        return Optional.of(Map.of("eventIndex", eventIndex, "message", why));
    }

    private List<ValidationProblem> validate(Path document, Binding binding) {
        try (InputStream in = Files.newInputStream(document)) {
            return binding == Binding.JSON ? json.validate(in) : xml.validate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String eventPointer(Binding binding, int index) {
        // XML has no pointer; the profile's field names are the same in both bindings, so say event and field
        return binding == Binding.JSON ? "/epcisBody/eventList/" + index : "";
    }

    /** The single-event variant for POST /events: validated as one event of a document. */
    JsonSchemaValidator jsonValidator() {
        return json;
    }
}
