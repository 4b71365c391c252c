package org.reetrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reetrace.app.certificate.IssueCertificate;
import org.reetrace.app.security.Caller;
import org.reetrace.verifier.credential.CredentialVerifier;
import org.reetrace.verifier.credential.IssuerKeys;
import org.reetrace.verifier.credential.Verdict;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Certificates of origin: issue one for a lot, and verify one as a buyer would, with no access to reetrace. */
@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = "Issues a signed certificate of origin for a lot, or verifies one.",
        subcommands = {CertificateCommand.Issue.class, CertificateCommand.Verify.class})
final class CertificateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Commands.USAGE_ERROR;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues a certificate of origin for a lot, signed by the regulator's key, and prints its id, URL"
                    + " and how to verify it. Asks a running server (as its token's holder) when there is one; else"
                    + " opens the database as the regulator.")
    static final class Issue extends ReadingCommand {

        @Parameters(paramLabel = "LOT", description = "The lot, e.g. MAG-2026-0001.")
        String lot;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the certificate (compact JWS) to FILE"
                + " (default: LOT.vc.jwt in the current folder).")
        Path file;

        @Override
        protected int runRemotely(ServerClient server) {
            return print(ServerClient.read(server.post("api/lots/" + ServerClient.segment(lot) + "/certificates", null),
                    IssueCertificate.Issued.class));
        }

        @Override
        protected int run(ApplicationContext context) {
            return print(context.getBean(IssueCertificate.class).issue(Caller.localAdministrator(), lot));
        }

        private int print(IssueCertificate.Issued issued) {
            Path to = file != null ? file : Path.of(lot.replaceAll("[^A-Za-z0-9._-]", "_") + ".vc.jwt");
            try {
                Files.writeString(to, issued.jws() + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + to + ": " + e.getMessage());
            }
            PrintWriter out = out();
            out.printf("certificate %s of lot %s, issued %s, signed with key %s%n", issued.id(), issued.lot(),
                    issued.issuedAt(), issued.keyId());
            out.printf("  public URL  %s  (JSON; application/vc+jwt for the signed original; text/html to print)%n",
                    issued.url());
            out.printf("  written to  %s%n", to);
            out.printf("  claims      %d rule results, %d ledger events of the lot, %d elements%n",
                    issued.credential().credentialSubject().conformityClaim().size(),
                    issued.credential().credentialSubject().ledgerEvents().size(),
                    issued.credential().credentialSubject().elementProvenance().size());
            out.printf("Verify it:   reetrace certificate verify %s            (online: the issuer's did:web and status)%n", to);
            out.printf("  offline:   curl -o did.json %s/.well-known/did.json; reetrace certificate verify %s --did did.json"
                    + " --offline%n", issued.url().replaceFirst("/credentials/.*$", ""), to);
            return Commands.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verifies a certificate (a compact JWS) as a buyer would, with no access to reetrace's"
                    + " database: signature, issuer key, validity, inclusion of the lot's last event in the regulator's"
                    + " log, and revocation status. Prints a line per check; exits 0 only if nothing failed.")
    static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The certificate: a compact JWS, as 'certificate issue' writes it.")
        Path file;

        @Option(names = "--key", paramLabel = "K", description = "The issuer's public key, pinned: a file or the text of a"
                + " PEM public key, a JWK, a multikey (z6Mk...) or the 32 bytes in base64url.")
        String key;

        @Option(names = "--did", paramLabel = "FILE", description = "The issuer's DID document (did.json) as a file.")
        Path did;

        @Option(names = "--checkpoint", paramLabel = "C", description = "A checkpoint of the regulator's log you trust (a"
                + " file), to check the certificate's proof is of the same tree.")
        Path checkpoint;

        @Option(names = "--status-list", paramLabel = "FILE", description = "The status list credential as a file,"
                + " instead of fetching it.")
        Path statusList;

        @Option(names = "--offline", description = "Fetch nothing: say what could not be checked.")
        boolean offline;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CredentialVerifier.Options options = offline ? CredentialVerifier.Options.withoutNetwork()
                    : CredentialVerifier.Options.usingNetwork();
            try {
                if (key != null) {
                    Path k = Path.of(key);
                    options = options.withKeys(IssuerKeys.pinned(Files.isRegularFile(k) ? Files.readString(k) : key));
                } else if (did != null) {
                    options = options.withKeys(IssuerKeys.didDocument(read(did), did.toString()));
                }
                if (checkpoint != null) {
                    options = options.withCheckpoint(read(checkpoint));
                }
                if (statusList != null) {
                    options = options.withStatusList(read(statusList));
                }
            } catch (IllegalArgumentException | IOException e) {
                throw new CommandFailure(e.getMessage());
            }
            Verdict verdict;
            try {
                verdict = new CredentialVerifier().verify(read(file), options);
            } catch (IOException e) {
                throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
            }
            spec.commandLine().getOut().print(verdict.report());
            return verdict.valid() ? Commands.OK : Commands.FAILURE;
        }

        private static String read(Path path) throws IOException {
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + ": no such file");
            }
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        }
    }
}
