package io.domainbridge.testkit.rig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of its own on the local MariaDB server, dropped on close. */
public final class MariaDbDatabase implements AutoCloseable {

    private static final String HOST = System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_PORT", "3306"));
    private static final String USER = System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_PASSWORD", "");

    private final String name;

    private MariaDbDatabase(String name) {
        this.name = name;
    }

    /** Creates a fresh database whose name starts with {@link PostgresDatabase#PREFIX}. */
    public static MariaDbDatabase create(String purpose) {
        MariaDbDatabase database = new MariaDbDatabase(PostgresDatabase.uniqueName(purpose));
        database.admin("create database " + database.name);
        return database;
    }

    public String name() {
        return name;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return PORT;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(name), USER, PASSWORD);
    }

    @Override
    public void close() {
        admin("drop database if exists " + name);
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(url(""), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Administrative statement failed on MariaDB at " + HOST + ":" + PORT, e);
        }
    }

    private static String url(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
    }
}
