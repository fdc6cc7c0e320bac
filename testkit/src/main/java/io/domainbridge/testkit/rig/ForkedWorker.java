package io.domainbridge.testkit.rig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;

/**
 * A distributed-mode Connect worker in a JVM of its own, started with {@code connect-distributed}'s main class and a
 * worker properties file, so that it can be killed abruptly: no graceful shutdown, no task stopped, no offset
 * committed, its connections to Kafka and the databases simply gone. Its output goes to a log file.
 */
public final class ForkedWorker implements AutoCloseable {

    private static final String HOST = "localhost";
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private ForkedWorker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a worker with the given properties and a REST listener of its own on a free port, writing its
     * properties file and log into the directory under the given name; it runs on the test JVM's classpath, so it
     * loads plugins from {@code plugin.path} exactly as the embedded workers do.
     */
    public static ForkedWorker start(Map<String, String> workerProps, Path directory, String name) {
        int port = freePort();
        Properties props = new Properties();
        props.putAll(workerProps);
        props.put(RestServerConfig.LISTENERS_CONFIG, "http://" + HOST + ":" + port);
        props.put(RestServerConfig.REST_ADVERTISED_HOST_NAME_CONFIG, HOST);
        props.put(RestServerConfig.REST_ADVERTISED_PORT_CONFIG, Integer.toString(port));
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve(name + ".properties");
            try (Writer writer = Files.newBufferedWriter(config)) {
                props.store(writer, "Connect worker " + name);
            }
            Path log = directory.resolve(name + ".log");
            Process process = new ProcessBuilder(command(config))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ForkedWorker(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Connect worker " + name, e);
        }
    }

    private static List<String> command(Path config) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(
                java,
                "-Xmx768m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ConnectDistributed.class.getName(),
                config.toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name Connect gives this worker in the status API: its advertised host and port. */
    public String workerId() {
        return HOST + ":" + port;
    }

    /**
     * Whether the worker finished starting (its herder is running and answers {@code GET /health}); fails when the
     * process has exited, so a worker that cannot start is reported at once with the place of its log.
     */
    public boolean isHealthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "Connect worker " + workerId() + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + workerId() + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return HttpClient.newHttpClient()
                            .send(request, BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit("SIGKILL");
    }

    /**
     * Stops the worker gracefully with SIGTERM, as a rolling restart does: Connect's shutdown hook stops its tasks,
     * commits their offsets and leaves the group; waits until the process is gone.
     */
    public void stop() {
        process.destroy();
        awaitExit("SIGTERM");
    }

    private void awaitExit(String signal) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Connect worker " + workerId() + " survived " + signal);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping Connect worker " + workerId(), e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
