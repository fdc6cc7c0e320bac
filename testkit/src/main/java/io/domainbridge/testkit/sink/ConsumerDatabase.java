package io.domainbridge.testkit.sink;

import io.domainbridge.testkit.rig.MariaDbDatabase;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The consuming domain's database on either server: its URL, DDL differences and simple queries. */
public final class ConsumerDatabase implements AutoCloseable {

    /** Opens a connection to the database. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;
    private final String timestampType;
    private final Connector connector;
    private final Runnable drop;

    private ConsumerDatabase(
            String url, String user, String password, String timestampType, Connector connector, Runnable drop) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.timestampType = timestampType;
        this.connector = connector;
        this.drop = drop;
    }

    public static ConsumerDatabase postgres() {
        PostgresDatabase database = PostgresDatabase.create("sink");
        String url = "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name();
        return new ConsumerDatabase(
                url, database.user(), database.password(), "timestamptz", database::connect, database::close);
    }

    /** A new database on a server of the test's own; it goes away with the server. */
    public static ConsumerDatabase on(PostgresServer server, String name) {
        server.createDatabase(name);
        return new ConsumerDatabase(
                server.url(name),
                server.user(),
                server.password(),
                "timestamptz",
                () -> server.connect(name),
                () -> {});
    }

    public static ConsumerDatabase mariaDb() {
        MariaDbDatabase database = MariaDbDatabase.create("sink");
        String url = "jdbc:mariadb://" + database.host() + ":" + database.port() + "/" + database.name();
        return new ConsumerDatabase(
                url, database.user(), database.password(), "timestamp(6)", database::connect, database::close);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String timestampType() {
        return timestampType;
    }

    public Connection connect() throws SQLException {
        return connector.connect();
    }

    @Override
    public void close() {
        drop.run();
    }

    /**
     * The start of a command sink config writing into this database: one task reading the given topics with String
     * keys; converters for the values and the mappings are the caller's.
     */
    public Map<String, String> sinkConfig(String topics) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.domainbridge.connectors.CommandSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", topics);
        config.put("connection.url", url);
        config.put("connection.user", user);
        config.put("connection.password", password);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        return config;
    }

    public void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in the consumer database", e);
        }
    }

    public List<String> column(String query) {
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
}
