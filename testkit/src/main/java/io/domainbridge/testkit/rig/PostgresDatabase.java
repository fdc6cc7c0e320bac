package io.domainbridge.testkit.rig;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A database of its own on the local PostgreSQL server, so that runs never collide. Dropped on close together with
 * the replication slots Debezium made in it.
 */
public final class PostgresDatabase implements AutoCloseable {

    /** Prefix of every database and replication slot the rig makes; stale ones are removed before a run. */
    public static final String PREFIX = "dbt_";

    private static final String ADMIN_URL =
            System.getenv().getOrDefault("DOMAINBRIDGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("DOMAINBRIDGE_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DOMAINBRIDGE_PG_PASSWORD", "postgres");

    private static final Duration SLOT_RELEASE_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final URI server;

    private PostgresDatabase(String name) {
        this.name = name;
        this.server = URI.create(ADMIN_URL.substring("jdbc:".length()));
    }

    /** Creates a fresh database whose name starts with {@link #PREFIX} and the given purpose. */
    public static PostgresDatabase create(String purpose) {
        String name = uniqueName(purpose);
        PostgresDatabase database = new PostgresDatabase(name);
        database.admin("create database " + name);
        return database;
    }

    /** A name for a slot or publication that the rig will recognize as its own. */
    public static String uniqueName(String purpose) {
        return PREFIX + purpose.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public String name() {
        return name;
    }

    public String host() {
        return server.getHost();
    }

    public int port() {
        return server.getPort() == -1 ? 5432 : server.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + name, USER, PASSWORD);
    }

    /** Runs the statements in one transaction. */
    public void inTransaction(String... statements) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in database " + name, e);
        }
    }

    /** The values of the first column of a query. */
    public List<String> column(String query, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed in database " + name, e);
        }
    }

    @Override
    public void close() {
        awaitSlotsReleased();
        admin("select pg_terminate_backend(active_pid) from pg_replication_slots where database = '" + name
                + "' and active");
        admin("select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = '" + name + "'");
        admin("drop database if exists " + name + " with (force)");
    }

    /** A connector that was just deleted lets go of its slot within seconds; the rig gives it that time. */
    private void awaitSlotsReleased() {
        long deadline = System.nanoTime() + SLOT_RELEASE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && activeSlots() > 0) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private int activeSlots() {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from pg_replication_slots where database = ? and active")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read replication slots on " + ADMIN_URL, e);
        }
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Administrative statement failed on " + ADMIN_URL, e);
        }
    }
}
