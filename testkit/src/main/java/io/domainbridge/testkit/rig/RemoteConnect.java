package io.domainbridge.testkit.rig;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Connect cluster that runs elsewhere and outlives this client: its REST API over plain HTTP and its Kafka cluster
 * through Kafka's clients. Closing it releases the clients; the cluster keeps running.
 */
public final class RemoteConnect implements ConnectCluster {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DELETED = Duration.ofSeconds(30);

    private final ConnectRest rest;
    private final String bootstrapServers;
    private final KafkaTopics topics;

    /** The REST URL of any worker of the cluster, and the bootstrap servers of the Kafka cluster it runs on. */
    public RemoteConnect(String restUrl, String bootstrapServers) {
        this.rest = new ConnectRest(restUrl);
        this.bootstrapServers = bootstrapServers;
        this.topics = new KafkaTopics(bootstrapServers);
    }

    @Override
    public String restUrl() {
        return rest.url();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        rest.put(name, config);
    }

    @Override
    public ConnectorStatus status(String name) {
        return rest.status(name);
    }

    /** Returns once the worker has forgotten the connector, so that its tasks no longer touch its topics. */
    @Override
    public void deleteConnector(String name) {
        rest.delete(name);
        long deadline = System.nanoTime() + DELETED.toNanos();
        while (rest.known(name) && System.nanoTime() < deadline) {
            sleep();
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> config) {
        return rest.validate(config);
    }

    @Override
    public Set<String> connectorPlugins() {
        return rest.connectorPlugins();
    }

    /** Polls the status; a connector or task that fails ends the wait with its first trace line. */
    @Override
    public void awaitRunning(String name, int tasks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no status yet";
        while (System.nanoTime() < deadline) {
            ConnectorStatus status;
            try {
                status = rest.status(name);
            } catch (IllegalStateException | UncheckedIOException e) {
                status = null; // the worker that answers may not know the connector yet
                last = e.getMessage();
            }
            if (status != null) {
                String failure = status.failure(name);
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                if (status.running(tasks)) {
                    return;
                }
                last = "connector " + status.state() + ", " + status.tasks().size() + " task(s)";
            }
            sleep();
        }
        throw new IllegalStateException(
                "Connector " + name + " not running with " + tasks + " task(s) within " + timeout + " (" + last + ")");
    }

    @Override
    public void createTopic(String topic, int partitions) {
        topics.create(topic, partitions);
    }

    @Override
    public boolean topicExists(String topic) {
        return topics.names().contains(topic);
    }

    @Override
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        return topics.consumeAll(topic, timeout);
    }

    @Override
    public void deleteTopicsStartingWith(String prefix) {
        topics.deleteStartingWith(prefix);
    }

    @Override
    public void close() {
        topics.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a connector", e);
        }
    }
}
