package io.domainbridge.it.rig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Connect cluster as a client sees it: the workers' REST API (connectors submitted, watched, validated and deleted
 * by name) and the Kafka cluster they run on (topics created, read and written through its bootstrap servers).
 * {@link EmbeddedConnect} runs one in this JVM; {@link RemoteConnect} attaches to one that runs elsewhere.
 */
public interface ConnectCluster extends AutoCloseable {

    /** The REST API of one worker, ending in a slash. */
    String restUrl();

    /** The Kafka cluster's bootstrap servers, for admin clients, consumers and producers. */
    String bootstrapServers();

    /** {@code PUT /connectors/NAME/config}: creates or reconfigures the connector. */
    void putConnector(String name, Map<String, String> config);

    /** {@code GET /connectors/NAME/status}. */
    ConnectorStatus status(String name);

    /** {@code DELETE /connectors/NAME}. */
    void deleteConnector(String name);

    /**
     * {@code PUT /connector-plugins/CLASS/config/validate}: each config key the worker rejects, with its first error
     * message; empty when the config is valid.
     */
    Map<String, String> validate(Map<String, String> config);

    /** The connector classes that {@code GET /connector-plugins} lists, i.e. those on the workers' plugin.path. */
    Set<String> connectorPlugins();

    /** Waits until the connector and exactly that many tasks run; fails naming the connector otherwise. */
    void awaitRunning(String name, int tasks, Duration timeout);

    void createTopic(String topic, int partitions);

    boolean topicExists(String topic);

    /** Every record of the topic from its beginning up to its end offsets as they are when called. */
    List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout);

    /** Deletes the topics whose names start with the prefix; for a run that shares a long-lived cluster. */
    void deleteTopicsStartingWith(String prefix);

    /** Releases what the client holds; an embedded cluster also stops. */
    @Override
    void close();

    /** What the status endpoint says of a connector and its tasks. */
    record ConnectorStatus(String state, List<TaskStatus> tasks) {

        /** The first failure as a line of text, or null when neither the connector nor a task failed. */
        public String failure(String connector) {
            if ("FAILED".equals(state)) {
                return "connector " + connector + " FAILED";
            }
            for (TaskStatus task : tasks) {
                if ("FAILED".equals(task.state())) {
                    String trace = task.trace() == null
                            ? ""
                            : task.trace().lines().findFirst().orElse("");
                    return "task " + connector + "-" + task.id() + " FAILED: " + trace;
                }
            }
            return null;
        }

        public boolean running(int taskCount) {
            return "RUNNING".equals(state)
                    && tasks.size() == taskCount
                    && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
        }
    }

    record TaskStatus(int id, String state, String trace) {}
}
