package io.domainbridge.testkit.outbox;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Logistics domain on PostgreSQL, with the README's standard outbox table. */
public final class PostgresOutbox implements OutboxSource {

    private final PostgresDatabase database;

    public PostgresOutbox(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    public Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public List<String> schema() {
        return List.of(
                "create schema shipping",
                "create table shipping.packages (id bigint primary key, status text not null, location text)",
                "create table shipping.outbox (event_id uuid primary key, aggregate_type text not null,"
                        + " aggregate_id text not null, event_type text not null, command_id uuid,"
                        + " correlation_id uuid, causation_id uuid, occurred_at timestamptz not null default now(),"
                        + " schema_version integer not null default 1, payload jsonb not null)");
    }

    @Override
    public String packagesTable() {
        return "shipping.packages";
    }

    @Override
    public String outboxTable() {
        return "shipping.outbox";
    }

    @Override
    public String outboxInsert() {
        return "insert into shipping.outbox (event_id, aggregate_type, aggregate_id, event_type, command_id,"
                + " correlation_id, causation_id, occurred_at, schema_version, payload)"
                + " values (?::uuid, ?, ?, ?, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?::jsonb)";
    }

    @Override
    public Map<String, String> connectorConfig(Map<String, String> example, String bootstrapServers) {
        Map<String, String> config = new LinkedHashMap<>(example);
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put("database.dbname", database.name());
        config.put("slot.name", PostgresDatabase.uniqueName("slot"));
        config.put("publication.name", PostgresDatabase.uniqueName("publication"));
        config.put("topic.prefix", database.name());
        return config;
    }

    @Override
    public String capturedTopic(Map<String, String> config) {
        return config.get("topic.prefix") + ".shipping.outbox";
    }

    @Override
    public void close() {
        database.close();
    }
}
