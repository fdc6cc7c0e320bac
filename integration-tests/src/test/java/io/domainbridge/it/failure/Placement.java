package io.domainbridge.it.failure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Where Connect runs one connector instance or one of its tasks, and in which state, as
 * {@code GET /connectors/NAME/status} reports it. Entries of a worker that died stay as they were until Connect
 * assigns the work to another worker.
 */
record Placement(String connector, String unit, boolean task, String state, String workerId) {

    static final String RUNNING = "RUNNING";

    /** The placement of every connector instance and task of the given connectors. */
    static List<Placement> read(EmbeddedConnectCluster connect, Collection<String> connectors) {
        List<Placement> placements = new ArrayList<>();
        for (String name : connectors) {
            ConnectorStateInfo status = connect.connectorStatus(name);
            placements.add(new Placement(
                    name, name, false, status.connector().state(), status.connector().workerId()));
            for (ConnectorStateInfo.TaskState task : status.tasks()) {
                placements.add(new Placement(name, name + "-" + task.id(), true, task.state(), task.workerId()));
            }
        }
        return placements;
    }

    boolean runsOn(String worker) {
        return state.equals(RUNNING) && workerId.equals(worker);
    }
}
