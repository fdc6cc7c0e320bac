package io.domainbridge.testkit.failure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One worker killed: its id, how many events the source had produced when it died, when it was killed, the connector
 * instances and tasks it ran, and the database backend that held each replication slot just before.
 */
public record WorkerKill(
        String workerId, int atEvent, Instant killedAt, List<Placement> held, Map<String, String> slotBackends) {

    public List<Placement> tasks() {
        return held.stream().filter(Placement::task).toList();
    }
}
