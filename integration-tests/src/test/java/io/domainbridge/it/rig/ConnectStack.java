package io.domainbridge.it.rig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A KRaft broker and distributed-mode Connect workers, with Domain Bridge installed from its archive on
 * {@code plugin.path} and plugins discovered through their service manifests, as in a stock deployment.
 */
public final class ConnectStack implements AutoCloseable {

    /** Comma-separated plugin directories of third-party connectors, e.g. Debezium's. */
    public static final String THIRD_PARTY_PLUGINS = "domainbridge.test.plugin.path";

    private final EmbeddedConnectCluster cluster;

    private ConnectStack(EmbeddedConnectCluster cluster) {
        this.cluster = cluster;
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
        String thirdParty = System.getProperty(THIRD_PARTY_PLUGINS, "");
        Stream<String> directories = Stream.concat(
                pluginPath.stream().map(Path::toString),
                Arrays.stream(thirdParty.split(",")).map(String::trim).filter(path -> !path.isEmpty()));
        workerProps.put(WorkerConfig.PLUGIN_PATH_CONFIG, directories.collect(Collectors.joining(",")));
        workerProps.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
        workerProps.putAll(extra);
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .workerProps(workerProps)
                .build();
        cluster.start();
        return new ConnectStack(cluster);
    }

    public EmbeddedConnectCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.stop();
    }
}
