package io.domainbridge.testkit.outbox;

import io.domainbridge.testkit.rig.MariaDbDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The Logistics domain on MariaDB, with the README's standard outbox table. */
public final class MariaDbOutbox implements OutboxSource {

    private final MariaDbDatabase database;

    public MariaDbOutbox(MariaDbDatabase database) {
        this.database = database;
    }

    @Override
    public Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public List<String> schema() {
        return List.of(
                "create table packages (id bigint primary key, status varchar(64) not null, location varchar(255))",
                "create table outbox (event_id char(36) primary key, aggregate_type varchar(255) not null,"
                        + " aggregate_id varchar(255) not null, event_type varchar(255) not null,"
                        + " command_id char(36), correlation_id char(36), causation_id char(36),"
                        + " occurred_at timestamp(6) not null default current_timestamp(6),"
                        + " schema_version int not null default 1, payload json not null)");
    }

    @Override
    public String packagesTable() {
        return "packages";
    }

    @Override
    public String outboxTable() {
        return "outbox";
    }

    @Override
    public String outboxInsert() {
        return "insert into outbox (event_id, aggregate_type, aggregate_id, event_type, command_id, correlation_id,"
                + " causation_id, occurred_at, schema_version, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** The example's envelope settings on Debezium's MariaDB connector. */
    @Override
    public Map<String, String> connectorConfig(Map<String, String> example, String bootstrapServers) {
        Map<String, String> config = new LinkedHashMap<>();
        example.forEach((key, value) -> {
            if (key.startsWith("transforms") || key.contains("converter") || key.startsWith("topic.creation")) {
                config.put(key, value);
            }
        });
        config.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        config.put("tasks.max", "1");
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put(
                "database.server.id",
                Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000)));
        config.put("database.ssl.mode", "disable");
        config.put("topic.prefix", database.name());
        config.put("database.include.list", database.name());
        config.put("table.include.list", database.name() + ".outbox");
        config.put("include.schema.changes", "false");
        config.put("schema.history.internal.kafka.bootstrap.servers", bootstrapServers);
        config.put("schema.history.internal.kafka.topic", database.name() + ".schema-history");
        return config;
    }

    @Override
    public String capturedTopic(Map<String, String> config) {
        return config.get("topic.prefix") + "." + database.name() + ".outbox";
    }

    @Override
    public void close() {
        database.close();
    }
}
