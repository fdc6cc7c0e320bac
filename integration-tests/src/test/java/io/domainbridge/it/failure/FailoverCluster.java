package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.domainbridge.it.rig.ForkedWorker;
import io.domainbridge.it.scenarios.ScenarioDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's Connect cluster grown to two workers: the stack's embedded worker, which survives, and a peer in a
 * JVM of its own, which is killed with SIGKILL and replaced by a fresh peer after the survivor took its work over.
 */
final class FailoverCluster implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ScenarioDriver driver;
    private final Path logs;
    private ForkedWorker peer;
    private int peersStarted;

    FailoverCluster(ScenarioDriver driver, Path logs) {
        this.driver = driver;
        this.logs = logs;
    }

    /** The embedded worker, as Connect names it in the status API. */
    String survivor() {
        URI url = driver.connect().workers().iterator().next().url();
        return url.getHost() + ":" + url.getPort();
    }

    /**
     * Starts a fresh peer and waits until every connector and task runs again and the peer runs at least one task:
     * killing a peer that runs no task would prove nothing.
     */
    ForkedWorker startPeer() {
        peersStarted++;
        peer = ForkedWorker.start(driver.stack().peerWorkerProperties(), logs, "peer-" + peersStarted);
        await("peer " + peer.workerId() + " healthy").atMost(TIMEOUT).until(peer::isHealthy);
        String id = peer.workerId();
        await("peer " + id + " runs a task").atMost(TIMEOUT).untilAsserted(() -> {
            List<Placement> placements = placements();
            assertThat(placements).allMatch(p -> p.state().equals(Placement.RUNNING));
            assertThat(placements).anyMatch(p -> p.task() && p.workerId().equals(id));
        });
        return peer;
    }

    /** Kills the peer with SIGKILL and waits for the process to be gone; what it ran when it died. */
    WorkerKill killPeer(int atEvent) {
        String id = peer.workerId();
        List<Placement> held =
                placements().stream().filter(p -> p.runsOn(id)).toList();
        Map<String, String> slotBackends = slotBackends();
        peer.kill();
        return new WorkerKill(id, atEvent, held, slotBackends);
    }

    /**
     * Waits until the survivor runs every connector and task, those of the killed peer included, and every source
     * whose task moved streams again over a new replication connection: its slot, which the dead worker's connection
     * held, is active for another database backend.
     */
    void awaitTakeover(WorkerKill kill) {
        String survivor = survivor();
        await("survivor " + survivor + " runs everything")
                .atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(placements()).allMatch(p -> p.runsOn(survivor)));
        for (Placement task : kill.tasks()) {
            String slot = driver.configs().get(task.connector()).get("slot.name");
            if (slot != null) {
                String before = kill.slotBackends().get(slot);
                await("slot " + slot + " re-acquired")
                        .atMost(TIMEOUT)
                        .untilAsserted(() -> assertThat(slotBackends().get(slot))
                                .as("backend holding slot %s of %s", slot, task.connector())
                                .isNotNull()
                                .isNotEqualTo(before));
            }
        }
    }

    List<Placement> placements() {
        return Placement.read(driver.connect(), driver.configs().keySet());
    }

    /** Slot name to the process id of the database backend streaming it; slots nobody streams are left out. */
    private Map<String, String> slotBackends() {
        String database = driver.databases().of(driver.scenario().sourceDomain()).name();
        Map<String, String> backends = new LinkedHashMap<>();
        for (String row : driver.databases()
                .rows(
                        driver.scenario().sourceDomain(),
                        "select slot_name, active_pid from pg_replication_slots where active and database = '"
                                + database + "'")) {
            String[] columns = row.split("\\|");
            backends.put(columns[0], columns[1]);
        }
        return backends;
    }

    @Override
    public void close() {
        if (peer != null) {
            peer.close();
        }
    }
}
