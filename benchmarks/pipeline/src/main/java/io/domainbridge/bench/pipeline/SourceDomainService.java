package io.domainbridge.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Logistics' package service as a synchronous dependency: the JDK's HTTP server (with TCP_NODELAY) on a fixed pool of
 * threads, each with a JDBC connection of its own to the source database, answering {@code GET /packages/{id}} with the contract's
 * columns as JSON (404 when there is no such package, 500 when the database fails).
 */
final class SourceDomainService implements AutoCloseable {

    static final String QUERY =
            "select id, tracking_code, status, location, weight_grams from shipping.packages where id = ?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresDatabase logistics;
    private final HttpServer server;
    private final ExecutorService pool;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
    private boolean closed;

    private SourceDomainService(PostgresDatabase logistics, int threads) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: about 40 ms per
        // response on a kept-alive connection, which no production HTTP server would accept.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.logistics = logistics;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        this.pool = Executors.newFixedThreadPool(threads);
        server.createContext("/packages/", this::handle);
        server.setExecutor(pool);
    }

    static SourceDomainService start(PostgresDatabase logistics, int threads) throws IOException {
        SourceDomainService service = new SourceDomainService(logistics, threads);
        service.server.start();
        return service;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            long id;
            try {
                id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            } catch (NumberFormatException e) {
                respond(exchange, 400, new byte[0]);
                return;
            }
            PackageView view;
            try {
                view = find(id);
            } catch (SQLException e) {
                statements.remove();
                respond(exchange, 500, new byte[0]);
                return;
            }
            if (view == null) {
                respond(exchange, 404, new byte[0]);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                respond(exchange, 200, JSON.writeValueAsBytes(view));
            }
        }
    }

    private PackageView find(long id) throws SQLException {
        PreparedStatement statement = statement();
        statement.setLong(1, id);
        try (ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? new PackageView(
                            row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5))
                    : null;
        }
    }

    /** The calling server thread's statement, on a connection opened the first time the thread serves a request. */
    private PreparedStatement statement() throws SQLException {
        PreparedStatement statement = statements.get();
        if (statement == null) {
            Connection connection = logistics.connect();
            connections.add(connection);
            statement = connection.prepareStatement(QUERY);
            statements.set(statement);
        }
        return statement;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops answering: callers get connection errors from now on; the database connections are closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken: nothing left to release
            }
        }
        connections.clear();
    }
}
