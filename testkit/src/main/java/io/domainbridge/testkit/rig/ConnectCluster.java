package io.domainbridge.testkit.rig;

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
    public String restUrl();

    /** The Kafka cluster's bootstrap servers, for admin clients, consumers and producers. */
    public String bootstrapServers();

    /** {@code PUT /connectors/NAME/config}: creates or reconfigures the connector. */
    public void putConnector(String name, Map<String, String> config);

    /** {@code GET /connectors/NAME/status}. */
    public ConnectorStatus status(String name);

    /** {@code DELETE /connectors/NAME}. */
    public void deleteConnector(String name);

    /**
     * {@code PUT /connector-plugins/CLASS/config/validate}: each config key the worker rejects, with its first error
     * message; empty when the config is valid.
     */
    public Map<String, String> validate(Map<String, String> config);

    /** The connector classes that {@code GET /connector-plugins} lists, i.e. those on the workers' plugin.path. */
    public Set<String> connectorPlugins();

    /** Waits until the connector and exactly that many tasks run; fails naming the connector otherwise. */
    public void awaitRunning(String name, int tasks, Duration timeout);

    public void createTopic(String topic, int partitions);

    public boolean topicExists(String topic);

    /** Every record of the topic from its beginning up to its end offsets as they are when called. */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout);

    /** Deletes the topics whose names start with the prefix; for a run that shares a long-lived cluster. */
    public void deleteTopicsStartingWith(String prefix);

    /** Releases what the client holds; an embedded cluster also stops. */
    @Override
    public void close();

    /** What the status endpoint says of a connector and its tasks. */
    public record ConnectorStatus(String state, List<TaskStatus> tasks) {

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

    public record TaskStatus(int id, String state, String trace) {}
}
