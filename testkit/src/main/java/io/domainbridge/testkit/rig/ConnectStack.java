package io.domainbridge.testkit.rig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A KRaft broker and distributed-mode Connect workers, with Domain Bridge installed from its archive on
 * {@code plugin.path} and plugins discovered through their service manifests, as in a stock deployment.
 */
public final class ConnectStack implements AutoCloseable {

    /** Comma-separated plugin directories of third-party connectors, e.g. Debezium's. */
    public static final String THIRD_PARTY_PLUGINS = "domainbridge.test.plugin.path";

    private final EmbeddedConnectCluster cluster;
    private final Map<String, String> workerProps;

    private ConnectStack(EmbeddedConnectCluster cluster, Map<String, String> workerProps) {
        this.cluster = cluster;
        this.workerProps = workerProps;
    }

    public static ConnectStack start(String name, Path pluginPath, int workers) {
        return start(name, List.of(pluginPath), workers);
    }

    /**
     * A stack whose {@code plugin.path} lists the given directories and then those of the third-party connectors the
     * build prepared (system property {@value #THIRD_PARTY_PLUGINS}).
     */
    public static ConnectStack start(String name, List<Path> pluginPath, int workers) {
        return start(name, pluginPath, workers, Map.of());
    }

    /** As {@link #start(String, List, int)}, with further worker properties on top of the rig's. */
    public static ConnectStack start(String name, List<Path> pluginPath, int workers, Map<String, String> extra) {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put(WorkerConfig.PLUGIN_PATH_CONFIG, pluginPath(pluginPath));
        workerProps.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
        workerProps.putAll(group(name));
        workerProps.putAll(extra);
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .workerProps(new HashMap<>(workerProps))
                .build();
        cluster.start();
        return new ConnectStack(cluster, workerProps);
    }

    /** The given directories, then those of the third-party connectors, as one {@code plugin.path} value. */
    private static String pluginPath(List<Path> pluginPath) {
        String thirdParty = System.getProperty(THIRD_PARTY_PLUGINS, "");
        Stream<String> directories = Stream.concat(
                pluginPath.stream().map(Path::toString),
                Arrays.stream(thirdParty.split(",")).map(String::trim).filter(path -> !path.isEmpty()));
        return directories.collect(Collectors.joining(","));
    }

    /** The group and its internal topics, named here so that a worker outside the stack can join the same group. */
    private static Map<String, String> group(String name) {
        return Map.of(
                DistributedConfig.GROUP_ID_CONFIG, "connect-" + name,
                DistributedConfig.CONFIG_TOPIC_CONFIG, "connect-" + name + "-configs",
                DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, "connect-" + name + "-offsets",
                DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, "connect-" + name + "-status",
                DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, "1",
                DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, "1",
                DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, "1",
                WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter",
                WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
    }

    public EmbeddedConnectCluster cluster() {
        return cluster;
    }

    /**
     * What a further worker, started outside the stack, needs to join its Connect cluster as a peer: the same broker,
     * group, internal topics, converters and {@code plugin.path}, and the extra worker properties. Its REST listener
     * is left to that worker.
     */
    public Map<String, String> peerWorkerProperties() {
        Map<String, String> peer = new HashMap<>(workerProps);
        peer.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafka().bootstrapServers());
        return peer;
    }

    @Override
    public void close() {
        cluster.stop();
    }
}
