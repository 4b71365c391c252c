package org.reetrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reetrace.app.ledger.BookEvents;
import org.reetrace.app.ledger.EventFormatException;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.rules.Finding;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Books events from a file of the native JSON form as the API books them, with every check of the API
 * (the ledger's books and the rule packs in force). Whoever runs it has the database, so it acts as a local
 * administrator for any facility; the file's events are booked in order, all or nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Books the events of a native JSON file (one event, or {\"events\": [...]}) in order, all or"
                + " nothing, and prints per event whether it was booked or refused (with the rule and its citation)."
                + " Exits 1 if any event was refused.")
final class ImportCommand extends OfflineCommand {

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Parameters(paramLabel = "FILE", description = "The JSON file, e.g. docs/examples/raw-export.json.")
    Path file;

    /** The file as read before the application starts. */
    private JsonNode root;

    @Override
    protected void checkArguments() {
        try {
            root = EXACT.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandFailure("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new CommandFailure(file + " is not JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    protected int run(ApplicationContext context) {
        List<JsonNode> nodes = new ArrayList<>();
        if (root.has("events")) {
            root.get("events").forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        BookEvents book = context.getBean(BookEvents.class);
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                events.add(book.read(nodes.get(i)));
            } catch (EventFormatException e) {
                String at = root.has("events") ? "events[" + i + "]" + (e.field().isEmpty() ? "" : ".") : "";
                throw new CommandFailure(file + ": " + at + e.field() + ": " + e.getMessage());
            }
        }
        List<Outcome> outcomes = book.bookAsSystem(events);
        PrintWriter out = out();
        boolean refused = false;
        for (Outcome o : outcomes) {
            switch (o) {
                case Outcome.Booked b -> out.printf("%s  booked%s at sequence %d%n", b.eventId(),
                        b.replay() ? " before" : "", b.sequence());
                case Outcome.Refused r when r.blockingRule().isPresent() -> {
                    Finding f = r.blockingRule().get();
                    out.printf("%s  BLOCKED by %s (%s, pack %s %s)%n", r.eventId(), f.ruleId(), f.jurisdiction(),
                            f.pack(), f.packVersion());
                    out.printf("    %s%n", f.message());
                    if (!f.detail().isEmpty()) {
                        out.printf("    why: %s%n", f.detail());
                    }
                    out.printf("    law: %s%n", f.citation());
                    refused = true;
                }
                case Outcome.Refused r -> {
                    out.printf("%s  REFUSED by the ledger: %s at %s: %s%n", r.eventId(), r.reason().code(),
                            r.reason().field(), r.reason().message());
                    refused = true;
                }
                case Outcome.Conflict c -> {
                    out.printf("%s  CONFLICT: booked at sequence %d with other content%n", c.eventId(), c.sequence());
                    refused = true;
                }
                case Outcome.Skipped s -> out.printf("%s  not booked (an event of this file was refused)%n", s.eventId());
            }
        }
        return refused ? Commands.FAILURE : Commands.OK;
    }
}
