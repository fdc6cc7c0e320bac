package io.domainbridge.it.outbox;

import io.domainbridge.it.rig.MariaDbDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The Logistics domain on MariaDB, with the README's standard outbox table. */
final class MariaDbOutbox implements OutboxScenario.SourceDatabase {

    private final MariaDbDatabase database;

    MariaDbOutbox(MariaDbDatabase database) {
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
}
