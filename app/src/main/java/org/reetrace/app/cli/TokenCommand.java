package org.reetrace.app.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.IssueToken;
import org.reetrace.app.security.RevokeToken;
import org.reetrace.app.security.Role;
import org.reetrace.app.security.TokenView;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * API tokens as the local administrator: issue (printed once; only its hash is stored), list and revoke.
 * {@code reetrace token --name ... --role ...} issues, as {@code reetrace token issue} does.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Issues a bearer token for the API and prints it (it cannot be shown again); lists and revokes"
                + " tokens.",
        subcommands = {TokenCommand.Issue.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand extends OfflineCommand {

    /** What issuing takes, with or without the word {@code issue}. */
    static final class IssueOptions {
        @Option(names = "--name", description = "Who the token is for, as shown in audit records.")
        String name;

        @Option(names = "--role", description = "One of: ${COMPLETION-CANDIDATES}.")
        Role role;

        @Option(names = "--operator", paramLabel = "OPERATOR-ID", description = "The operator an OPERATOR token acts for.")
        String operatorId;

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "When it stops being valid: an instant (2027-01-01T00:00:00Z) or a time from now (30d,"
                        + " 12h). Default: operators' tokens after reetrace.tokens.operator-lifetime (90d), others never.")
        String expires;

        /** Everything but the operator's existence, before the database starts. */
        void check() {
            if (name == null || role == null) {
                throw new CommandFailure("issuing a token needs --name and --role (see 'reetrace token --help')");
            }
            try {
                new Caller(name, role, Optional.ofNullable(operatorId)); // a name, and an operator for OPERATOR only
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            if (expires != null) {
                expiry(expires, Instant.EPOCH);
            }
        }

        int issue(ApplicationContext context, OfflineCommand command) {
            Caller caller = new Caller(name, role, Optional.ofNullable(operatorId));
            Optional<Instant> until = expires == null ? Optional.empty()
                    : Optional.of(expiry(expires, context.getBean(Clock.class).instant()));
            command.out().println(context.getBean(IssueToken.class).issue(Caller.localAdministrator(), caller, until)
                    .token());
            return Commands.OK;
        }

        private static Instant expiry(String text, Instant now) {
            try {
                return now.plus(DurationStyle.detectAndParse(text));
            } catch (IllegalArgumentException notADuration) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeException e) {
                    throw new CommandFailure("--expires " + text + " is neither an instant (2027-01-01T00:00:00Z) nor"
                            + " a time from now (30d)");
                }
            }
        }
    }

    @Mixin
    IssueOptions issue;

    @Override
    protected void checkArguments() {
        issue.check();
    }

    @Override
    protected int run(ApplicationContext context) {
        return issue.issue(context, this);
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues a bearer token and prints it (it cannot be shown again).")
    static final class Issue extends OfflineCommand {
        @Mixin
        IssueOptions issue;

        @Override
        protected void checkArguments() {
            issue.check();
        }

        @Override
        protected int run(ApplicationContext context) {
            return issue.issue(context, this);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists tokens: id, status, role, operator, name, created, expires, last used; never secrets.")
    static final class ListTokens extends OfflineCommand {
        @Option(names = "--operator", paramLabel = "OPERATOR-ID", description = "Only the tokens of this operator.")
        String operatorId;

        @Override
        protected int run(ApplicationContext context) {
            out().printf("%-20s %-7s %-9s %-16s %-24s %-20s %-20s %s%n", "ID", "STATUS", "ROLE", "OPERATOR", "NAME",
                    "CREATED", "EXPIRES", "LAST USED");
            var tokens = context.getBean(org.reetrace.app.security.ListTokens.class);
            for (TokenView t : tokens.list(Caller.localAdministrator(), operatorId)) {
                out().printf("%-20s %-7s %-9s %-16s %-24s %-20s %-20s %s%n", t.id(), t.status(), t.role(),
                        Optional.ofNullable(t.operator()).orElse("-"), t.name(), seconds(t.created()),
                        seconds(t.expires()), seconds(t.lastUsed()));
            }
            return Commands.OK;
        }

        private static String seconds(Instant at) {
            return Optional.ofNullable(at).map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .orElse("-");
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a token by its id (see 'reetrace token list'); it is refused from then on.")
    static final class Revoke extends OfflineCommand {
        @Parameters(paramLabel = "ID", description = "The token's id, tok_ and 16 hex digits.")
        String id;

        @Override
        protected void checkArguments() {
            if (!id.matches("tok_[0-9a-f]{16}")) {
                throw new CommandFailure("ID must be tok_ and 16 hex digits (see 'reetrace token list'), was " + id);
            }
        }

        @Override
        protected int run(ApplicationContext context) {
            TokenView revoked = context.getBean(RevokeToken.class).revoke(Caller.localAdministrator(), id);
            out().printf("revoked %s (%s, %s) at %s%n", revoked.id(), revoked.name(), revoked.role(), revoked.revoked());
            return Commands.OK;
        }
    }
}
