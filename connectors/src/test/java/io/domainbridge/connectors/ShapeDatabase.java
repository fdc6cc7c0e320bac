package io.domainbridge.connectors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database of the test's own (prefix dbt_) on the local PostgreSQL or MariaDB server, dropped on close. */
final class ShapeDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;
    private final boolean postgres;

    private ShapeDatabase(boolean postgres, String serverUrl, String user, String password) {
        this.postgres = postgres;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name =
                "dbt_shapes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("create database " + name);
    }

    static ShapeDatabase postgres() {
        return new ShapeDatabase(
                true,
                env("DOMAINBRIDGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")
                        .replaceAll("/[^/]*$", "/"),
                env("DOMAINBRIDGE_PG_USER", "postgres"),
                env("DOMAINBRIDGE_PG_PASSWORD", "postgres"));
    }

    static ShapeDatabase mariaDb() {
        String host = env("DOMAINBRIDGE_MARIADB_HOST", "127.0.0.1");
        String port = env("DOMAINBRIDGE_MARIADB_PORT", "3306");
        return new ShapeDatabase(
                false,
                "jdbc:mariadb://" + host + ":" + port + "/",
                env("DOMAINBRIDGE_MARIADB_USER", "root"),
                env("DOMAINBRIDGE_MARIADB_PASSWORD", ""));
    }

    boolean isPostgres() {
        return postgres;
    }

    String url() {
        return serverUrl + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in " + name, e);
        }
    }

    @Override
    public void close() {
        admin("drop database if exists " + name + (postgres ? " with (force)" : ""));
    }

    private void admin(String sql) {
        String adminUrl = postgres ? serverUrl + "postgres" : serverUrl;
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Administrative statement failed on " + adminUrl, e);
        }
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
