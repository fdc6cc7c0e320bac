package io.domainbridge.it.sink;

import io.domainbridge.it.rig.MariaDbDatabase;
import io.domainbridge.it.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The consuming domain's database on either server: its URL, DDL differences and simple queries. */
abstract class ConsumerDatabase implements AutoCloseable {

    abstract String url();

    abstract String user();

    abstract String password();

    abstract String timestampType();

    abstract Connection connect() throws SQLException;

    @Override
    public abstract void close();

    void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in the consumer database", e);
        }
    }

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
            throw new IllegalStateException("Query failed in the consumer database", e);
        }
    }

    static ConsumerDatabase postgres() {
        PostgresDatabase database = PostgresDatabase.create("sink");
        return new ConsumerDatabase() {
            @Override
            String url() {
                return "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name();
            }

            @Override
            String user() {
                return database.user();
            }

            @Override
            String password() {
                return database.password();
            }

            @Override
            String timestampType() {
                return "timestamptz";
            }

            @Override
            Connection connect() throws SQLException {
                return database.connect();
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }

    static ConsumerDatabase mariaDb() {
        MariaDbDatabase database = MariaDbDatabase.create("sink");
        return new ConsumerDatabase() {
            @Override
            String url() {
                return "jdbc:mariadb://" + database.host() + ":" + database.port() + "/" + database.name();
            }

            @Override
            String user() {
                return database.user();
            }

            @Override
            String password() {
                return database.password();
            }

            @Override
            String timestampType() {
                return "timestamp(6)";
            }

            @Override
            Connection connect() throws SQLException {
                return database.connect();
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }
}
