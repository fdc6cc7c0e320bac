package io.domainbridge.testkit.rig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A {@link ConnectStack} in this JVM as a {@link ConnectCluster}: connectors go through its workers' REST API, topics
 * through its embedded broker, as the integration tests have always used them. Closing it stops the stack.
 */
public final class EmbeddedConnect implements ConnectCluster {

    private final ConnectStack stack;
    private final ConnectRest rest;
    private final KafkaTopics topics;

    private EmbeddedConnect(ConnectStack stack) {
        this.stack = stack;
        this.rest = new ConnectRest(stack.cluster().endpointForResource(""));
        this.topics = new KafkaTopics(stack.cluster().kafka().bootstrapServers());
    }

    /** As {@link ConnectStack#start(String, List, int, Map)}. */
    public static EmbeddedConnect start(String name, List<Path> pluginPath, int workers, Map<String, String> extra) {
        return new EmbeddedConnect(ConnectStack.start(name, pluginPath, workers, extra));
    }

    public ConnectStack stack() {
        return stack;
    }

    public EmbeddedConnectCluster cluster() {
        return stack.cluster();
    }

    @Override
    public String restUrl() {
        return cluster().endpointForResource("");
    }

    @Override
    public String bootstrapServers() {
        return cluster().kafka().bootstrapServers();
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        rest.put(name, config);
    }

    @Override
    public ConnectorStatus status(String name) {
        return rest.status(name);
    }

    @Override
    public void deleteConnector(String name) {
        cluster().deleteConnector(name);
    }

    @Override
    public Map<String, String> validate(Map<String, String> config) {
        return rest.validate(config);
    }

    @Override
    public Set<String> connectorPlugins() {
        return rest.connectorPlugins();
    }

    /** Through the cluster's own assertion, which waits as long as the integration tests always have. */
    @Override
    public void awaitRunning(String name, int tasks, Duration timeout) {
        try {
            cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning(name, tasks, "connector not running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for connector " + name, e);
        }
    }

    @Override
    public void createTopic(String topic, int partitions) {
        cluster().kafka().createTopic(topic, partitions);
    }

    @Override
    public boolean topicExists(String topic) {
        return topics.names().contains(topic);
    }

    @Override
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try {
            cluster().kafka().consumeAll(timeout.toMillis(), topic).forEach(records::add);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("Topic " + topic + " not read to its end within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading topic " + topic, e);
        }
        return records;
    }

    @Override
    public void deleteTopicsStartingWith(String prefix) {
        topics.deleteStartingWith(prefix);
    }

    @Override
    public void close() {
        try {
            topics.close();
        } finally {
            stack.close();
        }
    }
}
