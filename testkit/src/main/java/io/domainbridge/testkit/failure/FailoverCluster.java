package io.domainbridge.testkit.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.domainbridge.testkit.rig.ForkedWorker;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.awaitility.core.ConditionFactory;

/**
 * The scenario's Connect cluster as two workers in JVMs of their own, so that either can be killed with SIGKILL. The
 * stack's embedded worker, which created the connectors, hands its work over to them and leaves. A killed worker's
 * work moves to the other one, then a fresh worker takes the killed one's place. On close the forked workers die and
 * the embedded worker returns to lead the cluster, so that the driver can delete the connectors as usual.
 */
public final class FailoverCluster implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WORKER_START_TIMEOUT = Duration.ofMinutes(4);

    private final ScenarioDriver driver;
    private final Path logs;
    private final List<ForkedWorker> workers = new ArrayList<>();
    private int started;
    private boolean embeddedRetired;

    public FailoverCluster(ScenarioDriver driver, Path logs) {
        this.driver = driver;
        this.logs = logs;
    }

    /**
     * Starts two forked workers, retires the embedded one and waits until every connector and task runs on the
     * forked workers, each of which runs at least one task.
     */
    public void start() {
        ForkedWorker first = fork();
        ForkedWorker second = fork();
        awaitHealthy(first);
        awaitHealthy(second);
        WorkerHandle embedded = driver.connect().workers().iterator().next();
        driver.connect().removeWorker(embedded);
        embeddedRetired = true;
        awaitBalanced();
    }

    /** The first Debezium source of the scenario: the kills alternate between its worker and the other one. */
    public String firstSource() {
        return driver.configs().entrySet().stream()
                .filter(config -> config.getValue().containsKey("slot.name"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Kills with SIGKILL the worker that runs the given connector's task, or the other worker, and waits for the
     * process to be gone; what that worker ran when it died, and how many events the source had produced by then.
     */
    public WorkerKill kill(String connector, boolean itsWorker, IntSupplier produced) {
        List<Placement> placements = placements();
        String runsIt = placements.stream()
                .filter(p -> p.task() && p.connector().equals(connector))
                .findFirst()
                .orElseThrow()
                .workerId();
        ForkedWorker victim = workers.stream()
                .filter(worker -> worker.workerId().equals(runsIt) == itsWorker)
                .findFirst()
                .orElseThrow();
        List<Placement> held =
                placements.stream().filter(p -> p.runsOn(victim.workerId())).toList();
        Map<String, String> slotBackends = slotBackends();
        int atEvent = produced.getAsInt();
        Instant killedAt = Instant.now();
        victim.kill();
        workers.remove(victim);
        return new WorkerKill(victim.workerId(), atEvent, killedAt, held, slotBackends);
    }

    /**
     * Waits until the surviving worker runs every connector and task, those of the killed one included, and every
     * source whose task moved streams again over a new replication connection: its slot, which the dead worker's
     * connection held, is active for another database backend.
     */
    public void awaitTakeover(WorkerKill kill) {
        String survivor = workers.get(0).workerId();
        awaitPlacements("survivor " + survivor + " runs everything")
                .untilAsserted(() -> assertThat(placements()).allMatch(p -> p.runsOn(survivor)));
        for (Placement task : kill.tasks()) {
            String slot = driver.configs().get(task.connector()).get("slot.name");
            if (slot != null) {
                String before = kill.slotBackends().get(slot);
                await("slot " + slot + " re-acquired").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                                slotBackends().get(slot))
                        .as("backend holding slot %s of %s", slot, task.connector())
                        .isNotNull()
                        .isNotEqualTo(before));
            }
        }
    }

    /** Starts a fresh worker in the killed one's place and waits until each worker runs at least one task again. */
    public void replaceKilled() {
        awaitHealthy(fork());
        awaitBalanced();
    }

    private ForkedWorker fork() {
        started++;
        ForkedWorker worker = ForkedWorker.start(driver.stack().peerWorkerProperties(), logs, "worker-" + started);
        workers.add(worker);
        return worker;
    }

    private static void awaitHealthy(ForkedWorker worker) {
        await("worker " + worker.workerId() + " healthy")
                .atMost(WORKER_START_TIMEOUT)
                .until(worker::isHealthy);
    }

    /** Every connector and task runs on the forked workers, and each of them runs a task: a kill then proves something. */
    private void awaitBalanced() {
        List<String> ids = workers.stream().map(ForkedWorker::workerId).toList();
        awaitPlacements("every worker of " + ids + " runs a task").untilAsserted(() -> {
            List<Placement> placements = placements();
            assertThat(placements).allMatch(p -> p.state().equals(Placement.RUNNING) && ids.contains(p.workerId()));
            for (String id : ids) {
                assertThat(placements).anyMatch(p -> p.task() && p.workerId().equals(id));
            }
        });
    }

    /** Waits for a placement, stopping at once when a connector or task failed: failures do not heal by waiting. */
    private ConditionFactory awaitPlacements(String alias) {
        return await(alias).atMost(TIMEOUT).ignoreExceptions().failFast("a connector or task failed", () -> assertThat(
                        placements())
                .noneMatch(p -> p.state().equals(Placement.FAILED)));
    }

    public List<Placement> placements() {
        return Placement.read(workers.get(0).workerId(), driver.configs().keySet());
    }

    /** Slot name to the process id of the database backend streaming it; slots nobody streams are left out. */
    private Map<String, String> slotBackends() {
        String source = driver.scenario().sourceDomain();
        String database = driver.databases().of(source).name();
        Map<String, String> backends = new LinkedHashMap<>();
        for (String row : driver.databases()
                .rows(
                        source,
                        "select slot_name, active_pid from pg_replication_slots where active and database = '"
                                + database + "'")) {
            String[] columns = row.split("\\|");
            backends.put(columns[0], columns[1]);
        }
        return backends;
    }

    @Override
    public void close() {
        workers.forEach(ForkedWorker::close);
        workers.clear();
        if (embeddedRetired) {
            URI url = driver.connect().addWorker().url();
            String embedded = url.getHost() + ":" + url.getPort();
            await("embedded worker " + embedded + " leads and runs every connector")
                    .atMost(TIMEOUT)
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(
                                    Placement.read(embedded, driver.configs().keySet()))
                            .filteredOn(p -> !p.task())
                            .allMatch(p -> p.runsOn(embedded)));
        }
    }
}
