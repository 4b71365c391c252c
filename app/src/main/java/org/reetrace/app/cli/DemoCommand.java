package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.reetrace.app.database.DatabaseSettings;
import org.reetrace.app.demo.DemoChain;
import org.reetrace.app.demo.DemoLoader;
import org.reetrace.app.demo.DemoYear;
import org.reetrace.app.demo.SimulatedChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Serves the application with the demo chain in its ledger, and says where to look. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts reetrace with a demo mine-to-magnet chain and a simulated national chain with frauds"
                + " in the ledger (loaded once; running it again keeps the data) and prints the URLs and API tokens to try.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.serve(server.database, server.port, spec, true, (context, url) -> {
            DemoLoader.Loaded loaded = context.getBean(DemoLoader.class).load();
            SimulatedChain.Booked year = context.getBean(DemoYear.class).load();
            PrintWriter out = spec.commandLine().getOut();
            String magnets = DemoChain.MAGNETS.value();
            out.printf("%nreetrace demo: %d registry changes recorded and %d events booked now, %d events were"
                    + " already in the ledger; the rule packs of MY, CN, US and EU are in force.%n",
                    loaded.registryChanges(), loaded.booked(), loaded.alreadyThere());
            out.printf("Simulated national chain 2026-01..2027-03 (seed %d, ids %s...): %d events, %d booked now, %d"
                    + " already there, %d refused by the rule packs %s; the analytics watch it.%n", DemoYear.SEED,
                    DemoYear.PREFIX, year.result().events(), year.booked(), year.replayed(), year.refused(), year.refusedBy());
            out.printf("%nOpen %s in a browser and sign in with one of these tokens (the regulator's first page is"
                    + " the morning page, %smorning):%n", url, url);
            out.printf("  regulator    export TOKEN=%s%n", loaded.regulatorToken());
            out.printf("  customs      %s%n", loaded.customsToken());
            out.printf("  auditor      %s%n", loaded.auditorToken());
            out.printf("  magnet maker %s   (operator OP-JOHOR-MAG)%n", loaded.magnetMakerToken());
            out.printf("  separation   %s   (operator OP-PAHANG-RE)%n", loaded.separationPlantToken());
            out.printf("%n  API docs     %sswagger-ui.html%n", url);
            out.printf("%nTry:%n");
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/lots/%s%n", url, magnets);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/lots/%s/pedigree%n", url, magnets);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/lots/%s/trace%n", url, magnets);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/facilities/%s/stock%n", url, DemoChain.SEPARATION);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/operators/OP-PAHANG-RE/state-link%n", url);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/rules/packs%n", url);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/ledger/verification%n", url);
            String certificate = loaded.certificate().url();
            out.printf("%nCertificate of origin of the exported magnets, signed by the regulator (public, no token):%n");
            out.printf("  %s   (JSON; open it in a browser for the page with its QR code)%n", certificate);
            out.printf("  curl -H 'Accept: application/vc+jwt' %s > magnets.vc.jwt%n", certificate);
            out.printf("  ./reetrace certificate verify magnets.vc.jwt   (the regulator's did:web, its log and status list)%n");
            out.printf("  curl -o did.json %s.well-known/did.json && ./reetrace certificate verify magnets.vc.jwt"
                    + " --did did.json --offline%n", url);
            out.printf("%nEnforcement analytics (the simulated chain's frauds):%n");
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" '%sapi/alerts?source=ANALYTICS'%n", url);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" '%sapi/facilities/%s/balances?from=2026-07&to=2027-03'%n",
                    url, DemoYear.METAL);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %sapi/mines/%s/signature%n", url, DemoYear.MINE);
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: text/csv' --data-binary"
                    + " @docs/examples/partner-imports-demo.csv '%sapi/mirror-trade?from=2026-01&to=2027-02'%n", url);
            out.printf("%nIn another terminal, while this one runs (reading commands ask this server, found by the"
                    + " file %s):%n", ServerFile.besides(context.getBean(DatabaseSettings.class).dataDir()));
            // the commands find this server, and open its database, by the data folder: set it once when not the default
            if (server.database.dataDir != null) {
                out.printf("  export %s=%s%n", ServerLocation.DATA_DIR_VARIABLE, server.database.dataDir.toAbsolutePath());
            }
            if (server.database.url != null) {
                out.printf("  export REETRACE_DATABASE_URL=%s%n", server.database.url);
            }
            out.printf("  ./reetrace trace %s%n", magnets);
            out.printf("  ./reetrace import docs/examples/raw-export.json                    (MY-EXP-01 blocks it)%n");
            out.printf("  ./reetrace import docs/examples/extraction-in-forest-reserve.json  (MY-MIN-01 blocks it)%n");
            out.printf("  ./reetrace precheck %s --hs 8505.11 --permit EXP-MY-2026-0093 --counterparty \"Great Lakes"
                    + " Motors Inc.\" --country US --jurisdiction MY,CN,US,EU --at 2026-06-01%n", magnets);
            out.printf("  ./reetrace assess %s --pack us --at 2027-01-01%n", magnets);
            out.printf("  ./reetrace registry state-link OP-PAHANG-RE%n");
            out.printf("  ./reetrace rules list%n");
            out.printf("  ./reetrace verify%n");
            out.printf("  ./reetrace reconcile --partner docs/examples/partner-imports-demo.csv --from 2026-01 --to 2027-02%n");
            out.printf("%nCtrl-C stops the server; the data stays for the next start.%n");
        });
    }
}
