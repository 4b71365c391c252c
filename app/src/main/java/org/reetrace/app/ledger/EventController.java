package org.reetrace.app.ledger;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.reetrace.app.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Events in the native JSON form: booking one or a batch ({@link BookEvents}), reading one ({@link ReadEvent}). The
 * body is read as bytes, so that the one strict gate of JSON input reads it.
 */
@RestController
@RequestMapping("/api/events")
public class EventController {

    private final BookEvents book;
    private final ReadEvent read;

    public EventController(BookEvents book, ReadEvent read) {
        this.book = book;
        this.read = read;
    }

    @Operation(summary = "Book one event",
            description = "An operator books for its own facilities. 201 when booked; 200 with the same answer when the"
                    + " identical event was booked before; 409 when its id was used for other content; 422 when the"
                    + " ledger or a BLOCK rule of a pack in force refuses it.")
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = BookEvents.BookedEvent.class)))
    @ApiResponse(responseCode = "200", description = "Booked before, with the same content",
            content = @Content(schema = @Schema(implementation = BookEvents.BookedEvent.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<BookEvents.BookedEvent> submit(Caller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "One event",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EventSchemas.Event.class)))
            @RequestBody byte[] body) {
        BookEvents.BookedEvent booked = book.bookOne(caller, body);
        ResponseEntity.BodyBuilder response = booked.replay() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/events/" + booked.eventId()));
        return response.body(booked);
    }

    @Operation(summary = "Book a batch of events",
            description = "Booked in order, all or nothing; a refusal names the event as events[i] and its index.")
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    public BookEvents.BookedEvents submitBatch(Caller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The events",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EventSchemas.Batch.class)))
            @RequestBody byte[] body) {
        return book.bookBatch(caller, body);
    }

    @Operation(summary = "Read a booked event",
            description = "The event as booked, with its sequence, hash, the hash before it (previousHash) and when it"
                    + " was recorded; for the regulator, customs, auditors and the operator of its facility.")
    @ApiResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventSchemas.Event.class)))
    @GetMapping("/{id}")
    public JsonNode event(Caller caller, @Parameter(description = "The event's id") @PathVariable String id) {
        return read.read(caller, id);
    }
}
