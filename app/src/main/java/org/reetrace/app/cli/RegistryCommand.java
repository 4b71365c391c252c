package org.reetrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.reetrace.app.registry.ChangeRegistry;
import org.reetrace.app.registry.ReadRegistry;
import org.reetrace.app.registry.RegistryChangeJson;
import org.reetrace.app.registry.RegistryViews.ZoneView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.StateLink;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.ZoneKind;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry from the command line: what it holds at a time, who is state-linked and why, its history, zones. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Shows the registry as it stands (or stood), explains state links, lists its history and"
                + " imports zones from GeoJSON.",
        subcommands = {RegistryCommand.Show.class, RegistryCommand.StateLinkOf.class, RegistryCommand.History.class,
                RegistryCommand.ImportZones.class, RegistryCommand.Record.class})
final class RegistryCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A date or instant, Malaysian midnight for a plain date, as everywhere on the command line; null: now. */
    private static Instant at(String text) {
        try {
            return Instants.parse(text, "--at", null);
        } catch (ProblemException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Operators (with their state link), facilities, licences, zones and technology agreements.")
    static final class Show extends ReadingCommand {

        @Option(names = "--at", paramLabel = "DATE", description = "The registry as it stood then (default: now;"
                + " another time is read from the database).")
        String at;

        @Override
        protected void checkArguments() {
            checkInstant(at, "--at");
        }

        /** The API lists the registry as it stands; as it stood at another time only the database tells. */
        @Override
        protected boolean answerableRemotely() {
            return at == null;
        }

        @Override
        protected int runRemotely(ServerClient server) {
            return RemoteReads.registryShow(this, server);
        }

        @Override
        protected int run(ApplicationContext context) {
            ReadRegistry.Snapshot snapshot = context.getBean(ReadRegistry.class).asOf(Caller.localAdministrator(), at(at));
            Instant when = snapshot.at();
            RegistrySnapshot r = snapshot.registry();
            PrintWriter out = out();
            out.printf("registry as of %s%n%noperators%n", when);
            r.operators().stream().sorted(Comparator.comparing(o -> o.id().value())).forEach(o -> {
                StateLink link = r.stateLink(o.id());
                out.printf("  %-16s %-2s %-40s state %s %s %%%s%n", o.id(), o.country(), o.name(), link.state(),
                        link.share().stripTrailingZeros().toPlainString(), link.linked() ? " (state-linked)" : "");
            });
            out.printf("%nfacilities%n");
            r.facilities().stream().sorted(Comparator.comparing(f -> f.id().value())).forEach(f -> out.printf(
                    "  %-16s %-18s %-16s %s%n", f.id(), f.facility().kind(), f.facility().operator(), processes(f)));
            out.printf("%nlicences%n");
            r.licences().stream().sorted(Comparator.comparing(l -> l.id().toString())).forEach(l -> out.printf(
                    "  %-22s %-24s %-16s %s%s%n", l.id(), l.kind(), l.holder(), l.validity(),
                    l.quota().map(q -> "  quota " + q + "/year").orElse("")));
            out.printf("%nzones%n");
            r.zones().stream().sorted(Comparator.comparing(z -> z.code().toString())).forEach(z -> out.printf(
                    "  %-16s %-32s %s  %s%n", z.code(), z.kind(), z.name(), z.validity()));
            out.printf("%ntechnology agreements%n");
            r.agreements().stream().sorted(Comparator.comparing(a -> a.id())).forEach(a -> out.printf(
                    "  %-16s %s (%s) grants %s to %s, %s%n", a.id(), a.licensor(), a.licensorCountry(), a.category(),
                    a.recipient(), a.validity()));
            return Commands.OK;
        }

        private static String processes(RegisteredFacility f) {
            return f.processes().stream().map(p -> p.process() + " (" + p.licensorCountry() + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    @Command(name = "state-link", mixinStandardHelpOptions = true,
            description = "Whether an operator is state-linked, with every chain of holdings up to the state.")
    static final class StateLinkOf extends ReadingCommand {

        @Parameters(paramLabel = "OPERATOR", description = "The operator id, e.g. OP-PAHANG-RE.")
        String operator;

        @Option(names = "--at", paramLabel = "DATE", description = "As it stood then (default: now).")
        String at;

        @Override
        protected void checkArguments() {
            checkInstant(at, "--at");
            try {
                OperatorId.of(operator);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
        }

        @Override
        protected int runRemotely(ServerClient server) {
            return RemoteReads.stateLink(this, server);
        }

        @Override
        protected int run(ApplicationContext context) {
            out().println(context.getBean(ReadRegistry.class).stateLink(Caller.localAdministrator(), operator, at(at),
                    null).explanation());
            return Commands.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every change to the registry: when it takes effect, when it was recorded, and by whom.")
    static final class History extends ReadingCommand {

        @Override
        protected int runRemotely(ServerClient server) {
            return RemoteReads.history(this, server);
        }

        @Override
        protected int run(ApplicationContext context) {
            List<RegistryVersion> history = context.getBean(ReadRegistry.class).versions(Caller.localAdministrator());
            for (RegistryVersion v : history) {
                out().printf("%5d  effective %s  recorded %s  by %-20s %s%n", v.sequence(), v.effective(), v.recorded(),
                        v.author(), describe(v.change()));
            }
            out().printf("%d changes%n", history.size());
            return Commands.OK;
        }

        static String describe(RegistryChange change) {
            return switch (change) {
                case RegistryChange.PutOperator c -> "operator " + c.operator().id();
                case RegistryChange.PutFacility c -> "facility " + c.facility().id();
                case RegistryChange.SetShareholders c -> "shareholders of " + c.company();
                case RegistryChange.PutLicence c -> "licence " + c.licence().id();
                case RegistryChange.PutZone c -> "zone " + c.zone().code();
                case RegistryChange.PutAgreement c -> "technology agreement " + c.agreement().id();
                case RegistryChange.SetStateLinkThreshold c -> "state-link threshold " + c.percent() + " %";
            };
        }
    }

    @Command(name = "import-zones", mixinStandardHelpOptions = true,
            description = "Imports the polygons of a GeoJSON FeatureCollection as zones, all or nothing.")
    static final class ImportZones extends OfflineCommand {

        @Parameters(paramLabel = "FILE", description = "A GeoJSON FeatureCollection of Polygons or MultiPolygons.")
        Path file;

        @Option(names = "--kind", description = "Kind of every zone, unless a feature says its own in a property"
                + " 'kind': ${COMPLETION-CANDIDATES}.")
        ZoneKind kind;

        @Option(names = "--code-property", defaultValue = "code", description = "Feature property with the zone code.")
        String codeProperty;

        @Option(names = "--name-property", defaultValue = "name", description = "Feature property with the zone name.")
        String nameProperty;

        @Option(names = "--from", description = "First day the zones are in force (default: always).")
        String from;

        @Option(names = "--until", description = "Day the zones stop being in force (default: never).")
        String until;

        @Option(names = "--effective", paramLabel = "DATE", description = "When the change takes effect (default: now).")
        String effective;

        @Option(names = "--by", defaultValue = "command line", description = "Who records the change (default: ${DEFAULT-VALUE}).")
        String by;

        @Override
        protected void checkArguments() {
            checkReadable(file);
            checkInstant(from, "--from");
            checkInstant(until, "--until");
            checkInstant(effective, "--effective");
        }

        @Override
        protected int run(ApplicationContext context) {
            String geoJson;
            try {
                geoJson = Files.readString(file);
            } catch (IOException e) {
                throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
            }
            List<ZoneView> zones;
            try {
                Validity validity = Instants.validity(from, until, "--from", "--until");
                Instant when = Instants.parse(effective, "--effective", null);
                zones = context.getBean(org.reetrace.app.registry.ImportZones.class).importZones(Caller.of(by, Role.REGULATOR),
                        new org.reetrace.app.registry.ImportZones.Request(geoJson, kind, codeProperty, nameProperty, validity, when));
            } catch (IllegalArgumentException | ProblemException e) {
                throw new CommandFailure(file + ": " + e.getMessage());
            }
            zones.forEach(z -> out().printf("zone %s (%s) %s recorded%n", z.code(), z.kind(), z.name()));
            return Commands.OK;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Records registry changes from a JSON file, all or nothing: an array of changes in the form"
                    + " GET /api/registry/history shows them (\"kind\": PutOperator, PutFacility, SetShareholders,"
                    + " PutLicence, PutZone, PutAgreement or SetStateLinkThreshold, and its fields), each with an"
                    + " optional \"effective\" instant (default: now).")
    static final class Record extends OfflineCommand {

        @Parameters(paramLabel = "FILE", description = "The JSON file of changes.")
        Path file;

        @Option(names = "--by", defaultValue = "command line", description = "Who records the changes (default: ${DEFAULT-VALUE}).")
        String by;

        @Override
        protected void checkArguments() {
            checkReadable(file);
        }

        @Override
        protected int run(ApplicationContext context) {
            JsonNode array;
            try {
                array = JSON.readTree(Files.readString(file));
            } catch (IOException | JacksonException e) {
                throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
            }
            if (array == null || !array.isArray() || array.isEmpty()) {
                throw new CommandFailure(file + ": expected a non-empty JSON array of registry changes");
            }
            List<ChangeRegistry.Dated> changes = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode n = array.get(i);
                try {
                    String effective = n.hasNonNull("effective") ? n.get("effective").asString() : null;
                    changes.add(new ChangeRegistry.Dated(RegistryChangeJson.read(n),
                            Instants.parse(effective, "effective", null)));
                } catch (RuntimeException e) {
                    throw new CommandFailure(file + ": change [" + i + "]: " + e.getMessage());
                }
            }
            List<RegistryVersion> recorded;
            try {
                recorded = context.getBean(ChangeRegistry.class).record(Caller.of(by, Role.REGULATOR), changes);
            } catch (IllegalArgumentException | ProblemException e) {
                throw new CommandFailure(file + ": " + e.getMessage() + " (nothing was recorded)");
            }
            recorded.forEach(v -> out().printf("recorded %s, effective %s%n", History.describe(v.change()), v.effective()));
            return Commands.OK;
        }
    }
}
