package org.reetrace.app.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reetrace serve} in a JVM of its own, started with JVM options of the caller's choosing (a heap limit, a GC
 * log), so that it can be killed, and its heap bounded and measured, apart from the caller's. It runs the same Java
 * and the same code: the executable jar the caller runs from, or its class path (tests). The crash rounds and the
 * end-to-end benchmark (in the bench module) start theirs with it. Closing it stops it with SIGTERM,
 * which shuts the application down cleanly; {@link #kill} ends it as a crash would.
 */
public final class ForkedServer implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on (http://localhost:\\d+)/");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<String> url = new CompletableFuture<>();

    private ForkedServer(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread.ofPlatform().daemon(true).name("forked-server-output").start(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("the forked server ended:\n" + output));
        });
    }

    /**
     * Starts {@code reetrace serve --port 0 arguments...} with the JVM options and extra environment given, and
     * returns at once: {@link #awaitServing} waits until it serves.
     */
    public static ForkedServer start(List<String> jvmOptions, List<String> arguments, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launcher(System.getProperty("java.class.path")));
        command.add("serve");
        command.add("--port");
        command.add("0");
        command.addAll(arguments);
        return new ForkedServer(command, environment);
    }

    /** How this code is started again: the executable jar alone on the class path, else the class path and main. */
    public static List<String> launcher(String classPath) {
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            return List.of("-jar", classPath);
        }
        return List.of("-cp", classPath, "org.reetrace.app.Reetrace");
    }

    /** Its base URL once it serves; fails if it ends or takes longer than {@code patience} to start. */
    public String awaitServing(Duration patience) throws InterruptedException {
        try {
            return url.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the forked server did not start:\n" + output, e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What it printed so far (its log, and an OutOfMemoryError if the heap ran out). */
    public String output() {
        return output.toString();
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    /** Ends it with SIGKILL, giving it no chance to clean up (shutdown hooks do not run), and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the forked server (pid " + process.pid() + ") outlived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
