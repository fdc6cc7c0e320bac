package io.domainbridge.testkit.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.ForkedWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.WorkerHandle;

/**
 * The Connect cluster of one sink connector: the stack's embedded worker, which stays throughout, further workers in
 * the test's JVM, which a test adds and stops gracefully, and forked workers, each a JVM of its own, which it kills. Tells where the sink's tasks run and which
 * partitions the consumer of each task holds.
 */
public final class SinkWorkers implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WORKER_START_TIMEOUT = Duration.ofMinutes(4);

    private final ConnectStack stack;
    private final String connector;
    private final Path logs;
    private final String embeddedId;
    private final Admin admin;
    private final Map<String, WorkerHandle> added = new LinkedHashMap<>();
    private final List<ForkedWorker> starting = new ArrayList<>();
    private final List<ForkedWorker> forked = new ArrayList<>();
    private int started;

    public SinkWorkers(ConnectStack stack, String connector, Path logs) {
        this.stack = stack;
        this.connector = connector;
        this.logs = logs;
        this.embeddedId = idOf(stack.cluster().workers().iterator().next());
        this.admin = stack.cluster().kafka().createAdminClient();
    }

    /** Adds a worker in the test's JVM and waits until the tasks are spread over every worker again. */
    public String addEmbedded() {
        WorkerHandle worker = stack.cluster().addWorker();
        added.put(idOf(worker), worker);
        awaitBalanced();
        return idOf(worker);
    }

    /** Stops a worker added in the test's JVM gracefully: its tasks stop, commit and leave both groups. */
    public void stopEmbedded(String workerId) {
        stack.cluster().removeWorker(added.remove(workerId));
    }

    /** Starts forked workers, which take a while to boot; {@link #awaitForked()} waits until they joined. */
    public void fork(int count) {
        for (int i = 0; i < count; i++) {
            started++;
            starting.add(ForkedWorker.start(stack.peerWorkerProperties(), logs, "worker-" + started));
        }
    }

    /** Waits until the forked workers started and the tasks are spread over every worker again. */
    public void awaitForked() {
        for (ForkedWorker worker : starting) {
            await("worker " + worker.workerId() + " healthy")
                    .atMost(WORKER_START_TIMEOUT)
                    .until(worker::isHealthy);
        }
        forked.addAll(starting);
        starting.clear();
        awaitBalanced();
    }

    /** One of the forked workers that joined, chosen by the seeded random. */
    public ForkedWorker pick(Random random) {
        return forked.get(random.nextInt(forked.size()));
    }

    public int size() {
        return 1 + added.size() + forked.size();
    }

    /** Takes a forked worker out of the cluster the given way, e.g. {@link ForkedWorker#kill}, and forgets it. */
    public void remove(ForkedWorker worker, Consumer<ForkedWorker> how) {
        forked.remove(worker);
        how.accept(worker);
    }

    /**
     * The partitions the worker's sink tasks consume, once the consumer group is stable with one member per task;
     * its members are named {@code connector-consumer-CONNECTOR-TASK} by Connect.
     */
    public Set<TopicPartition> partitionsOf(String workerId) {
        Set<String> clients = new HashSet<>();
        for (Placement task : placements()) {
            if (task.task() && task.runsOn(workerId)) {
                clients.add("connector-consumer-" + task.unit());
            }
        }
        Set<TopicPartition> partitions = new HashSet<>();
        await("consumer group of " + connector + " stable")
                .atMost(TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(() -> {
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("connect-" + connector))
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .get("connect-" + connector);
                    assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                    partitions.clear();
                    Set<String> missing = new HashSet<>(clients);
                    for (MemberDescription member : group.members()) {
                        if (missing.remove(member.clientId())) {
                            partitions.addAll(member.assignment().topicPartitions());
                        }
                    }
                    assertThat(missing)
                            .as("tasks without a consumer in the group")
                            .isEmpty();
                });
        return partitions;
    }

    /**
     * Every connector instance and task runs, on the live workers only, and each of them runs a task. A forked worker
     * still booting counts as live once it answers: on a fast machine it joins the group before the test waits for it.
     */
    public void awaitBalanced() {
        await("every live worker runs a task")
                .atMost(TIMEOUT)
                .ignoreExceptions()
                .failFast("a task failed", () -> assertThat(placements())
                        .noneMatch(p -> p.state().equals(Placement.FAILED)))
                .untilAsserted(() -> {
                    List<String> live = liveWorkers();
                    List<Placement> placements = placements();
                    assertThat(placements)
                            .as("placements on the live workers %s", live)
                            .allMatch(p -> p.state().equals(Placement.RUNNING) && live.contains(p.workerId()));
                    for (String id : live) {
                        assertThat(placements)
                                .as("a task on %s", id)
                                .anyMatch(p -> p.task() && p.workerId().equals(id));
                    }
                });
    }

    private List<String> liveWorkers() {
        List<String> live = new ArrayList<>(List.of(embeddedId));
        live.addAll(added.keySet());
        forked.forEach(worker -> live.add(worker.workerId()));
        starting.stream().filter(ForkedWorker::isHealthy).forEach(worker -> live.add(worker.workerId()));
        return live;
    }

    private static String idOf(WorkerHandle worker) {
        URI url = worker.url();
        return url.getHost() + ":" + url.getPort();
    }

    public List<Placement> placements() {
        return Placement.read(embeddedId, List.of(connector));
    }

    @Override
    public void close() {
        starting.forEach(ForkedWorker::close);
        forked.forEach(ForkedWorker::close);
        forked.clear();
        admin.close();
    }
}
