package org.reetrace.app.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.reetrace.app.database.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the web application until the process is stopped (Ctrl-C or SIGTERM stop it cleanly). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the web application: the REST API, its OpenAPI description and Swagger UI.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        return serve(server.database, server.port, spec, (context, url) -> {
            spec.commandLine().getOut().printf("reetrace %s serving on %s (API docs: %sswagger-ui.html)%n",
                    Version.current(), url, url);
        });
    }

    /**
     * Starts the web application on {@code port}, hands it and its base URL to {@code started}, and waits until
     * the process is stopped.
     */
    static int serve(DatabaseOptions database, int port, CommandSpec spec,
                     BiConsumer<ConfigurableApplicationContext, String> started) throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandFailure("--port must be between 0 and 65535, was " + port);
        }
        requireFree(port);
        List<String> arguments = new ArrayList<>(database.springArguments());
        arguments.add("--server.port=" + port);
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = Commands.application(WebApplicationType.SERVLET)
                .listeners(new ClosedListener(closed))
                .run(arguments.toArray(String[]::new));
        // once, where an operator looks first: whether an acknowledged event survives a crash
        Durability.of(context.getBean(DataSource.class)).log(log);
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        started.accept(context, "http://localhost:" + actualPort + "/");
        spec.commandLine().getOut().flush();
        closed.await();
        return Commands.OK;
    }

    /** A port another process listens on is told in one line, before the application's start fills the screen. */
    private static void requireFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new CommandFailure("port " + port + " is in use by another process; choose another with --port");
        }
    }

    /** Releases the waiting command once the context closes, from the shutdown hook or otherwise. */
    private record ClosedListener(CountDownLatch closed) implements ApplicationListener<ContextClosedEvent> {
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            closed.countDown();
        }
    }
}
