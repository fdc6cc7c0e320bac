package io.domainbridge.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Log-based capture of the orders table: Debezium's PostgreSQL connector (pgoutput, a replication slot of its own,
 * no initial snapshot) on the embedded Connect worker, writing change events as schemaless JSON to a topic that
 * {@link #collect} reads back.
 */
final class CdcExtractor implements AutoCloseable {

    static final String NAME = "orders-cdc";
    private static final String PREFIX = "srcload";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedConnectCluster connect;
    private final PostgresDatabase database;
    private final String slot = PostgresDatabase.uniqueName("srcload");
    private final String topic = PREFIX + "." + OrdersTable.TABLE;
    private boolean started;

    CdcExtractor(EmbeddedConnectCluster connect, PostgresDatabase database) {
        this.connect = connect;
        this.database = database;
    }

    /** Starts the connector and returns once its replication slot is active, i.e. it streams from now on. */
    void start(Duration timeout) throws InterruptedException {
        connect.kafka().createTopic(topic, 1);
        connect.configureConnector(NAME, config());
        started = true;
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(NAME, 1, "Debezium connector not running");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (activePid() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Replication slot " + slot + " not active within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    String slot() {
        return slot;
    }

    /** The walsender streaming to the connector. */
    Integer activePid() {
        List<String> pid =
                database.column("select active_pid from pg_replication_slots where slot_name = ? and active", slot);
        return pid.isEmpty() ? null : Integer.valueOf(pid.get(0));
    }

    /** Reads the topic until it holds {@code expected} change events (tombstones aside) or the timeout passes. */
    Captures collect(int expected, Duration timeout) throws IOException {
        Captures captures = new Captures();
        Map<String, Object> props = Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "srcload-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, topic)) {
            while (captures.records() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        add(captures, JSON.readTree(record.value()));
                    }
                }
            }
        }
        return captures;
    }

    private static void add(Captures captures, JsonNode event) {
        long at = event.has("ts_us")
                ? event.get("ts_us").asLong()
                : event.get("ts_ms").asLong() * 1000;
        if ("d".equals(event.path("op").asText())) {
            captures.delete(event.path("before").path("id").asLong(), at);
        } else {
            JsonNode after = event.path("after");
            captures.row(after.path("id").asLong(), after.path("version").asInt(), at);
        }
    }

    private Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.put("tasks.max", "1");
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put("database.dbname", database.name());
        config.put("topic.prefix", PREFIX);
        config.put("plugin.name", "pgoutput");
        config.put("slot.name", slot);
        config.put("publication.name", slot);
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", OrdersTable.TABLE);
        config.put("snapshot.mode", "no_data");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    /** Deletes the connector and waits until its walsender has let go of the slot; the slot stays. */
    void stop() {
        if (!started) {
            return;
        }
        started = false;
        connect.deleteConnector(NAME);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (activePid() != null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** Stops the connector if it runs, then drops its replication slot and publication. */
    @Override
    public void close() {
        stop();
        database.column(
                "select pg_terminate_backend(active_pid)::text from pg_replication_slots"
                        + " where slot_name = ? and active",
                slot);
        database.column(
                "select pg_drop_replication_slot(slot_name)::text from pg_replication_slots" + " where slot_name = ?",
                slot);
        database.inTransaction("drop publication if exists " + slot);
    }
}
