package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL or MariaDB server (prefix {@code dbt_}), dropped on close, with an
 * {@code applied} table into which the test sink writes the id of every event it applies.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final String PG_HOST = System.getenv().getOrDefault("DOMAINBRIDGE_PG_HOST", "127.0.0.1");
    private static final String PG_USER = System.getenv().getOrDefault("DOMAINBRIDGE_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("DOMAINBRIDGE_PG_PASSWORD", "postgres");
    private static final String MARIADB_HOST = System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_HOST", "127.0.0.1");
    private static final String MARIADB_USER = System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_USER", "root");
    private static final String MARIADB_PASSWORD = System.getenv().getOrDefault("DOMAINBRIDGE_MARIADB_PASSWORD", "");

    final Dialect dialect;
    final String name;

    private ScratchDatabase(Dialect dialect) {
        this.dialect = dialect;
        this.name = "dbt_bookkeeping_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static ScratchDatabase create(Dialect dialect) {
        ScratchDatabase database = new ScratchDatabase(dialect);
        database.admin("create database " + database.name);
        database.execute(
                dialect == Dialect.POSTGRESQL
                        ? "create table applied (n serial primary key, event_id text not null)"
                        : "create table applied (n int auto_increment primary key,"
                                + " event_id longtext character set utf8mb4 collate utf8mb4_bin not null)");
        return database;
    }

    String url() {
        return dialect == Dialect.POSTGRESQL
                ? "jdbc:postgresql://" + PG_HOST + ":5432/" + name
                : "jdbc:mariadb://" + MARIADB_HOST + ":3306/" + name;
    }

    String user() {
        return dialect == Dialect.POSTGRESQL ? PG_USER : MARIADB_USER;
    }

    String password() {
        return dialect == Dialect.POSTGRESQL ? PG_PASSWORD : MARIADB_PASSWORD;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in " + name, e);
        }
    }

    /** The first column of every row of the query, as text. */
    List<String> column(String query) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(query);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed in " + name, e);
        }
    }

    /** The ids of every event the sink applied, one entry per application. */
    List<String> applied() {
        return column("select event_id from applied");
    }

    @Override
    public void close() {
        admin(
                dialect == Dialect.POSTGRESQL
                        ? "drop database if exists " + name + " with (force)"
                        : "drop database if exists " + name);
    }

    private void admin(String sql) {
        String url = dialect == Dialect.POSTGRESQL
                ? "jdbc:postgresql://" + PG_HOST + ":5432/postgres"
                : "jdbc:mariadb://" + MARIADB_HOST + ":3306/";
        try (Connection connection = DriverManager.getConnection(url, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Administrative statement failed for " + name, e);
        }
    }
}
