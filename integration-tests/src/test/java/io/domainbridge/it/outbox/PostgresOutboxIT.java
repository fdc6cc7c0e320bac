package io.domainbridge.it.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.it.rig.ConnectStack;
import io.domainbridge.it.rig.PluginArchive;
import io.domainbridge.it.rig.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands in a PostgreSQL source domain write state and outbox rows in one transaction; the real Debezium connector
 * captures the outbox and CommandEventEnvelope, loaded from plugin.path, publishes the envelopes.
 */
class PostgresOutboxIT {

    static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    static final String CONNECTOR_JSON = "shipping/logistics-outbox-source.json";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path pluginPath;

    static ConnectStack stack;
    static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startStack() {
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start("outbox-postgres-it", pluginPath, 1);
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
        try (PostgresDatabase database = PostgresDatabase.create("outbox")) {
            OutboxScenario scenario = new OutboxScenario(new PostgresOutbox(database));
            scenario.createSourceDomain();
            Map<String, String> config = connectorConfig(database);
            connect.configureConnector("logistics-outbox", config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("logistics-outbox", 1, "not running");

            scenario.runCommands();

            String sourceDomain = config.get("transforms.envelope.source.domain");
            String eventTopic = sourceDomain + "." + OutboxScenario.AGGREGATE_TYPE + ".events";
            String deadLetterTopic = config.get("transforms.envelope.dead.letter.topic");
            PublishedEvents expected = new PublishedEvents(sourceDomain);
            expected.assertEvents(consume(eventTopic, scenario.published().size()), scenario.published());
            expected.assertDeadLetters(
                    consume(deadLetterTopic, scenario.deadLettered().size()),
                    scenario.deadLettered(),
                    config.get("topic.prefix") + ".shipping.outbox");
            connect.deleteConnector("logistics-outbox");
        }
    }

    private static Map<String, String> connectorConfig(PostgresDatabase database) throws Exception {
        Map<String, String> config = new ObjectMapper()
                .readValue(Files.readString(CONNECT_CONFIGS.resolve(CONNECTOR_JSON)), new TypeReference<>() {});
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

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        connect.kafka().consume(count, TIMEOUT.toMillis(), topic).forEach(records::add);
        return records;
    }
}
