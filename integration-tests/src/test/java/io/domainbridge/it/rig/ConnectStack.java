package io.domainbridge.it.rig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A KRaft broker and distributed-mode Connect workers, with Domain Bridge installed from its archive on
 * {@code plugin.path} and plugins discovered through their service manifests, as in a stock deployment.
 */
public final class ConnectStack implements AutoCloseable {

    private final EmbeddedConnectCluster cluster;

    private ConnectStack(EmbeddedConnectCluster cluster) {
        this.cluster = cluster;
    }

    public static ConnectStack start(String name, Path pluginPath, int workers) {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put(WorkerConfig.PLUGIN_PATH_CONFIG, pluginPath.toString());
        workerProps.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
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
