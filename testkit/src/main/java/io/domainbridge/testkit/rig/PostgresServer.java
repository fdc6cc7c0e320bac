package io.domainbridge.testkit.rig;

import static java.nio.file.StandardOpenOption.APPEND;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of the test's own, in a fresh data directory on a free port of 127.0.0.1 with trust
 * authentication, so that a test can crash, stop and restart it without touching the shared server. Run as the
 * {@code postgres} OS user when the tests run as root, because PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    /** Directory of {@code initdb} and {@code pg_ctl}; found through {@code pg_config --bindir} when not set. */
    public static final String BIN_DIR = "domainbridge.pg.bindir";

    private static final String DEFAULT_BIN_DIR = "/usr/lib/postgresql/15/bin";
    private static final String OS_USER = "postgres";
    private static final String USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asRoot;
    private final Thread stopOnExit = new Thread(this::stopQuietly, "postgres-server-stop");

    private PostgresServer(Path bin, Path data, int port, boolean asRoot) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asRoot = asRoot;
    }

    /**
     * Initializes a data directory and starts a server on it, small and without fsync: it holds test data only, and a
     * stopped or crashed server leaves its files to the operating system, which keeps them. Commits stay synchronous,
     * so a crash loses no acknowledged transaction.
     */
    public static PostgresServer start() {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        PostgresServer server = new PostgresServer(binaries(), newDataDirectory(asRoot), freePort(), asRoot);
        Runtime.getRuntime().addShutdownHook(server.stopOnExit);
        try {
            server.run(
                    "initdb",
                    "-D",
                    server.data.toString(),
                    "-U",
                    USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions");
            server.configure();
            server.startServer();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return "";
    }

    public String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    /** Creates a database; the server's data directory, and so the database, goes away on close. */
    public void createDatabase(String name) {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on port " + port, e);
        }
    }

    /**
     * Stops the server at once, as a crash would (every backend killed, no checkpoint), and starts it again, which
     * runs crash recovery from the WAL.
     */
    public void restartImmediately() {
        run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-l", log(), "restart");
    }

    /** Restarts the server cleanly: sessions are terminated, a checkpoint is written, then it starts again. */
    public void restartFast() {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-l", log(), "restart");
    }

    /** Stops the server cleanly; it stays down until {@link #startAgain()}. */
    public void stop() {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    public void startAgain() {
        startServer();
    }

    /** Stops the server if it runs and deletes its data directory. */
    @Override
    public void close() {
        stopQuietly();
        deleteDirectory();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or ran; nothing left to remove
        }
    }

    private void startServer() {
        run("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-l", log(), "start");
    }

    private void stopQuietly() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (RuntimeException e) {
                // a server that cannot be stopped leaves its directory behind; the failure is already reported
            }
        }
    }

    /** Settings for a quick, small test server; unix sockets off, so it never meets the shared server's. */
    private void configure() {
        String settings = String.join(
                "\n",
                "",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = ''",
                "max_connections = 40",
                "shared_buffers = 16MB",
                "fsync = off",
                "full_page_writes = off",
                "log_min_messages = warning",
                "");
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot configure the server in " + data, e);
        }
    }

    private String log() {
        return data.resolve("server.log").toString();
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed with exit code " + process.exitValue() + ": "
                        + new String(output, StandardCharsets.UTF_8) + serverLogTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    private String serverLogTail() {
        try {
            List<String> lines = Files.readAllLines(Path.of(log()));
            return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private void deleteDirectory() {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the data directory " + data, e);
        }
    }

    private static Path binaries() {
        String configured = System.getProperty(BIN_DIR, "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        if (Files.isExecutable(Path.of(DEFAULT_BIN_DIR, "pg_ctl"))) {
            return Path.of(DEFAULT_BIN_DIR);
        }
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").start();
            String bindir = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || bindir.isEmpty()) {
                throw new IllegalStateException("pg_config --bindir failed; set " + BIN_DIR);
            }
            return Path.of(bindir);
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL binaries found; set " + BIN_DIR, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh directory under the system's temporary directory, owned by the OS user that runs the server. */
    private static Path newDataDirectory(boolean asRoot) {
        try {
            Path directory = Files.createTempDirectory(PostgresDatabase.PREFIX + "pgdata_");
            if (asRoot) {
                UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(directory, users.lookupPrincipalByName(OS_USER));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
