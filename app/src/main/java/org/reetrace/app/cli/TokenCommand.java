package org.reetrace.app.cli;

import java.util.Optional;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Issues an API bearer token and prints it once; only its hash is stored. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Issues a bearer token for the API and prints it (it cannot be shown again).")
final class TokenCommand extends OfflineCommand {

    @Option(names = "--name", required = true, description = "Who the token is for, as shown in audit records.")
    String name;

    @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(names = "--operator", paramLabel = "OPERATOR-ID", description = "The operator an OPERATOR token acts for.")
    String operatorId;

    @Override
    protected int run(ApplicationContext context) {
        Caller caller = new Caller(name, role, Optional.ofNullable(operatorId));
        try {
            out().println(context.getBean(ApiTokens.class).issue(caller).token());
            return Commands.OK;
        } catch (DataIntegrityViolationException e) {
            throw new CommandFailure("operator " + operatorId + " is not in the registry");
        }
    }
}
