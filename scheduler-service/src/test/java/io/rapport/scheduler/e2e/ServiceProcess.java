package io.rapport.scheduler.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Rapport service started from its packaged jar, as it runs in production. */
final class ServiceProcess {

    private final String module;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String module, int port, Path log, Process process) {
        this.module = module;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(Path root, String module, int port, Map<String, String> environment, Path logDir)
            throws IOException {
        return start(root, module, port, environment, logDir, module);
    }

    /** @param name names the log file: a second replica of a module logs apart */
    static ServiceProcess start(Path root, String module, int port, Map<String, String> environment, Path logDir,
            String name) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (mvn package)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions(root, jar));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // a restart keeps the earlier log
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1"); // as the local stack: the loopback only
        return new ServiceProcess(module, port, log, builder.start());
    }

    /** The JVM options the local stack and the images run the services with (deploy/local/rapport jvm-options). */
    private static List<String> jvmOptions(Path root, Path jar) throws IOException {
        Process options = new ProcessBuilder("bash", root.resolve("deploy/local/rapport").toString(), "jvm-options",
                jar.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(options.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
        try {
            if (options.waitFor() != 0 || lines.isEmpty()) {
                throw new IllegalStateException("deploy/local/rapport jvm-options failed: " + lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return lines;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until /q/health/ready answers 200, or fails with the tail of the service's log. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(module + " not ready within " + timeout + ":\n" + logTail());
    }

    /** Kills the process at once (SIGKILL): nothing of it runs after, no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(module + " still runs 10 s after SIGKILL");
        }
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
