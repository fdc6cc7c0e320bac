package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.domainbridge.it.rig.ConnectStack;
import io.domainbridge.it.rig.ForkedWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The Connect cluster of one sink connector: the stack's embedded worker, which stays throughout, and forked workers,
 * each a JVM of its own, that a test adds, stops gracefully or kills. Tells where the sink's tasks run and which
 * partitions the consumer of each task holds.
 */
final class SinkWorkers implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WORKER_START_TIMEOUT = Duration.ofMinutes(4);

    private final ConnectStack stack;
    private final String connector;
    private final Path logs;
    private final String embeddedId;
    private final Admin admin;
    private final List<ForkedWorker> forked = new ArrayList<>();
    private int started;

    SinkWorkers(ConnectStack stack, String connector, Path logs) {
        this.stack = stack;
        this.connector = connector;
        this.logs = logs;
        URI url = stack.cluster().workers().iterator().next().url();
        this.embeddedId = url.getHost() + ":" + url.getPort();
        this.admin = stack.cluster().kafka().createAdminClient();
    }

    /** Starts a forked worker and waits until it joined and the tasks are spread over every worker again. */
    ForkedWorker add() {
        started++;
        ForkedWorker worker = ForkedWorker.start(stack.peerWorkerProperties(), logs, "worker-" + started);
        forked.add(worker);
        await("worker " + worker.workerId() + " healthy")
                .atMost(WORKER_START_TIMEOUT)
                .until(worker::isHealthy);
        awaitBalanced();
        return worker;
    }

    /** One of the forked workers, chosen by the seeded random. */
    ForkedWorker pick(Random random) {
        return forked.get(random.nextInt(forked.size()));
    }

    int size() {
        return 1 + forked.size();
    }

    /** Takes a worker out of the cluster the given way, e.g. {@link ForkedWorker#kill}, and forgets it. */
    void remove(ForkedWorker worker, Consumer<ForkedWorker> how) {
        forked.remove(worker);
        how.accept(worker);
    }

    /**
     * The partitions the worker's sink tasks consume, once the consumer group is stable with one member per task;
     * its members are named {@code connector-consumer-CONNECTOR-TASK} by Connect.
     */
    Set<TopicPartition> partitionsOf(ForkedWorker worker) {
        Set<String> clients = new HashSet<>();
        for (Placement task : placements()) {
            if (task.task() && task.runsOn(worker.workerId())) {
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

    /** Every connector instance and task runs, on the live workers only, and each of them runs a task. */
    void awaitBalanced() {
        List<String> live = new ArrayList<>(List.of(embeddedId));
        forked.forEach(worker -> live.add(worker.workerId()));
        await("every worker of " + live + " runs a task")
                .atMost(TIMEOUT)
                .ignoreExceptions()
                .failFast("a task failed", () -> assertThat(placements())
                        .noneMatch(p -> p.state().equals(Placement.FAILED)))
                .untilAsserted(() -> {
                    List<Placement> placements = placements();
                    assertThat(placements)
                            .allMatch(p -> p.state().equals(Placement.RUNNING) && live.contains(p.workerId()));
                    for (String id : live) {
                        assertThat(placements)
                                .anyMatch(p -> p.task() && p.workerId().equals(id));
                    }
                });
    }

    List<Placement> placements() {
        return Placement.read(embeddedId, List.of(connector));
    }

    @Override
    public void close() {
        forked.forEach(ForkedWorker::close);
        forked.clear();
        admin.close();
    }
}
