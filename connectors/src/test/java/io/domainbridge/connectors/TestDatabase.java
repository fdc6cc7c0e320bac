package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.SinkConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL or MariaDB server (the same servers and environment variables as the
 * integration tests), dropped on close, so that runs never collide.
 */
final class TestDatabase implements AutoCloseable {

    private static final Map<String, String> ENV = System.getenv();

    private final Dialect dialect;
    private final String server;
    private final String name;
    private final String user;
    private final String password;

    private TestDatabase(Dialect dialect, String server, String user, String password) {
        this.dialect = dialect;
        this.server = server;
        this.user = user;
        this.password = password;
        this.name =
                "dbt_sinktask_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("create database " + name);
    }

    public static TestDatabase create(Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            String url = ENV.getOrDefault("DOMAINBRIDGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            return new TestDatabase(
                    dialect,
                    url.substring(0, url.lastIndexOf('/') + 1),
                    ENV.getOrDefault("DOMAINBRIDGE_PG_USER", "postgres"),
                    ENV.getOrDefault("DOMAINBRIDGE_PG_PASSWORD", "postgres"));
        }
        return new TestDatabase(
                dialect,
                "jdbc:mariadb://" + ENV.getOrDefault("DOMAINBRIDGE_MARIADB_HOST", "127.0.0.1") + ":"
                        + ENV.getOrDefault("DOMAINBRIDGE_MARIADB_PORT", "3306") + "/",
                ENV.getOrDefault("DOMAINBRIDGE_MARIADB_USER", "root"),
                ENV.getOrDefault("DOMAINBRIDGE_MARIADB_PASSWORD", ""));
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return server + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** The task's connection to this database, as the real task opens it. */
    public SinkConnection sinkConnection() {
        return new SinkConnection(this::connect);
    }

    /** The connection keys of a command sink config writing into this database. */
    public Map<String, String> connectionConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("connection.url", url());
        config.put("connection.user", user);
        config.put("connection.password", password);
        return config;
    }

    public void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in the test database", e);
        }
    }

    /** The rows of a query, each as its columns' text. */
    public List<List<String>> rows(String query) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(query);
                ResultSet rows = statement.executeQuery()) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed in the test database", e);
        }
    }

    @Override
    public void close() {
        admin("drop database if exists " + name);
    }

    private void admin(String sql) {
        String adminUrl = dialect == Dialect.POSTGRESQL ? server + "postgres" : server;
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL && sql.startsWith("drop")) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
                        + "' and pid <> pg_backend_pid()");
            }
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Administrative statement failed on the test server", e);
        }
    }
}
