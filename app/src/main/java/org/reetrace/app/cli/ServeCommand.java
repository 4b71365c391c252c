package org.reetrace.app.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.reetrace.app.database.DatabaseSettings;
import org.reetrace.app.demo.DemoTokens;
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
        return serve(server.database, server.port, spec, false, (context, url) -> {
            spec.commandLine().getOut().printf("reetrace %s serving on %s (API docs: %sswagger-ui.html)%n",
                    Version.current(), url, url);
        });
    }

    /**
     * Starts the web application on {@code port}, hands it and its base URL to {@code started}, leaves the
     * {@link ServerFile} beside the data folder for commands in other terminals (with the demo's token file if
     * {@code demo}), and waits until the process is stopped.
     */
    static int serve(DatabaseOptions database, int port, CommandSpec spec, boolean demo,
                     BiConsumer<ConfigurableApplicationContext, String> started) throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandFailure("--port must be between 0 and 65535, was " + port);
        }
        requireFree(port);
        List<String> arguments = new ArrayList<>(database.springArguments());
        arguments.add("--server.port=" + port);
        CountDownLatch closed = new CountDownLatch(1);
        List<Runnable> onClose = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext context = Commands.application(WebApplicationType.SERVLET)
                .listeners(new ClosedListener(closed, onClose))
                .run(arguments.toArray(String[]::new));
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        String url = "http://localhost:" + actualPort + "/";
        started.accept(context, url);
        announce(context, url, demo, onClose);
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

    /** Writes the server file once the server listens, and has it removed when the server stops. */
    private static void announce(ConfigurableApplicationContext context, String url, boolean demo, List<Runnable> onClose) {
        Path dataDir = context.getBean(DatabaseSettings.class).dataDir();
        Path file = ServerFile.besides(dataDir);
        ServerFile server = new ServerFile(URI.create(url), ProcessHandle.current().pid(),
                demo ? Optional.of(DemoTokens.besides(dataDir)) : Optional.empty());
        try {
            server.write(file);
            onClose.add(() -> server.remove(file));
        } catch (IOException e) {
            // the server runs all the same; commands elsewhere need --server to find it
            log.warn("cannot write {} ({}); other commands find this server only with --server {}", file, e.getMessage(),
                    url);
        }
    }

    /** Releases the waiting command once the context closes, from the shutdown hook or otherwise. */
    private record ClosedListener(CountDownLatch closed, List<Runnable> onClose)
            implements ApplicationListener<ContextClosedEvent> {
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            onClose.forEach(Runnable::run);
            closed.countDown();
        }
    }
}
