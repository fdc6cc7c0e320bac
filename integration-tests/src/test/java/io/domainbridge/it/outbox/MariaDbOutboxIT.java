package io.domainbridge.it.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.it.rig.ConnectStack;
import io.domainbridge.it.rig.MariaDbDatabase;
import io.domainbridge.it.rig.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox path on MariaDB: Debezium's MariaDB connector, from a plugin directory of its own (its Debezium version
 * differs from the PostgreSQL connector's), captures the outbox and CommandEventEnvelope publishes the envelopes.
 */
class MariaDbOutboxIT {

    static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    static final Path DEBEZIUM_MARIADB_PLUGINS = Path.of(System.getProperty(
            "domainbridge.debezium.mariadb.plugins", "../test-plugins/debezium-mariadb/target/plugins"));
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path pluginPath;

    static ConnectStack stack;
    static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startStack() {
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start("outbox-mariadb-it", pluginPath, 1);
        connect = stack.cluster();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void commandsBecomeEnvelopesInOrderAndABrokenPayloadIsDeadLettered() throws Exception {
        try (MariaDbDatabase database = MariaDbDatabase.create("outbox")) {
            OutboxScenario scenario = new OutboxScenario(new MariaDbOutbox(database));
            scenario.createSourceDomain();
            Map<String, String> config = connectorConfig(database);
            connect.configureConnector("logistics-outbox", config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("logistics-outbox", 1, "not running");

            scenario.runCommands();

            String sourceDomain = config.get("transforms.envelope.source.domain");
            PublishedEvents expected = new PublishedEvents(sourceDomain);
            expected.assertEvents(
                    consume(
                            sourceDomain + "." + OutboxScenario.AGGREGATE_TYPE + ".events",
                            scenario.published().size()),
                    scenario.published());
            expected.assertDeadLetters(
                    consume(
                            config.get("transforms.envelope.dead.letter.topic"),
                            scenario.deadLettered().size()),
                    scenario.deadLettered(),
                    config.get("topic.prefix") + "." + database.name() + ".outbox");
            connect.deleteConnector("logistics-outbox");
        }
    }

    /** The PostgreSQL example's envelope settings, on Debezium's MariaDB connector. */
    private static Map<String, String> connectorConfig(MariaDbDatabase database) throws Exception {
        Map<String, String> example = new ObjectMapper()
                .readValue(
                        Files.readString(CONNECT_CONFIGS.resolve("shipping/logistics-outbox-source.json")),
                        new TypeReference<Map<String, String>>() {});
        Map<String, String> config = new java.util.LinkedHashMap<>();
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
        config.put(
                "schema.history.internal.kafka.bootstrap.servers",
                connect.kafka().bootstrapServers());
        config.put("schema.history.internal.kafka.topic", database.name() + ".schema-history");
        return config;
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        connect.kafka().consume(count, TIMEOUT.toMillis(), topic).forEach(records::add);
        return records;
    }
}
