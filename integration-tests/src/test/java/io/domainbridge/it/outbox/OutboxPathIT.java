package io.domainbridge.it.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.outbox.OutboxScenario;
import io.domainbridge.testkit.outbox.OutboxSource;
import io.domainbridge.testkit.outbox.PublishedEvents;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands in a source domain write state and an outbox row in one transaction; the real Debezium connector for the
 * database captures the outbox, and CommandEventEnvelope, loaded from the bundle on plugin.path, publishes the
 * envelopes. One stack per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutboxPathIT {

    static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    static final String EXAMPLE_JSON = "shipping/logistics-outbox-source.json";
    static final String CONNECTOR = "logistics-outbox";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    ConnectStack stack;
    EmbeddedConnectCluster connect;

    abstract OutboxSource openSource();

    @BeforeAll
    void startStack(@TempDir Path pluginPath) {
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void commandsBecomeEnvelopesInOrderAndABrokenPayloadIsDeadLettered() throws Exception {
        try (OutboxSource source = openSource()) {
            OutboxScenario scenario = new OutboxScenario(source);
            scenario.createSourceDomain();
            Map<String, String> config =
                    source.connectorConfig(example(), connect.kafka().bootstrapServers());
            connect.configureConnector(CONNECTOR, config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "connector not running");
            String sourceDomain = config.get("transforms.envelope.source.domain");
            String eventTopic = sourceDomain + "." + OutboxScenario.AGGREGATE_TYPE + ".events";
            consume(eventTopic, 1);

            scenario.runCommands();

            PublishedEvents expected = new PublishedEvents(sourceDomain);
            expected.assertEvents(consume(eventTopic, scenario.published().size()), scenario.published());
            expected.assertDeadLetters(
                    consume(
                            config.get("transforms.envelope.dead.letter.topic"),
                            scenario.deadLettered().size()),
                    scenario.deadLettered(),
                    source.capturedTopic(config));
            connect.deleteConnector(CONNECTOR);
        }
    }

    private static Map<String, String> example() throws Exception {
        return new ObjectMapper()
                .readValue(Files.readString(CONNECT_CONFIGS.resolve(EXAMPLE_JSON)), new TypeReference<>() {});
    }

    private List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        return TopicReader.read(connect.kafka(), topic, count, TIMEOUT);
    }
}
