package io.domainbridge.testkit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Commands of the Logistics domain, each one transaction that changes {@code packages} and writes an outbox row: no
 * dual write. One command writes a payload that breaks its declared schema; the scenario remembers which events must
 * be published and which must be dead-lettered, in commit order.
 */
public final class OutboxScenario {

    /** How the scenario reaches its source database. */
    public interface SourceDatabase {
        Connection connect() throws SQLException;

        /** The packages table and the standard outbox table, in this database's dialect. */
        List<String> schema();

        String packagesTable();

        String outboxTable();

        /** Inserts an outbox row; ten parameters in the order of the standard outbox columns. */
        String outboxInsert();
    }

    public static final String AGGREGATE_TYPE = "package";
    public static final String STATUS_CHANGED = "PackageStatusChanged";
    public static final String REGISTERED = "PackageRegistered";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceDatabase database;
    private final List<OutboxEvent> published = new ArrayList<>();
    private final List<OutboxEvent> deadLettered = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-27T09:00:00.123456Z");

    public OutboxScenario(SourceDatabase database) {
        this.database = database;
    }

    public List<OutboxEvent> published() {
        return List.copyOf(published);
    }

    public List<OutboxEvent> deadLettered() {
        return List.copyOf(deadLettered);
    }

    /**
     * The tables, two packages and the outbox row of the first one's registration, which the connector's snapshot
     * reads: once its event is published, every later command is captured.
     */
    public void createSourceDomain() throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : database.schema()) {
                statement.execute(sql);
            }
        }
        published.add(command(
                "insert into " + database.packagesTable() + " values (1, 'REGISTERED', 'Depot Rotterdam'),"
                        + " (2, 'REGISTERED', 'Depot Rotterdam')",
                event(
                        REGISTERED,
                        "1",
                        UUID.randomUUID().toString(),
                        payload("packageId", 1L, "trackingCode", "LX-1001", "weightGrams", 1200))));
    }

    /** Five commands: moves, a move whose outbox row is deleted right away, a bad payload, a delivery, a registration. */
    public void runCommands() throws SQLException {
        String correlation = UUID.randomUUID().toString();
        published.add(move(1, "IN_TRANSIT", "Hub Utrecht", correlation, false));
        published.add(move(2, "IN_TRANSIT", "Hub Utrecht", correlation, true));
        deadLettered.add(command(
                "update " + database.packagesTable() + " set status = 'LOST' where id = 2",
                event(STATUS_CHANGED, "2", correlation, payload("packageId", 2L, "location", "unknown"))));
        published.add(move(1, "DELIVERED", "Amsterdam", correlation, false));
        OutboxEvent registered = event(
                REGISTERED,
                "3",
                UUID.randomUUID().toString(),
                payload("packageId", 3L, "trackingCode", "LX-1003", "weightGrams", 800));
        published.add(command(
                "insert into " + database.packagesTable() + " values (3, 'REGISTERED', 'Depot Eindhoven')",
                registered));
    }

    private OutboxEvent move(long id, String status, String location, String correlation, boolean deleteRow)
            throws SQLException {
        OutboxEvent event = event(
                STATUS_CHANGED,
                Long.toString(id),
                correlation,
                payload(
                        "packageId",
                        id,
                        "status",
                        status,
                        "location",
                        location,
                        "changedAt",
                        clock.toString(),
                        "courierNote",
                        "extra"));
        String update = "update " + database.packagesTable() + " set status = '" + status + "', location = '" + location
                + "' where id = " + id;
        return deleteRow
                ? command(
                        update,
                        event,
                        "delete from " + database.outboxTable() + " where event_id = '" + event.eventId() + "'")
                : command(update, event);
    }

    private OutboxEvent event(String type, String aggregateId, String correlation, Map<String, Object> payload) {
        clock = clock.plusSeconds(60);
        return new OutboxEvent(
                UUID.randomUUID().toString(),
                AGGREGATE_TYPE,
                aggregateId,
                type,
                UUID.randomUUID().toString(),
                correlation,
                UUID.randomUUID().toString(),
                clock,
                1,
                payload);
    }

    private OutboxEvent command(String stateChange, OutboxEvent event, String... more) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(stateChange);
            }
            insertOutbox(connection, event);
            for (String sql : more) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        }
        return event;
    }

    private void insertOutbox(Connection connection, OutboxEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(database.outboxInsert())) {
            insert.setString(1, event.eventId());
            insert.setString(2, event.aggregateType());
            insert.setString(3, event.aggregateId());
            insert.setString(4, event.eventType());
            insert.setString(5, event.commandId());
            insert.setString(6, event.correlationId());
            insert.setString(7, event.causationId());
            insert.setObject(8, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
            insert.setInt(9, event.schemaVersion());
            insert.setString(10, json(event.payload()));
            insert.executeUpdate();
        }
    }

    private static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            payload.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return payload;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
